package org.mlc.ledger.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import org.mlc.ledger.api.report.FecExport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hosted-scale day (issue #24): many currencies on one deployment, counters converting and
 * members paying at a steady open-loop rate, while a CCAS's 10,000-line grant batch, a
 * collectivité's direct issuance (filed, then confirmed by the admin) and a FEC export run in the
 * background. Measures the operations' latencies, how long each background job took and how far
 * the views are behind at the end.
 */
final class HostedDay {

    /** The scenario's settings (the bench's options). */
    record Parameters(int currencies, int members, int merchants, double seconds, double operationsPerSecond,
                      int conversionPercent, int grantLines, int issuanceLines, double backgroundAfterSeconds,
                      int workers, long seed) {
    }

    /** One currency of the day: its counter, its members (participant and account) and merchants' accounts. */
    record Currency(String code, String counter, String[] memberParticipants, String[] memberAccounts,
                    String[] merchantAccounts) {
    }

    /** What the day came to, for the table, the JSON and the checks. */
    record Outcome(Map<String, Object> report, long headBefore, long paymentsAnswered201, long uncertainPayments,
                   boolean backgroundDone) {
    }

    static final long FUNDING_MINOR = BenchCommand.FUNDING_MINOR;
    static final int SETUP_THREADS = 16;
    /** Units per grant line and per issuance line, in minor units. */
    static final long GRANT_MINOR = 100;
    static final long ISSUANCE_LINE_MINOR = 1_000;
    static final long JOB_POLL_MILLIS = 250;
    static final long MAX_JOB_SECONDS = 900;
    /** The day's operations, one line each, in the run directory. */
    static final String TIMELINE_FILE = "day-latencies.csv";

    private final LedgerClient admin;
    private final JdbcTemplate jdbc;
    private final Path runDir;
    private final String runId;
    private final PrintWriter out;
    private final Parameters p;

    HostedDay(LedgerClient admin, JdbcTemplate jdbc, Path runDir, String runId, PrintWriter out, Parameters p) {
        this.admin = admin;
        this.jdbc = jdbc;
        this.runDir = runDir;
        this.runId = runId;
        this.out = out;
        this.p = p;
    }

    Outcome run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        long setupStarted = System.nanoTime();
        List<Currency> currencies = setUpCurrencies();
        Currency aided = currencies.get(0);
        // the CCAS's programme, the collectivité and their users, in the first currency
        String ccas = register("CCAS", "CCAS bench", aided.code(), "ccas");
        String city = register("COLLECTIVITE", "Ville bench", aided.code(), "city");
        String password = "pw-" + runId + "-bench";
        LedgerClient ccasUser = user("bench-ccas-" + runId, password, "CCAS", ccas);
        LedgerClient cityUser = user("bench-city-" + runId, password, "COLLECTIVITE", city);
        String programme = admin.required(admin.post("/api/v1/aid-programs", runId + "-programme", """
                {"funder":"%s","currency":"%s","name":"Aide alimentaire bench","filieres":["ALIMENTATION"],\
                "validityDays":90}""".formatted(ccas, aided.code())), "creating the aid programme").path("id").asText();
        String funding = admin.required(admin.post("/api/v1/aid-programs/" + programme + "/fundings",
                runId + "-funding", "{\"euros\":\"" + BenchCommand.amount(p.grantLines() * GRANT_MINOR)
                        + "\",\"reference\":\"virement CCAS\"}"), "announcing the programme's funding").path("id").asText();
        admin.required(admin.post("/api/v1/aid-programs/" + programme + "/fundings/" + funding + "/confirmation",
                runId + "-funding-confirmation", "{\"bankReference\":\"BENCH-AID\"}"), "confirming the funding");
        double setupSeconds = (System.nanoTime() - setupStarted) / 1e9;
        out.printf(Locale.ROOT, "Set up %d currencies × %d members (each funded by a conversion) and %d merchants, "
                        + "a CCAS programme and a collectivité in %.1f s%n", p.currencies(), p.members(), p.merchants(),
                setupSeconds);
        out.flush();
        report.put("setupSeconds", setupSeconds);
        long headBefore = BenchCommand.head(jdbc);
        report.put("eventsBefore", headBefore);

        Latencies conversions = new Latencies();
        Latencies payments = new Latencies();
        AtomicLong answered201 = new AtomicLong();
        AtomicLong uncertain = new AtomicLong();
        AtomicLong maxLagEvents = new AtomicLong();
        AtomicLong maxBehindMillis = new AtomicLong();
        AtomicBoolean dayOver = new AtomicBoolean();
        // the views' lag sampled once a second during the day (events behind, the worst processor)
        Thread sampler = daemon("bench-day-lag", () -> {
            while (!dayOver.get()) {
                try {
                    LedgerClient.Answer status = admin.get("/api/v1/status");
                    if (status.status() == 200) {
                        maxBehindMillis.accumulateAndGet(status.body().path("viewsBehindMillis").asLong(0), Math::max);
                        for (JsonNode processor : status.body().path("processors")) {
                            maxLagEvents.accumulateAndGet(processor.path("lag").asLong(0), Math::max);
                        }
                    }
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    // the next sample
                }
            }
        });

        ExecutorService background = Executors.newFixedThreadPool(3, named("bench-day-job"));
        List<Future<Map<String, Object>>> jobs = new ArrayList<>();
        // when the background jobs started and when the last of them ended (System.nanoTime; 0: not yet)
        AtomicLong jobsStartedNanos = new AtomicLong();
        AtomicLong jobsEndedNanos = new AtomicLong();
        Thread starter = daemon("bench-day-jobs", () -> {
            try {
                TimeUnit.NANOSECONDS.sleep((long) (p.backgroundAfterSeconds() * 1e9));
                out.printf(Locale.ROOT, "  %.0f s in: grant batch of %,d lines, issuance of %,d lines, FEC export "
                        + "started%n", p.backgroundAfterSeconds(), p.grantLines(), p.issuanceLines());
                out.flush();
                synchronized (jobs) {
                    jobsStartedNanos.set(System.nanoTime());
                    jobs.add(background.submit(timed(() -> grantBatch(ccasUser, programme, aided), jobsEndedNanos)));
                    jobs.add(background.submit(timed(() -> issuance(cityUser, city, aided), jobsEndedNanos)));
                    jobs.add(background.submit(timed(this::fecExport, jobsEndedNanos)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        ExecutorService workers = Executors.newFixedThreadPool(p.workers(), named("bench-day-worker"));
        AtomicLong keys = new AtomicLong();
        out.printf(Locale.ROOT, "  the day: %.0f s at %.0f operations/s (%d %% conversions, the rest payments), "
                + "open loop ...%n", p.seconds(), p.operationsPerSecond(), p.conversionPercent());
        out.flush();
        sampler.start();
        starter.start();
        long dayStarted = System.nanoTime();
        OpenLoop.Summary schedule = OpenLoop.run(p.operationsPerSecond(), p.seconds(), workers, (index, due) -> {
            Random random = new Random(p.seed() * 1_000_003L + index);
            Currency c = currencies.get(random.nextInt(currencies.size()));
            int member = random.nextInt(p.members());
            boolean conversion = random.nextInt(100) < p.conversionPercent();
            Latencies into = conversion ? conversions : payments;
            String key = "day-" + runId + "-" + keys.incrementAndGet();
            try {
                LedgerClient.Answer answer;
                if (conversion) {
                    long euros = 1_000 + random.nextInt(4_001);
                    answer = admin.post("/api/v1/counters/" + c.counter() + "/conversions", key,
                            "{\"participant\":\"" + c.memberParticipants()[member] + "\",\"euros\":\""
                                    + BenchCommand.amount(euros) + "\",\"paidBy\":\"CASH\",\"payout\":\"ACCOUNT\"}");
                } else {
                    String to = c.merchantAccounts()[random.nextInt(p.merchants())];
                    long amount = 1 + random.nextInt(100);
                    answer = admin.post("/api/v1/payments", key, "{\"from\":\"" + c.memberAccounts()[member]
                            + "\",\"to\":\"" + to + "\",\"amount\":\"" + BenchCommand.amount(amount) + "\"}");
                }
                long ended = System.nanoTime();
                if (answer.status() == 201) {
                    into.done(due, ended - due);
                    if (!conversion) {
                        answered201.incrementAndGet();
                    }
                } else {
                    into.failed(answer.error());
                    if (!conversion && answer.status() >= 500) {
                        uncertain.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                into.failed("interrupted");
            } catch (IOException | RuntimeException e) {
                into.failed(e.getClass().getSimpleName());
                if (!conversion) {
                    uncertain.incrementAndGet(); // the payment may or may not have been made
                }
            }
        });
        workers.shutdown();
        boolean answered = workers.awaitTermination(LedgerClient.REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
        double daySeconds = (System.nanoTime() - dayStarted) / 1e9;
        // how long after the day's last answer the views showed everything stored until then
        double viewsLagSeconds = BenchCommand.viewsLagSeconds(admin, BenchCommand.head(jdbc));
        dayOver.set(true);
        sampler.interrupt();
        starter.join(TimeUnit.SECONDS.toMillis(5));

        Map<String, Object> jobResults = new LinkedHashMap<>();
        boolean backgroundDone = true;
        List<Future<Map<String, Object>>> started;
        synchronized (jobs) {
            started = new ArrayList<>(jobs);
        }
        String[] names = {"grantBatch", "issuance", "fecExport"};
        if (started.size() < names.length) {
            backgroundDone = false;
            jobResults.put("notStarted", "the day ended before --background-after-seconds");
        }
        if (!started.isEmpty()) {
            out.println("  waiting for the background jobs to end ...");
            out.flush();
        }
        for (int i = 0; i < started.size(); i++) {
            try {
                jobResults.put(names[i], started.get(i).get(MAX_JOB_SECONDS, TimeUnit.SECONDS));
            } catch (Exception e) {
                backgroundDone = false;
                jobResults.put(names[i], Map.of("error", String.valueOf(e.getCause() != null ? e.getCause() : e)));
            }
        }
        background.shutdownNow();

        Latencies.Summary conversionFigures = conversions.summary();
        Latencies.Summary paymentFigures = payments.summary();
        // the tail while the grant batch, the issuance and the export ran, and without them
        long jobsFrom = jobsStartedNanos.get();
        long jobsTo = jobsEndedNanos.get() == 0 ? Long.MAX_VALUE : jobsEndedNanos.get();
        LongPredicate duringJobs = due -> jobsFrom != 0 && due >= jobsFrom && due <= jobsTo;
        Map<String, Latencies.Summary> phases = new LinkedHashMap<>();
        phases.put("conversion, while the jobs ran", conversions.summaryOfDue(duringJobs));
        phases.put("conversion, without them", conversions.summaryOfDue(duringJobs.negate()));
        phases.put("payment, while the jobs ran", payments.summaryOfDue(duringJobs));
        phases.put("payment, without them", payments.summaryOfDue(duringJobs.negate()));
        writeTimeline(Map.of("conversion", conversions, "payment", payments), dayStarted);
        report.put("jobsSecondsIntoDay", jobsFrom == 0 ? null : Arrays.asList((jobsFrom - dayStarted) / 1e9,
                jobsTo == Long.MAX_VALUE ? null : (jobsTo - dayStarted) / 1e9));
        report.put("daySeconds", daySeconds);
        report.put("operationsScheduled", schedule.scheduled());
        report.put("maxDispatchDelayMillis", schedule.maxDispatchDelayMillis());
        report.put("allAnswered", answered);
        report.put("conversions", conversionFigures);
        report.put("payments", paymentFigures);
        report.put("byPhase", phases);
        report.put("achievedOperationsPerSecond", (conversionFigures.done() + paymentFigures.done()) / p.seconds());
        report.put("viewsCaughtUpSecondsAfterDay", Double.isNaN(viewsLagSeconds) ? null : viewsLagSeconds);
        report.put("maxViewsLagEventsDuringDay", maxLagEvents.get());
        report.put("maxViewsBehindMillisDuringDay", maxBehindMillis.get());
        report.put("background", jobResults);
        print(conversionFigures, paymentFigures, phases, viewsLagSeconds, maxLagEvents.get(), maxBehindMillis.get(),
                jobResults, schedule);
        return new Outcome(report, headBefore, answered201.get(), uncertain.get(), backgroundDone && answered);
    }

    private void print(Latencies.Summary conversions, Latencies.Summary payments, Map<String, Latencies.Summary> phases,
                       double viewsLag, long maxLagEvents, long maxBehindMillis, Map<String, Object> jobs,
                       OpenLoop.Summary schedule) {
        out.println();
        out.printf(Locale.ROOT, "hosted-scale day: %d currencies × %d members + %d merchants, %.0f s at %.0f "
                        + "operations/s (open loop, latency from when each was due)%n", p.currencies(), p.members(),
                p.merchants(), p.seconds(), p.operationsPerSecond());
        out.printf(Locale.ROOT, "%-12s %7s %8s %8s %8s %8s %7s%n", "operation", "done", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "errors");
        out.println("-".repeat(64));
        for (Map.Entry<String, Latencies.Summary> row : List.of(Map.entry("conversion", conversions),
                Map.entry("payment", payments))) {
            Latencies.Summary s = row.getValue();
            out.printf(Locale.ROOT, "%-12s %7d %8.1f %8.1f %8.1f %8.1f %7d%n", row.getKey(), s.done(), s.p50Millis(),
                    s.p95Millis(), s.p99Millis(), s.maxMillis(), s.errors());
        }
        for (Map.Entry<String, Latencies.Summary> row : phases.entrySet()) {
            Latencies.Summary s = row.getValue();
            out.printf(Locale.ROOT, "  %-31s %7d %8.1f %8.1f %8.1f %8.1f%n", row.getKey(), s.done(), s.p50Millis(),
                    s.p95Millis(), s.p99Millis(), s.maxMillis());
        }
        if (!conversions.errorsByCode().isEmpty() || !payments.errorsByCode().isEmpty()) {
            out.println("errors: conversions " + conversions.errorsByCode() + ", payments " + payments.errorsByCode());
        }
        out.printf(Locale.ROOT, "views: %s s behind the day's last answer (worst sampled during the day: %,d events "
                        + "and %,d ms behind); scheduler at most %.1f ms late%n",
                Double.isNaN(viewsLag) ? "more than " + BenchCommand.MAX_SETTLE_SECONDS : String.format(Locale.ROOT,
                        "%.1f", viewsLag), maxLagEvents, maxBehindMillis, schedule.maxDispatchDelayMillis());
        for (Map.Entry<String, Object> job : jobs.entrySet()) {
            out.println(job.getKey() + ": " + job.getValue());
        }
        out.flush();
    }

    /** The currencies, a counter each, their merchants and members, each member funded at its counter. */
    private List<Currency> setUpCurrencies() throws Exception {
        List<Currency> currencies = new ArrayList<>();
        for (int i = 0; i < p.currencies(); i++) {
            String code = String.format(Locale.ROOT, "H%s%03d", runId.substring(runId.length() - 8), i)
                    .toUpperCase(Locale.ROOT);
            admin.required(admin.post("/api/v1/currencies", runId + "-currency-" + i, """
                    {"code":"%s","name":"Bench %d","conversion":{"euros":"1","units":"1"},"reconversionFee":"0.05",\
                    "membershipFee":"3.00"}""".formatted(code, i)), "defining currency " + code);
            String counter = admin.required(admin.post("/api/v1/counters", runId + "-counter-" + i,
                    "{\"name\":\"Comptoir " + i + "\",\"currency\":\"" + code + "\"}"), "defining a counter of " + code)
                    .path("id").asText();
            currencies.add(new Currency(code, counter, new String[p.members()], new String[p.members()],
                    new String[p.merchants()]));
        }
        int perCurrency = p.members() + p.merchants();
        int total = p.currencies() * perCurrency;
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS, named("bench-day-setup"));
        try {
            List<Future<?>> work = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            for (int n = 0; n < total; n++) {
                Currency c = currencies.get(n % p.currencies());
                int inCurrency = n / p.currencies();
                int number = n;
                work.add(pool.submit(() -> {
                    boolean merchant = inCurrency >= p.members();
                    String body = merchant
                            ? "{\"kind\":\"MERCHANT\",\"name\":\"Commerce " + number + "\",\"currency\":\"" + c.code()
                            + "\",\"filiere\":\"ALIMENTATION\"}"
                            : "{\"kind\":\"MEMBER\",\"name\":\"Adherent " + number + "\",\"currency\":\"" + c.code()
                            + "\"}";
                    JsonNode registered = admin.required(admin.post("/api/v1/participants",
                            runId + "-participant-" + number, body), "registering participant " + number);
                    if (merchant) {
                        c.merchantAccounts()[inCurrency - p.members()] = registered.path("accountId").asText();
                    } else {
                        String participant = registered.path("id").asText();
                        c.memberParticipants()[inCurrency] = participant;
                        c.memberAccounts()[inCurrency] = registered.path("accountId").asText();
                        admin.required(admin.post("/api/v1/counters/" + c.counter() + "/conversions",
                                runId + "-funding-" + number, "{\"participant\":\"" + participant + "\",\"euros\":\""
                                        + BenchCommand.amount(FUNDING_MINOR) + "\",\"paidBy\":\"CASH\","
                                        + "\"payout\":\"ACCOUNT\"}"), "funding member " + number);
                    }
                    int d = done.incrementAndGet();
                    if (d % 500 == 0 || d == total) {
                        synchronized (out) {
                            out.printf(Locale.ROOT, "  set-up %,d / %,d participants%n", d, total);
                            out.flush();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return currencies;
    }

    private String register(String kind, String name, String currency, String key) throws Exception {
        return admin.required(admin.post("/api/v1/participants", runId + "-" + key, "{\"kind\":\"" + kind
                + "\",\"name\":\"" + name + "\",\"currency\":\"" + currency + "\"}"), "registering " + name)
                .path("id").asText();
    }

    private LedgerClient user(String username, String password, String role, String participant) throws Exception {
        admin.required(admin.post("/api/v1/users", runId + "-user-" + username, """
                {"username":"%s","password":"%s","role":"%s","participant":"%s"}""".formatted(username, password,
                role, participant)), "creating user " + username);
        return admin.as(username, password);
    }

    /** The CCAS uploads its grant lines (CSV), over the members of its currency, and waits for the job. */
    private Map<String, Object> grantBatch(LedgerClient ccasUser, String programme, Currency c) throws Exception {
        StringBuilder csv = new StringBuilder("key,beneficiary,units\r\n");
        for (int i = 0; i < p.grantLines(); i++) {
            csv.append("grant-").append(runId).append('-').append(i).append(',')
                    .append(c.memberParticipants()[i % p.members()]).append(',')
                    .append(BenchCommand.amount(GRANT_MINOR)).append("\r\n");
        }
        String path = "/api/v1/aid-programs/" + programme + "/grant-batches";
        long started = System.nanoTime();
        String id = ccasUser.required(ccasUser.post(path, runId + "-grant-batch", csv.toString(), "text/csv"),
                "uploading the grant batch").path("id").asText();
        double uploadedSeconds = (System.nanoTime() - started) / 1e9;
        Double finished = null;
        JsonNode job = null;
        long deadline = started + TimeUnit.SECONDS.toNanos(MAX_JOB_SECONDS);
        while (System.nanoTime() < deadline) {
            // its progress with its last line only: the default page shows 1,000 lines
            job = ccasUser.required(ccasUser.get(path + "/" + id + "?fromLine=" + p.grantLines()),
                    "reading the grant batch");
            if (finished == null && "FINISHED".equals(job.path("status").asText())) {
                finished = (System.nanoTime() - started) / 1e9;
            }
            if (finished != null && job.path("caughtUp").asBoolean()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(JOB_POLL_MILLIS);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("lines", p.grantLines());
        result.put("uploadAnsweredSeconds", uploadedSeconds);
        result.put("finishedSeconds", finished);
        result.put("caughtUpSeconds", job != null && job.path("caughtUp").asBoolean()
                ? (System.nanoTime() - started) / 1e9 : null);
        result.put("succeeded", job == null ? 0 : job.path("succeeded").asLong());
        result.put("refused", job == null ? 0 : job.path("refused").asLong());
        if (finished == null) {
            throw new IllegalStateException("grant batch not finished after " + MAX_JOB_SECONDS + " s: " + job);
        }
        return result;
    }

    /** The collectivité files an issuance to members of its currency; the admin confirms it; until ISSUED. */
    private Map<String, Object> issuance(LedgerClient cityUser, String city, Currency c) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < p.issuanceLines(); i++) {
            lines.add("{\"key\":\"indemnite-" + i + "\",\"recipient\":\"" + c.memberParticipants()[i % p.members()]
                    + "\",\"units\":\"" + BenchCommand.amount(ISSUANCE_LINE_MINOR) + "\",\"label\":\"indemnité\"}");
        }
        long started = System.nanoTime();
        String id = cityUser.required(cityUser.post("/api/v1/currencies/" + c.code() + "/issuances",
                runId + "-issuance", "{\"funder\":\"" + city + "\",\"reference\":\"Indemnités bench\",\"lines\":["
                        + String.join(",", lines) + "]}"), "filing the issuance").path("id").asText();
        double filedSeconds = (System.nanoTime() - started) / 1e9;
        admin.required(admin.post("/api/v1/currencies/" + c.code() + "/issuances/" + id + "/confirmation",
                runId + "-issuance-confirmation", "{\"bankReference\":\"BENCH-ISSUANCE\"}"), "confirming the issuance");
        double confirmedSeconds = (System.nanoTime() - started) / 1e9;
        long deadline = started + TimeUnit.SECONDS.toNanos(MAX_JOB_SECONDS);
        JsonNode issuance = null;
        while (System.nanoTime() < deadline) {
            issuance = admin.required(admin.get("/api/v1/issuances/" + id), "reading the issuance");
            if ("ISSUED".equals(issuance.path("status").asText())) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("lines", p.issuanceLines());
                result.put("filedSeconds", filedSeconds);
                result.put("confirmedSeconds", confirmedSeconds);
                result.put("issuedSeconds", (System.nanoTime() - started) / 1e9);
                result.put("issuedUnits", issuance.path("issuedUnits").asText());
                return result;
            }
            TimeUnit.MILLISECONDS.sleep(JOB_POLL_MILLIS);
        }
        throw new IllegalStateException("issuance not ISSUED after " + MAX_JOB_SECONDS + " s: " + issuance);
    }

    /** The FEC of the last days, as {@code currency-ops export fec} writes it (from the journal projection). */
    private Map<String, Object> fecExport() throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path file = runDir.resolve("FEC-bench.txt");
        long started = System.nanoTime();
        long entries;
        try (Writer writer = Files.newBufferedWriter(file, FecExport.CHARSET)) {
            entries = new FecExport(jdbc).write(writer, today.minusDays(1), today.plusDays(1));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("entries", entries);
        result.put("bytes", Files.size(file));
        result.put("seconds", (System.nanoTime() - started) / 1e9);
        return result;
    }

    /** Every operation of the day: when it was due (seconds into the day), its kind, its latency. */
    private void writeTimeline(Map<String, Latencies> byKind, long dayStarted) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("due_seconds,operation,latency_ms");
        byKind.forEach((kind, latencies) -> {
            for (long[] row : latencies.timeline()) {
                lines.add(String.format(Locale.ROOT, "%.3f,%s,%.1f", (row[0] - dayStarted) / 1e9, kind, row[1] / 1e6));
            }
        });
        Files.write(runDir.resolve(TIMELINE_FILE), lines);
    }

    /** The job, its wall time in its result; {@code lastEnded} keeps when the latest job ended. */
    private static Callable<Map<String, Object>> timed(Callable<Map<String, Object>> job, AtomicLong lastEnded) {
        return () -> {
            long started = System.nanoTime();
            try {
                Map<String, Object> result = new LinkedHashMap<>(job.call());
                result.put("wallSeconds", (System.nanoTime() - started) / 1e9);
                return result;
            } finally {
                lastEnded.accumulateAndGet(System.nanoTime(), Math::max);
            }
        };
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemon(prefix + "-" + n.incrementAndGet(), r);
    }
}
