package org.mlc.ledger.api.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A JVM of its own holding the embedded database the way the application does
 * ({@link EmbeddedDatabaseConfiguration} on a data directory), so that a test can kill it with
 * SIGKILL. {@link #main} writes rows, commits, prints {@code READY <jdbc url>}, and runs until its
 * standard input closes (the test ends).
 */
final class EmbeddedDatabaseProcess implements AutoCloseable {

    static final int ROWS = 100;

    final Process process;
    final String jdbcUrl;
    private final List<String> output;

    private EmbeddedDatabaseProcess(Process process, String jdbcUrl, List<String> output) {
        this.process = process;
        this.jdbcUrl = jdbcUrl;
        this.output = output;
    }

    /** Starts the child on {@code dataDir} and waits until it has committed its rows. */
    static EmbeddedDatabaseProcess start(Path dataDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseProcess.class.getName(),
                dataDir.toString())
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("READY ")) {
                return new EmbeddedDatabaseProcess(process, line.substring("READY ".length()), output);
            }
            if (line == null && !process.isAlive()) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the child did not get ready:\n" + String.join("\n", output));
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // it is going anyway
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static AnnotationConfigApplicationContext database(Path dataDir) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "mlc.data-dir", dataDir.toString(),
                // what the application runs with: a committed row is on disk
                "mlc.embedded.synchronous-commit", "on")));
        context.register(EmbeddedDatabaseConfiguration.class);
        context.refresh();
        return context;
    }

    public static void main(String[] args) throws IOException {
        try (AnnotationConfigApplicationContext context = database(Path.of(args[0]))) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            jdbc.execute("CREATE TABLE IF NOT EXISTS crash_probe (n int PRIMARY KEY)");
            for (int n = 1; n <= ROWS; n++) {
                jdbc.update("INSERT INTO crash_probe VALUES (?) ON CONFLICT DO NOTHING", n);
            }
            System.out.println("READY " + context.getBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)
                    .getJdbcUrl("postgres", "postgres"));
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input
            }
        }
    }
}
