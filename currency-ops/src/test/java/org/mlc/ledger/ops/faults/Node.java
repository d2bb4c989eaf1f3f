package org.mlc.ledger.ops.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One application node: {@code java -jar currency-api.jar} on the cluster's PostgreSQL server, loopback only. */
final class Node {

    final String name;
    final int port;
    private final Cluster cluster;
    private final Map<String, String> extraEnvironment;
    private Process process;
    private int starts;

    Node(String name, int port, Cluster cluster, Map<String, String> extraEnvironment) {
        this.name = name;
        this.port = port;
        this.cluster = cluster;
        this.extraEnvironment = new LinkedHashMap<>(extraEnvironment);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process; {@link #awaitUp()} waits for it to answer. */
    Node start() throws IOException {
        return start(Map.of());
    }

    /** Starts the process with these variables on top of the node's own (e.g. to clear a fault hook). */
    Node start(Map<String, String> override) throws IOException {
        starts++;
        ProcessBuilder builder = new ProcessBuilder(Cluster.java(), "-Xmx512m", "-XX:+UseSerialGC",
                "-jar", Cluster.API_JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Cluster.log(cluster.dir, name)));
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        if (cluster.hasServer()) {
            env.put("SPRING_DATASOURCE_URL", cluster.jdbcUrl());
            env.put("SPRING_DATASOURCE_USERNAME", "postgres");
            env.put("SPRING_DATASOURCE_PASSWORD", "");
        }
        env.put("MLC_DATA_DIR", cluster.dataDir(name).toString());
        env.put("MLC_ADMIN_PASSWORD", Cluster.ADMIN_PASSWORD);
        // every request checks a bcrypt hash: the lowest cost keeps the clients' load on the ledger
        env.put("MLC_SECURITY_BCRYPT_STRENGTH", "4");
        env.putAll(extraEnvironment);
        env.putAll(override);
        process = builder.start();
        return this;
    }

    /** Waits until /actuator/health/readiness answers UP; the time it took. */
    Duration awaitUp() throws InterruptedException {
        Instant started = Instant.now();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (Duration.between(started, Instant.now()).compareTo(Cluster.NODE_START_TIMEOUT) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                        + Cluster.log(cluster.dir, name));
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                URI.create(baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    return Duration.between(started, Instant.now());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not up after " + Cluster.NODE_START_TIMEOUT);
    }

    /** SIGKILL: the process dies at once, whatever it was doing. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it: Spring's graceful shutdown; its exit status. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the process to end on its own; its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + timeout);
        }
        return process.exitValue();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }
}
