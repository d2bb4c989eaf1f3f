package org.mlc.ledger.ops.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real processes for the fault tests: one PostgreSQL server (zonky's PostgreSQL 17 binaries, the
 * ones the build already has, run as a server of its own on a loopback port) and application
 * nodes, each a {@code java -jar currency-api.jar} on that server. Everything listens on
 * 127.0.0.1; everything is stopped on {@link #close()}.
 */
final class Cluster implements AutoCloseable {

    static final String ADMIN_PASSWORD = "fault-tests-admin";
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path API_JAR = ROOT.resolve("currency-api/target/currency-api.jar");
    static final Path OPS_JAR = ROOT.resolve("currency-ops/target/currency-ops.jar");
    /** Ports the tests pick from (free ones): application nodes, then the PostgreSQL server. */
    static final int NODE_PORTS_FROM = Integer.getInteger("faults.node-ports-from", 18300);
    static final int PG_PORTS_FROM = Integer.getInteger("faults.pg-ports-from", 55400);
    static final Duration NODE_START_TIMEOUT = Duration.ofSeconds(300);

    final Path dir;
    private final Path pgData;
    private final int pgPort;
    private EmbeddedPostgres postgres;
    private final List<Node> nodes = new ArrayList<>();

    Cluster(String name) throws IOException {
        this(name, true);
    }

    private Cluster(String name, boolean withServer) throws IOException {
        this.dir = Files.createDirectories(Path.of("target", "faults", name + "-" + System.currentTimeMillis()))
                .toAbsolutePath();
        this.pgData = dir.resolve("pgdata");
        this.pgPort = withServer ? freePort(PG_PORTS_FROM) : 0;
        if (withServer) {
            startPostgres();
        }
    }

    /** No PostgreSQL server: each node runs its own embedded one in its MLC_DATA_DIR, as the README's command does. */
    static Cluster withoutServer(String name) throws IOException {
        return new Cluster(name, false);
    }

    boolean hasServer() {
        return pgPort != 0;
    }

    /** The MLC_DATA_DIR of node {@code name}. */
    Path dataDir(String name) {
        return dir.resolve(name);
    }

    /** The PostgreSQL server: started on the same data directory and port each time. */
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setRegisterShutdownHook(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
                .start();
    }

    /** Stops the server as {@code pg_ctl stop -m fast} does: open connections are cut. */
    void stopPostgres() throws IOException {
        postgres.close();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
    }

    DataSource dataSource() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser("postgres");
        return ds;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    /** A new application node (not started yet). */
    Node node(String name, Map<String, String> extraEnvironment) throws IOException {
        Node node = new Node(name, freePort(NODE_PORTS_FROM), this, extraEnvironment);
        nodes.add(node);
        return node;
    }

    /** {@code currency-ops reconcile} on this server: its exit status. */
    int reconcile() throws IOException, InterruptedException {
        return reconcile(Map.of("SPRING_DATASOURCE_URL", jdbcUrl(), "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "", "MLC_DATA_DIR", dir.resolve("ops").toString()), "reconcile.log");
    }

    /** {@code currency-ops reconcile} on the embedded database in {@code dataDir}: its exit status. */
    int reconcile(Path dataDir, String logName) throws IOException, InterruptedException {
        return reconcile(Map.of("MLC_DATA_DIR", dataDir.toString()), logName);
    }

    private int reconcile(Map<String, String> environment, String logName) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx256m", "-jar", OPS_JAR.toString(), "reconcile")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("reconcile did not finish in 180 s");
        }
        return process.exitValue();
    }

    /** How many lines of the nodes' logs contain {@code text}. */
    long countInLogs(String text) throws IOException {
        long count = 0;
        for (Node node : nodes) {
            Path log = dir.resolve(node.name + ".log");
            if (Files.exists(log)) {
                try (var lines = Files.lines(log)) {
                    count += lines.filter(line -> line.contains(text)).count();
                }
            }
        }
        return count;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A free loopback port at or above {@code from} (the ranges keep clear of other services). */
    static synchronized int freePort(int from) throws IOException {
        for (int port = from; port < from + 100; port++) {
            if (TAKEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                TAKEN.add(port);
                return port;
            } catch (IOException busy) {
                // try the next one
            }
        }
        throw new IOException("no free port from " + from);
    }

    private static final java.util.Set<Integer> TAKEN = new java.util.HashSet<>();

    @Override
    public void close() throws IOException {
        for (Node node : nodes) {
            node.kill();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static File log(Path dir, String name) {
        return dir.resolve(name + ".log").toFile();
    }
}
