package org.mlc.ledger.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlc.ledger.ops.reconcile.EventStoreReconciler;
import org.mlc.ledger.ops.reconcile.ReconcileCommand;
import org.mlc.ledger.ops.reconcile.ReconciliationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Component
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {
                "Payments per second through the ledger's HTTP API, side by side with a hand-written SQL ledger "
                        + "(lock both rows in id order, update balances, insert two entries, one transaction) on "
                        + "the same PostgreSQL server, with the same clients and the same accounts.",
                "Starts a fresh embedded PostgreSQL and currency-api (java -jar, in a child process) unless "
                        + "--app-url and --jdbc-url name running ones; creates the accounts funded by conversions; "
                        + "runs each mode and client count; ends with reconcile. Prints a table and writes JSON and "
                        + "a PNG (throughput against clients) to --out.",
                "--scenario hosted-day: the hosted-scale day instead: --currencies currencies of --accounts members "
                        + "and --merchants merchants each, --rate conversions and payments per second (open loop) for "
                        + "--day-seconds while a grant batch, a direct issuance and a FEC export run; then the same "
                        + "checks. See docs/performance.md."},
        exitCodeListHeading = "%nExit codes:%n",
        subcommands = StoreBenchCommand.class,
        exitCodeList = {"0:ran; no payment lost or doubled, every invariant holds",
                "1:a payment was lost or doubled, or an invariant does not hold", "2:could not run"})
