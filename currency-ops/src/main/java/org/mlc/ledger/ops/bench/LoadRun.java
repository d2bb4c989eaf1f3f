package org.mlc.ledger.ops.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drives payments with K concurrent clients for a warm-up then a measured window, the same way for
 * the ledger's API and for the SQL peer: each client draws its payer and payee from the same
 * {@link Distribution} with the same seed, waits for each answer before the next (a closed loop,
 * like a counter agent at a terminal), and records the latency of every payment that started
 * inside the measured window.
 */
public final class LoadRun {

    /** Payments a client may hold latencies for, as a guard on memory (a 2-core box does far fewer). */
    public static final int MAX_SAMPLES_PER_CLIENT = 5_000_000;

    /** One payment: true when it was done, false when refused; an exception counts as an error too. */
    @FunctionalInterface
    public interface Payments {
        Outcome pay(int client, long sequence, int from, int to, long amountMinor) throws Exception;
    }

    /** What one payment came to: done, or an error code (HTTP status and problem code, or the SQL refusal). */
    public record Outcome(boolean done, String error) {
        public static final Outcome DONE = new Outcome(true, null);

        public static Outcome failed(String error) {
            return new Outcome(false, error);
        }
    }

    /** Who pays whom: hot (every payer pays the one merchant) or uniform (any merchant). */
    public enum Mode { HOT, UNIFORM }

    /** Accounts 0..payers-1 pay, payers..payers+payees-1 are paid. */
    public record Distribution(Mode mode, int payers, int payees) {
        int[] draw(Random random) {
            int from = random.nextInt(payers);
            int to = payers + (mode == Mode.HOT ? 0 : random.nextInt(payees));
            return new int[]{from, to};
        }
    }

    /**
     * A read a client makes right after one of its payments was done (every {@code every}-th), e.g. of
     * the payer's account: timed on its own, outside the payment's latency. True when it answered.
     */
    public record FollowUp(int every, Read read) {
        public static final FollowUp NONE = new FollowUp(0, null);

        boolean after(long sequence) {
            return every > 0 && read != null && sequence % every == 0;
        }
    }

    @FunctionalInterface
    public interface Read {
        boolean read(int client, int from, int to) throws Exception;
    }

    /**
     * {@code readsAfterWrite}, {@code readAfterWriteErrors}, {@code readAfterWriteP99Millis}: the
     * follow-up reads of payments measured in the window (0 and NaN without follow-up).
     */
    public record Result(String system, Mode mode, int clients, double seconds, long done, long errors,
                         Map<String, Long> errorsByCode, double perSecond, double p50Millis, double p95Millis,
                         double p99Millis, double maxMillis, long readsAfterWrite, long readAfterWriteErrors,
                         double readAfterWriteP50Millis, double readAfterWriteP99Millis) {
    }

    private LoadRun() {
    }

    /**
     * Runs {@code clients} clients for {@code warmupSeconds} + {@code seconds}; {@code window} is told
     * when the measured window opens and closes (to count events appended meanwhile).
     */
    public static Result run(String system, Distribution distribution, int clients, double warmupSeconds,
                             double seconds, long seed, Payments payments, Window window) throws InterruptedException {
        return run(system, distribution, clients, warmupSeconds, seconds, seed, payments, window, FollowUp.NONE);
    }

    /**
     * As above; after every {@code followUp.every()}-th payment done, the client makes the follow-up
     * read at once and its latency is recorded (for payments inside the measured window).
     */
    public static Result run(String system, Distribution distribution, int clients, double warmupSeconds,
                             double seconds, long seed, Payments payments, Window window, FollowUp followUp)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long measureTo = measureFrom + (long) (seconds * 1e9);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] errorCounts = new long[clients];
        long[][] reads = new long[clients][];
        int[] readCounts = new int[clients];
        long[] readErrors = new long[clients];
        List<Map<String, Long>> errorCodes = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            errorCodes.add(new TreeMap<>());
            latencies[c] = new long[1024];
            reads[c] = new long[256];
            Thread thread = new Thread(() -> {
                try {
                    Random random = new Random(seed * 31 + client);
                    long sequence = 0;
                    while (true) {
                        long began = System.nanoTime();
                        if (began >= measureTo) {
                            break;
                        }
                        int[] pair = distribution.draw(random);
                        long amountMinor = 1 + random.nextInt(100);
                        Outcome outcome;
                        try {
                            outcome = payments.pay(client, sequence++, pair[0], pair[1], amountMinor);
                        } catch (Exception e) {
                            outcome = Outcome.failed(e.getClass().getSimpleName());
                        }
                        long ended = System.nanoTime();
                        boolean measured = began >= measureFrom && ended <= measureTo;
                        if (outcome.done() && followUp.after(sequence - 1)) {
                            boolean read;
                            try {
                                read = followUp.read().read(client, pair[0], pair[1]);
                            } catch (Exception e) {
                                read = false;
                            }
                            long readEnded = System.nanoTime();
                            if (measured && !read) {
                                readErrors[client]++;
                            } else if (measured) {
                                if (readCounts[client] == reads[client].length
                                        && readCounts[client] < MAX_SAMPLES_PER_CLIENT) {
                                    reads[client] = Arrays.copyOf(reads[client], reads[client].length * 2);
                                }
                                if (readCounts[client] < reads[client].length) {
                                    reads[client][readCounts[client]++] = readEnded - ended;
                                }
                            }
                        }
                        if (!measured) {
                            continue; // warm-up, or overlapping the end of the window
                        }
                        if (outcome.done()) {
                            if (counts[client] == latencies[client].length
                                    && counts[client] < MAX_SAMPLES_PER_CLIENT) {
                                latencies[client] = Arrays.copyOf(latencies[client], latencies[client].length * 2);
                            }
                            if (counts[client] < latencies[client].length) {
                                latencies[client][counts[client]++] = ended - began;
                            }
                        } else {
                            errorCounts[client]++;
                            errorCodes.get(client).merge(outcome.error(), 1L, Long::sum);
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, system + "-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        sleepUntil(measureFrom);
        window.opened();
        sleepUntil(measureTo);
        window.closed();
        if (!finished.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(system + ": clients still waiting for an answer 60 s after the run");
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        Map<String, Long> errorsByCode = new TreeMap<>();
        long errors = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
            errors += errorCounts[c];
            errorCodes.get(c).forEach((code, n) -> errorsByCode.merge(code, n, Long::sum));
        }
        Arrays.sort(all);
        long[] allReads = new long[Arrays.stream(readCounts).sum()];
        long readErrorTotal = 0;
        at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(reads[c], 0, allReads, at, readCounts[c]);
            at += readCounts[c];
            readErrorTotal += readErrors[c];
        }
        Arrays.sort(allReads);
        boolean followed = followUp.every() > 0 && followUp.read() != null;
        return new Result(system, distribution.mode(), clients, seconds, total, errors, errorsByCode, total / seconds,
                percentile(all, 50), percentile(all, 95), percentile(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, allReads.length, readErrorTotal,
                followed ? percentile(allReads, 50) : Double.NaN, followed ? percentile(allReads, 99) : Double.NaN);
    }

    /** Told when the measured window opens and closes. */
    public interface Window {
        void opened();

        void closed();

        Window NONE = new Window() {
            @Override
            public void opened() {
            }

            @Override
            public void closed() {
            }
        };
    }

    static double percentile(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }
}
