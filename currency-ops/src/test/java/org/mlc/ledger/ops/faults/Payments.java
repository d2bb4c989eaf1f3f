package org.mlc.ledger.ops.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * K clients paying between random accounts for a while, each payment under its own
 * Idempotency-Key, resent with the same key (to whichever node {@code nodeFor} names next) until
 * it is answered for good: acknowledged (201) or refused by the ledger (422). What they saw is
 * kept for the checks.
 */
final class Payments {

    /** One payment as the client knows it. */
    record Sent(String key, String from, String to, long amountMinor, String transferId, String status,
                int attempts, Duration took) {
    }

    /** How long a client keeps resending one payment before it gives up (the test then fails). */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);
    static final long RETRY_PAUSE_MILLIS = 250;
    /** No run lasts longer than this, whatever its end says. */
    static final Duration MAX_RUN = Duration.ofMinutes(5);

    final Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
    final Map<String, Sent> refused = new ConcurrentHashMap<>();
    final Map<String, String> abandoned = new ConcurrentHashMap<>();
    /** Every answer that was not a final one, by kind ("no answer", "503 database-unavailable", "500 internal"...). */
    final Map<String, AtomicLong> retriedBecause = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> problemsWithoutJson = new ConcurrentLinkedQueue<>();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong lastAcknowledgedMillis = new AtomicLong();
    final ConcurrentLinkedQueue<Instant> acknowledgedAt = new ConcurrentLinkedQueue<>();

    private final Client client;
    private final List<String> accounts;
    private final IntFunction<Node> nodeFor;
    private Duration giveUpAfter = GIVE_UP_AFTER;

    Payments(Client client, List<String> accounts, IntFunction<Node> nodeFor) {
        this.client = client;
        this.accounts = accounts;
        this.nodeFor = nodeFor;
    }

    /** With a single node, a client must keep resending for as long as that node may take to start again. */
    Payments giveUpAfter(Duration giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
        return this;
    }

    /** Runs {@code clients} clients for {@code duration}, then waits for their last payments to be answered. */
    void run(int clients, Duration duration, long seed) throws InterruptedException {
        Instant end = Instant.now().plus(duration);
        run(clients, () -> end, seed);
    }

    /**
     * Runs {@code clients} clients until the instant {@code end} gives (asked again before each
     * payment, so a test may push it back), then waits for their last payments to be answered.
     */
    void run(int clients, java.util.function.Supplier<Instant> end, long seed) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant hardEnd = Instant.now().plus(MAX_RUN);
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed + c);
            int clientNumber = c;
            pool.submit(() -> {
                int attemptCounter = clientNumber;
                while (Instant.now().isBefore(end.get()) && Instant.now().isBefore(hardEnd)) {
                    int from = random.nextInt(accounts.size());
                    int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
                    long amountMinor = 1 + random.nextInt(2_000);
                    attemptCounter = pay("pay-" + UUID.randomUUID(), accounts.get(from), accounts.get(to), amountMinor,
                            attemptCounter);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(MAX_RUN.plus(giveUpAfter).toSeconds(), TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("clients did not finish");
        }
    }

    private int pay(String key, String from, String to, long amountMinor, int attemptCounter) {
        sent.incrementAndGet();
        Map<String, Object> body = Map.of("from", from, "to", to, "amount", format(amountMinor));
        Instant started = Instant.now();
        int attempts = 0;
        while (Duration.between(started, Instant.now()).compareTo(giveUpAfter) < 0) {
            attempts++;
            Client.Answer answer = client.post(nodeFor.apply(attemptCounter++), "/api/v1/payments", key, body);
            if (answer.status() == 201) {
                acknowledged.put(key, new Sent(key, from, to, amountMinor, answer.body().get("id").asText(),
                        answer.body().get("status").asText(), attempts, Duration.between(started, Instant.now())));
                lastAcknowledgedMillis.set(System.currentTimeMillis());
                acknowledgedAt.add(Instant.now());
                return attemptCounter;
            }
            if (answer.status() == 422) {
                refused.put(key, new Sent(key, from, to, amountMinor, null, answer.code(), attempts,
                        Duration.between(started, Instant.now())));
                return attemptCounter;
            }
            String why = answer.answered() ? answer.status() + " " + answer.code() : "no answer";
            if (answer.answered() && !answer.contentType().contains("application/problem+json")) {
                problemsWithoutJson.add(answer.toString());
            }
            retriedBecause.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
            try {
                Thread.sleep(RETRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        abandoned.put(key, from + " -> " + to + " " + amountMinor);
        return attemptCounter;
    }

    /** The first acknowledgement at or after {@code instant}: how long the clients waited for service again. */
    Duration firstAcknowledgedAfter(Instant instant) {
        return acknowledgedAt.stream().filter(at -> !at.isBefore(instant)).min(Instant::compareTo)
                .map(at -> Duration.between(instant, at)).orElse(null);
    }

    long retries() {
        return retriedBecause.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Duration slowest() {
        return acknowledged.values().stream().map(Sent::took).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Each account's balance change according to what the clients were told, in minor units. */
    Map<String, Long> expectedChanges() {
        Map<String, Long> changes = new java.util.HashMap<>();
        for (Sent payment : acknowledged.values()) {
            changes.merge(payment.from(), -payment.amountMinor(), Long::sum);
            changes.merge(payment.to(), payment.amountMinor(), Long::sum);
        }
        return changes;
    }

    static String format(long minor) {
        return (minor / 100) + "." + String.format("%02d", minor % 100);
    }
}