public class BenchCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);
    private static final String PAYMENT = "org.mlc.ledger.payment.";
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
    /** Units each payer starts with, in minor units (payments are 0.01 to 1.00). */
    public static final long FUNDING_MINOR = 100_000;
    public static final int SETUP_THREADS = 8;
    public static final long MAX_SETTLE_SECONDS = 300;

    /** How often the views' positions are read after a run. */
    static final long VIEWS_POLL_MILLIS = 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "throughput", description = "throughput (payments/s against the "
            + "SQL peer, per mode and client count) or hosted-day (many currencies, a steady open-loop load of "
            + "conversions and payments while a grant batch, an issuance and a FEC export run; see the --day options "
            + "and docs/performance.md) (default ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--accounts", defaultValue = "200", description = "paying accounts (members), each funded by a "
            + "conversion; hosted-day: per currency (default ${DEFAULT-VALUE})")
    int accounts;

    @Option(names = "--merchants", defaultValue = "20", description = "paid accounts; hot mode pays the first; "
            + "hosted-day: per currency (default ${DEFAULT-VALUE})")
    int merchants;

    @Option(names = "--read-after-write-every", defaultValue = "10", description = "throughput: after every Nth "
            + "payment a client has done, it reads the payer's account at once (GET /api/v1/accounts/{id}, which "
            + "waits for the views; the peer reads its row); the RaW p99 column is their latency; 0: no reads "
            + "(default ${DEFAULT-VALUE})")
    int readAfterWriteEvery;

    @Option(names = "--currencies", defaultValue = "50", description = "hosted-day: currencies, each with its counter, "
            + "--accounts members and --merchants merchants (default ${DEFAULT-VALUE})")
    int currencies;

    @Option(names = "--day-seconds", defaultValue = "120", description = "hosted-day: how long the steady load lasts "
            + "(default ${DEFAULT-VALUE})")
    double daySeconds;

    @Option(names = "--rate", defaultValue = "100", description = "hosted-day: operations per second in all, started "
            + "on schedule whatever the answers (open loop), spread over the currencies (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--conversion-percent", defaultValue = "20", description = "hosted-day: share of the operations "
            + "that are counter conversions (10.00-50.00 EUR); the rest are member payments to merchants "
            + "(default ${DEFAULT-VALUE})")
    int conversionPercent;

    @Option(names = "--grant-lines", defaultValue = "10000", description = "hosted-day: lines of the CCAS's grant "
            + "batch (1.00 each, over the members of the first currency) (default ${DEFAULT-VALUE})")
    int grantLines;

    @Option(names = "--issuance-lines", defaultValue = "200", description = "hosted-day: lines of the collectivite's "
            + "direct issuance (10.00 each), filed by its user then confirmed by the admin (default ${DEFAULT-VALUE})")
    int issuanceLines;

    @Option(names = "--background-after-seconds", defaultValue = "10", description = "hosted-day: when the grant "
            + "batch, the issuance and the FEC export start, into the day (default ${DEFAULT-VALUE})")
    double backgroundAfterSeconds;

    @Option(names = "--day-workers", defaultValue = "64", description = "hosted-day: requests in flight at most; "
            + "operations due beyond wait for a worker, and that wait counts in their latency (default "
            + "${DEFAULT-VALUE})")
    int dayWorkers;

    @Option(names = "--clients", split = ",", defaultValue = "1,4,16,32,64",
            description = "concurrent clients, one run per value (default ${DEFAULT-VALUE})")
    int[] clients;

    @Option(names = "--seconds", defaultValue = "12", description = "measured seconds per run (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--warmup-seconds", defaultValue = "3", description = "unmeasured seconds before each run "
            + "(default ${DEFAULT-VALUE})")
    double warmupSeconds;

    @Option(names = "--jit-warmup-seconds", defaultValue = "60", description = "unmeasured payments once, before "
            + "the first run (uniform, the largest client count), so that the JIT has compiled the payment path: "
            + "a fresh JVM spends its first minute compiling (default ${DEFAULT-VALUE})")
    double jitWarmupSeconds;

    @Option(names = "--mode", defaultValue = "both", description = "hot (every payer pays one merchant), uniform "
            + "(any merchant) or both (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--soak-seconds", defaultValue = "0", description = "after the runs, keep the ledger busy this "
            + "long (uniform, the largest client count) before measuring its heap (default ${DEFAULT-VALUE})")
    double soakSeconds;

    @Option(names = "--app-url", description = "a running currency-api to measure instead of starting one")
    URI appUrl;

    @Option(names = "--jdbc-url", description = "its PostgreSQL (for the peer and reconcile); with --app-url")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "postgres", description = "default ${DEFAULT-VALUE}")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "", description = "default empty")
    String jdbcPassword;

    @Option(names = "--admin-password", description = "with --app-url: the admin's password (default: "
            + "MLC_ADMIN_PASSWORD)")
    String adminPassword;

    @Option(names = "--app-jar", description = "currency-api's runnable jar (default currency-api/target/"
            + "currency-api.jar)")
    Path appJar;

    @Option(names = "--jvm-options", defaultValue = "-Xmx512m", description = "JVM options of the started "
            + "currency-api, space separated (default ${DEFAULT-VALUE})")
    String jvmOptions;

    @Option(names = "--app-env", description = "extra environment of the started currency-api, NAME=value, "
            + "repeatable (settings to try, e.g. MLC_DB_POOL_SIZE=30 or SPRING_APPLICATION_JSON=...)")
    Map<String, String> appEnvironment = new LinkedHashMap<>();

    @Option(names = "--postgres-setting", description = "a server setting of the started PostgreSQL, name=value, "
            + "repeatable (to try, e.g. commit_delay=200 commit_siblings=2: concurrent commits share one flush)")
    Map<String, String> postgresSettings = new LinkedHashMap<>();

    @Option(names = "--jfr", description = "record a JFR profile of the started currency-api into --out")
    boolean jfr;

    @Option(names = "--out", defaultValue = "target/bench", description = "where the JSON, PNG and logs go "
            + "(default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LoadRun.Mode> modes = switch (mode.toLowerCase(Locale.ROOT)) {
            case "hot" -> List.of(LoadRun.Mode.HOT);
            case "uniform" -> List.of(LoadRun.Mode.UNIFORM);
            case "both" -> List.of(LoadRun.Mode.HOT, LoadRun.Mode.UNIFORM);
            default -> null;
        };
        if (modes == null || accounts < 1 || merchants < 1 || clients.length == 0
                || Arrays.stream(clients).anyMatch(k -> k < 1) || seconds <= 0 || warmupSeconds < 0 || jitWarmupSeconds < 0) {
            err.println("bench: --mode is hot, uniform or both; --accounts, --merchants, --clients and --seconds "
                    + "must be positive");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        boolean hostedDay = "hosted-day".equalsIgnoreCase(scenario);
        if (!hostedDay && !"throughput".equalsIgnoreCase(scenario)) {
            err.println("bench: --scenario is throughput or hosted-day");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        if (hostedDay && (currencies < 1 || currencies > 999 || daySeconds <= 0 || rate <= 0 || conversionPercent < 0
                || conversionPercent > 100 || grantLines < 1 || grantLines > 10_000 || issuanceLines < 1
                || issuanceLines > 10_000 || backgroundAfterSeconds < 0 || dayWorkers < 1)) {
            err.println("bench: hosted-day needs --currencies 1 to 999, --day-seconds, --rate, --day-workers positive, "
                    + "--conversion-percent 0 to 100, --grant-lines and --issuance-lines 1 to 10000");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        if (readAfterWriteEvery < 0) {
            err.println("bench: --read-after-write-every must be 0 or more");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        if ((appUrl == null) != (jdbcUrl == null)) {
            err.println("bench: --app-url and --jdbc-url go together (the peer and reconcile need the database)");
            return ReconcileCommand.EXIT_COULD_NOT_RUN;
        }
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = out.resolve("run-" + stamp).toAbsolutePath();
        Files.createDirectories(runDir);
        int maxClients = Arrays.stream(clients).max().orElse(1);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", machine());
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("accounts", accounts, "merchants", merchants,
                "clients", clients, "seconds", seconds, "warmupSeconds", warmupSeconds, "jitWarmupSeconds",
                jitWarmupSeconds, "modes", modes, "jvmOptions", jvmOptions, "appEnvironment", appEnvironment,
                "soakSeconds", soakSeconds));
        parameters.put("readAfterWriteEvery", readAfterWriteEvery);
        report.put("parameters", parameters);
        EmbeddedPostgres postgres = null;
        AppProcess app = null;
        HikariDataSource dataSource = null;
        // Ctrl-C runs no finally block: the child application and the database must not outlive the bench
        AutoCloseable[] started = new AutoCloseable[2];
        Thread cleanUp = new Thread(() -> {
            for (AutoCloseable c : started) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }
        }, "bench-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            String url = jdbcUrl;
            if (url == null) {
                stdout.println("Starting a fresh embedded PostgreSQL in " + runDir.resolve("postgres"));
                stdout.flush();
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(runDir.resolve("postgres"))
                        .setCleanDataDirectory(true)
                        .setRegisterShutdownHook(false)
                        .setPort(AppProcess.freePort())
                        // the application's own setting: commits wait for the disk, for both ledgers
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "300");
                postgresSettings.forEach(builder::setServerConfig);
                report.put("postgresSettings", postgresSettings);
                postgres = builder.start();
                started[1] = postgres;
                url = postgres.getJdbcUrl("postgres", "postgres");
                jdbcUser = "postgres";
                jdbcPassword = "";
            }
            dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(url);
            dataSource.setUsername(jdbcUser);
            dataSource.setPassword(jdbcPassword);
            dataSource.setMaximumPoolSize(maxClients + 4);
            dataSource.setPoolName("bench");
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String password = adminPassword;
            URI base = appUrl;
            if (base == null) {
                password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
                List<String> options = new ArrayList<>(Arrays.asList(jvmOptions.trim().split("\\s+")));
                options.removeIf(String::isEmpty);
                if (jfr) {
                    options.add("-XX:StartFlightRecording=filename=" + runDir.resolve("currency-api.jfr")
                            + ",settings=profile,dumponexit=true");
                }
                Path jar = AppProcess.findJar(appJar);
                stdout.println("Starting " + jar + " " + String.join(" ", options));
                stdout.flush();
                app = AppProcess.start(jar, runDir.resolve("app"), url, password, options, appEnvironment);
                started[0] = app;
                base = app.base();
                stdout.printf(Locale.ROOT, "currency-api up in %.1f s (java -jar to health UP, empty database)%n",
                        app.startSeconds());
                report.put("startSeconds", app.startSeconds());
            } else if (password == null) {
                password = System.getenv("MLC_ADMIN_PASSWORD");
                if (password == null) {
                    err.println("bench: with --app-url give --admin-password or MLC_ADMIN_PASSWORD");
                    return ReconcileCommand.EXIT_COULD_NOT_RUN;
                }
            }
            report.put("postgres", jdbc.queryForObject("SHOW server_version", String.class));
            LedgerClient api = new LedgerClient(base, "admin", password);
            String runId = stamp.replace("-", "") + HexFormat.of().formatHex(new SecureRandom().generateSeed(2));
            if (hostedDay) {
                return hostedDay(api, jdbc, dataSource, runDir, runId, stamp, report, app, stdout);
            }

            long setupStarted = System.nanoTime();
            List<String> accountIds = setUp(api, runId, stdout);
            double setupSeconds = (System.nanoTime() - setupStarted) / 1e9;
            stdout.printf(Locale.ROOT, "Set up %,d funded accounts and %,d merchants in %.1f s%n", accounts, merchants,
                    setupSeconds);
            report.put("setupSeconds", setupSeconds);
            long headAfterSetup = head(jdbc);

            SqlPeer peer = new SqlPeer(dataSource);
            long[] balances = new long[accounts + merchants];
            Arrays.fill(balances, 0, accounts, FUNDING_MINOR);
            peer.create(balances);
            peer.open(maxClients);

            AtomicLong paymentsDone = new AtomicLong();
            AtomicLong keys = new AtomicLong();
            AtomicLong uncertain = new AtomicLong();
            LoadRun.Payments ours = (client, sequence, from, to, amountMinor) -> {
                LedgerClient.Answer answer;
                try {
                    answer = api.post("/api/v1/payments", "bench-" + runId + "-" + keys.incrementAndGet(),
                            "{\"from\":\"" + accountIds.get(from) + "\",\"to\":\"" + accountIds.get(to)
                                    + "\",\"amount\":\"" + amount(amountMinor) + "\"}");
                } catch (java.io.IOException e) {
                    uncertain.incrementAndGet(); // the payment may or may not have been made
                    throw e;
                }
                if (answer.status() == 201) {
                    paymentsDone.incrementAndGet();
                    return LoadRun.Outcome.DONE;
                }
                if (answer.status() >= 500) {
                    uncertain.incrementAndGet();
                }
                return LoadRun.Outcome.failed(answer.error());
            };
            LoadRun.Payments sql = (client, sequence, from, to, amountMinor) -> peer.pay(client, from, to, amountMinor);
            // read-your-writes under load: the payer's account right after its payment (the GET waits for the views)
            LoadRun.FollowUp ourReads = new LoadRun.FollowUp(readAfterWriteEvery, (client, from, to) ->
                    api.get("/api/v1/accounts/" + accountIds.get(from)).status() == 200);
            LoadRun.FollowUp peerReads = new LoadRun.FollowUp(readAfterWriteEvery, (client, from, to) ->
                    peer.balance(client, from) >= 0);

            List<Map<String, Object>> rows = new ArrayList<>();
            List<BenchTable.Row> table = new ArrayList<>();
            long seed = 2013;
            if (jitWarmupSeconds > 0) {
                stdout.printf(Locale.ROOT, "  JIT warm-up: %.0f s of payments, uniform, K=%d, not measured ...%n",
                        jitWarmupSeconds, maxClients);
                stdout.flush();
                LoadRun.run("jit-warmup", new LoadRun.Distribution(LoadRun.Mode.UNIFORM, accounts, merchants),
                        maxClients, jitWarmupSeconds, 0.1, seed - 1, ours, LoadRun.Window.NONE);
                viewsLagSeconds(api, head(jdbc));
            }
            for (LoadRun.Mode m : modes) {
                LoadRun.Distribution distribution = new LoadRun.Distribution(m, accounts, merchants);
                for (int k : clients) {
                    stdout.printf(Locale.ROOT, "  %-7s K=%-3d ledger ...", m, k);
                    stdout.flush();
                    long[] window = new long[2];
                    long[] windowNanos = new long[2];
                    LoadRun.Result ledger = LoadRun.run("ledger", distribution, k, warmupSeconds, seconds, seed, ours,
                            new LoadRun.Window() {
                                @Override
                                public void opened() {
                                    window[0] = head(jdbc);
                                    windowNanos[0] = System.nanoTime();
                                }

                                @Override
                                public void closed() {
                                    window[1] = head(jdbc);
                                    windowNanos[1] = System.nanoTime();
                                }
                            }, ourReads);
                    double eventsPerSecond = (window[1] - window[0]) / ((windowNanos[1] - windowNanos[0]) / 1e9);
                    // a payment answers before the views show it: how long after the last answer they did
                    double viewsLagSeconds = viewsLagSeconds(api, head(jdbc));
                    boolean drained = !Double.isNaN(viewsLagSeconds);
                    stdout.printf(Locale.ROOT, " %.0f/s (views %.1f s behind); SQL peer ...", ledger.perSecond(),
                            viewsLagSeconds);
                    stdout.flush();
                    LoadRun.Result peerResult = LoadRun.run("sql-peer", distribution, k, warmupSeconds, seconds, seed,
                            sql, LoadRun.Window.NONE, peerReads);
                    stdout.printf(Locale.ROOT, " %.0f/s%n", peerResult.perSecond());
                    stdout.flush();
                    double ratio = peerResult.perSecond() == 0 ? 0 : ledger.perSecond() / peerResult.perSecond();
                    table.add(new BenchTable.Row(ledger, peerResult, eventsPerSecond, viewsLagSeconds, ratio));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("mode", m);
                    row.put("clients", k);
                    row.put("ledger", ledger);
                    row.put("eventsAppendedPerSecond", eventsPerSecond);
                    row.put("viewsCaughtUpSecondsAfterRun", drained ? viewsLagSeconds : null);
                    row.put("readAfterWriteP99Millis", readAfterWriteEvery > 0 ? ledger.readAfterWriteP99Millis() : null);
                    row.put("peer", peerResult);
                    row.put("ratio", ratio);
                    rows.add(row);
                    seed++;
                }
            }
            report.put("runs", rows);
            if (soakSeconds > 0) {
                stdout.printf(Locale.ROOT, "Soak: %.0f s, uniform, K=%d ...%n", soakSeconds, maxClients);
                stdout.flush();
                LoadRun.Result soak = LoadRun.run("ledger-soak", new LoadRun.Distribution(LoadRun.Mode.UNIFORM,
                        accounts, merchants), maxClients, 0, soakSeconds, seed, ours, LoadRun.Window.NONE);
                report.put("soak", soak);
                stdout.printf(Locale.ROOT, "  %.0f payments/s, p99 %.1f ms%n", soak.perSecond(), soak.p99Millis());
            }
            if (app != null) {
                double heap = app.heapAfterGcMiB();
                report.put("heapAfterGcMiB", heap);
                stdout.printf(Locale.ROOT, "currency-api heap after the runs and a full GC: %.0f MiB%n", heap);
            }
            BenchTable.print(stdout, table);

            // No lost or doubled payment: every debit credited or returned, once; every 201 has its debit.
            stdout.println("Settling: waiting for the saga and projections to reach the last event ...");
            stdout.flush();
            boolean settled = settle(jdbc);
            Map<String, Object> checks = transferChecks(jdbc, headAfterSetup, paymentsDone.get(), uncertain.get());
            checks.put("settled", settled);
            String peerProblem = peer.check();
            checks.put("peer", peerProblem == null ? "balanced" : peerProblem);
            peer.close();
            long reconcileStarted = System.nanoTime();
            ReconciliationReport reconciliation = new EventStoreReconciler(dataSource).reconcile(
                    new EventStoreReconciler.Progress() {
                        @Override
                        public void started(String database) {
                        }

                        @Override
                        public void eventsRead(long eventsRead, long globalIndex) {
                        }
                    });
            double reconcileSeconds = (System.nanoTime() - reconcileStarted) / 1e9;
            reconciliation.print(stdout);
            checks.put("reconcileAllHold", reconciliation.allHold());
            checks.put("reconcileSeconds", reconcileSeconds);
            checks.put("events", head(jdbc));
            checks.put("resentAfter503", api.resent());
            report.put("checks", checks);
            boolean ok = settled && reconciliation.allHold() && peerProblem == null
                    && Boolean.TRUE.equals(checks.get("noneLostOrDoubled"));
            stdout.println("Checks: " + checks);
            stdout.println(ok ? "RESULT: no payment lost or doubled, every invariant holds (ledger and peer)"
                    : "RESULT: CHECK FAILED, see above");

            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Path jsonFile = out.resolve("bench-" + stamp + ".json");
            json.writeValue(jsonFile.toFile(), report);
            Path png = out.resolve("bench-" + stamp + ".png");
            ThroughputChart.write(table, png);
            stdout.println("Wrote " + jsonFile + " and " + png + (app != null ? "; app log " + app.log() : "")
                    + (jfr ? "; profile " + runDir.resolve("currency-api.jfr") + " (once the app has stopped)" : ""));
            stdout.flush();
            log.info("bench done: {} runs, checks {}", rows.size(), ok ? "hold" : "FAILED");
            return ok ? 0 : ReconcileCommand.EXIT_INVARIANT_BROKEN;
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
            if (app != null) {
                app.close();
            }
            if (dataSource != null) {
                dataSource.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** {@code --scenario hosted-day}: {@link HostedDay}, then the same checks as the throughput runs. */
    private int hostedDay(LedgerClient api, JdbcTemplate jdbc, HikariDataSource dataSource, Path runDir, String runId,
                          String stamp, Map<String, Object> report, AppProcess app, PrintWriter stdout)
            throws Exception {
        HostedDay.Parameters parameters = new HostedDay.Parameters(currencies, accounts, merchants, daySeconds, rate,
                conversionPercent, grantLines, issuanceLines, backgroundAfterSeconds, dayWorkers, 2013);
        report.put("scenario", "hosted-day");
        report.put("parameters", parameters);
        report.put("jvmOptions", jvmOptions);
        report.put("appEnvironment", appEnvironment);
        HostedDay.Outcome day = new HostedDay(api, jdbc, runDir, runId, stdout, parameters).run();
        report.putAll(day.report());
        if (app != null) {
            double heap = app.heapAfterGcMiB();
            report.put("heapAfterGcMiB", heap);
            stdout.printf(Locale.ROOT, "currency-api heap after the day and a full GC: %.0f MiB%n", heap);
        }
        stdout.println("Settling: waiting for the saga and projections to reach the last event ...");
        stdout.flush();
        boolean settled = settle(jdbc);
        Map<String, Object> checks = transferChecks(jdbc, day.headBefore(), day.paymentsAnswered201(),
                day.uncertainPayments());
        checks.put("settled", settled);
        checks.put("backgroundJobsDone", day.backgroundDone());
        long reconcileStarted = System.nanoTime();
        ReconciliationReport reconciliation = new EventStoreReconciler(dataSource).reconcile(
                new EventStoreReconciler.Progress() {
                    @Override
                    public void started(String database) {
                    }

                    @Override
                    public void eventsRead(long eventsRead, long globalIndex) {
                    }
                });
        checks.put("reconcileSeconds", (System.nanoTime() - reconcileStarted) / 1e9);
        reconciliation.print(stdout);
        checks.put("reconcileAllHold", reconciliation.allHold());
        checks.put("events", head(jdbc));
        checks.put("resentAfter503", api.resent());
        report.put("checks", checks);
        boolean ok = settled && reconciliation.allHold() && day.backgroundDone()
                && Boolean.TRUE.equals(checks.get("noneLostOrDoubled"));
        stdout.println("Checks: " + checks);
        stdout.println(ok ? "RESULT: no payment lost or doubled, the background jobs done, every invariant holds"
                : "RESULT: CHECK FAILED, see above");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path jsonFile = out.resolve("bench-hosted-day-" + stamp + ".json");
        json.writeValue(jsonFile.toFile(), report);
        stdout.println("Wrote " + jsonFile + (app != null ? "; app log " + app.log() : ""));
        stdout.flush();
        log.info("bench hosted-day done: checks {}", ok ? "hold" : "FAILED");
        return ok ? 0 : ReconcileCommand.EXIT_INVARIANT_BROKEN;
    }

    /** Currency, counter, merchants (approved, in one filière), members, each member funded at the counter. */
    private List<String> setUp(LedgerClient api, String runId, PrintWriter stdout) throws Exception {
        String currency = "B" + runId.substring(runId.length() - 10).toUpperCase(Locale.ROOT);
        api.required(api.post("/api/v1/currencies", runId + "-currency", """
                {"code":"%s","name":"Bench","conversion":{"euros":"1","units":"1"},"reconversionFee":"0.05",\
                "membershipFee":"3.00"}""".formatted(currency)), "defining the currency");
        String counter = api.required(api.post("/api/v1/counters", runId + "-counter",
                "{\"name\":\"Comptoir bench\",\"currency\":\"" + currency + "\"}"), "defining the counter")
                .path("id").asText();
        String[] ids = new String[accounts + merchants];
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            AtomicLong done = new AtomicLong();
            for (int i = 0; i < accounts + merchants; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    boolean merchant = n >= accounts;
                    String body = merchant
                            ? "{\"kind\":\"MERCHANT\",\"name\":\"Commerce " + n + "\",\"currency\":\"" + currency
                            + "\",\"filiere\":\"ALIMENTATION\"}"
                            : "{\"kind\":\"MEMBER\",\"name\":\"Adherent " + n + "\",\"currency\":\"" + currency + "\"}";
                    JsonNode registered = api.required(api.post("/api/v1/participants", runId + "-participant-" + n,
                            body), "registering participant " + n);
                    ids[n] = registered.path("accountId").asText();
                    if (!merchant) {
                        api.required(api.post("/api/v1/counters/" + counter + "/conversions", runId + "-conversion-" + n,
                                "{\"participant\":\"" + registered.path("id").asText() + "\",\"euros\":\""
                                        + amount(FUNDING_MINOR) + "\",\"paidBy\":\"CASH\",\"payout\":\"ACCOUNT\"}"),
                                "funding account " + n);
                    }
                    long d = done.incrementAndGet();
                    if (d % 100 == 0) {
                        stdout.printf(Locale.ROOT, "\r  set-up %,d / %,d", d, accounts + merchants);
                        stdout.flush();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            stdout.println();
        } finally {
            pool.shutdownNow();
        }
        return List.of(ids);
    }

    /**
     * Seconds until every processor of the application (as its /api/v1/status tells, which reads its
     * processors' own positions rather than the lazily stored tokens) has reached {@code head}, or NaN
     * if they have not within {@link #MAX_SETTLE_SECONDS}.
     */
    static double viewsLagSeconds(LedgerClient api, long head) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(MAX_SETTLE_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonNode status = api.required(api.get("/api/v1/status"), "status");
            boolean caughtUp = status.path("processors").size() > 0;
            for (JsonNode processor : status.path("processors")) {
                caughtUp &= processor.path("position").asLong(-1) >= head;
            }
            if (caughtUp) {
                return (System.nanoTime() - started) / 1e9;
            }
            TimeUnit.MILLISECONDS.sleep(VIEWS_POLL_MILLIS);
        }
        return Double.NaN;
    }

    /** Waits until every processor's token has reached the last event and in transit is drained. */
    private static boolean settle(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SETTLE_SECONDS);
        while (System.nanoTime() < deadline) {
            long head = head(jdbc);
            List<String> tokens = jdbc.queryForList("SELECT convert_from(token, 'UTF8') FROM token_entry "
                    + "WHERE token IS NOT NULL", String.class);
            boolean caughtUp = !tokens.isEmpty();
            for (String token : tokens) {
                Matcher index = TOKEN_INDEX.matcher(token);
                caughtUp &= index.find() && Long.parseLong(index.group(1)) >= head;
            }
            if (caughtUp && head(jdbc) == head) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return false;
    }

    private static Map<String, Object> transferChecks(JdbcTemplate jdbc, long after, long answeredDone,
                                                      long uncertain) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String type : List.of("TransferDebited", "TransferCredited", "TransferReturned")) {
            Map<String, Object> row = jdbc.queryForMap("SELECT COUNT(*) AS n, COUNT(DISTINCT "
                    + "convert_from(payload, 'UTF8')::json->>'transferId') AS d FROM domain_event_entry "
                    + "WHERE global_index > ? AND payload_type = ?", after, PAYMENT + type);
            counts.put(type, new long[]{((Number) row.get("n")).longValue(), ((Number) row.get("d")).longValue()});
        }
        long debited = counts.get("TransferDebited")[0];
        long credited = counts.get("TransferCredited")[0];
        long returned = counts.get("TransferReturned")[0];
        boolean noDouble = counts.values().stream().allMatch(c -> c[0] == c[1]);
        boolean noneLost = debited == credited + returned;
        // a request that timed out or failed with 5xx may have been made: only then may debits exceed 201s
        boolean answersMatch = debited == answeredDone || (debited > answeredDone && debited <= answeredDone + uncertain);
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("answered201", answeredDone);
        checks.put("uncertainAnswers", uncertain);
        checks.put("debited", debited);
        checks.put("credited", credited);
        checks.put("returned", returned);
        checks.put("noneLostOrDoubled", noDouble && noneLost && answersMatch);
        return checks;
    }

    static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    static String amount(long minor) {
        return (minor / 100) + "." + String.format(Locale.ROOT, "%02d", minor % 100);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (1024 * 1024);
        }
        machine.put("memoryMiB", memory);
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

}
