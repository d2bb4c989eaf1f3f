package org.mlc.ledger.ops.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * currency-api as its users run it: {@code java -jar currency-api.jar} in a child process, on the
 * bench's PostgreSQL. A separate JVM so that its start-up time, heap and profile are its own, not
 * mixed with the bench's clients, and so that JVM flags can be tried on it.
 */
public final class AppProcess implements AutoCloseable {

    public static final Duration MAX_START = Duration.ofMinutes(3);
    private static final Pattern USED_KB = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final URI base;
    private final Path log;
    private final double startSeconds;

    private AppProcess(Process process, URI base, Path log, double startSeconds) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.startSeconds = startSeconds;
    }

    /** Where currency-api's runnable jar is: given, or built next to this module in the reactor. */
    public static Path findJar(Path given) {
        if (given != null) {
            return given;
        }
        for (Path candidate : List.of(Path.of("currency-api/target/currency-api.jar"),
                Path.of("../currency-api/target/currency-api.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("currency-api.jar not found: build it (./mvnw -q -DskipTests package) "
                + "and run from the project's directory, or give --app-jar");
    }

    /**
     * Copies the jar into {@code workDir} (a rebuild must not pull it from under the running JVM)
     * and starts it; returns once {@code /actuator/health} answers UP.
     */
    public static AppProcess start(Path jar, Path workDir, String jdbcUrl, String adminPassword, List<String> jvmOptions,
                                   Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path copy = workDir.resolve("currency-api.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(copy.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("MLC_ADMIN_PASSWORD", adminPassword);
        env.put("MLC_DATA_DIR", workDir.resolve("data").toString());
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.putAll(extraEnvironment);
        Path log = workDir.resolve("currency-api.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        URI base = URI.create("http://localhost:" + port);
        LedgerClient probe = new LedgerClient(base, "admin", adminPassword);
        long deadline = started + MAX_START.toNanos();
        while (!probe.healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("currency-api stopped while starting (exit " + process.exitValue()
                        + "); see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("currency-api did not start within " + MAX_START + "; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return new AppProcess(process, base, log, (System.nanoTime() - started) / 1e9);
    }

    public URI base() {
        return base;
    }

    public Path log() {
        return log;
    }

    /** From {@code java -jar} to health UP, on an empty database (Flyway included). */
    public double startSeconds() {
        return startSeconds;
    }

    /** Heap in use after a full GC, in MiB, read with {@code jcmd}; -1 if jcmd is not there. */
    public double heapAfterGcMiB() {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            if (!Files.isExecutable(jcmd)) {
                return -1;
            }
            String pid = String.valueOf(process.pid());
            run(jcmd.toString(), pid, "GC.run");
            String info = run(jcmd.toString(), pid, "GC.heap_info");
            Matcher used = USED_KB.matcher(info);
            return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: Spring's graceful shutdown (a JFR recording is dumped on exit)
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
