package org.mlc.ledger.api.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.payment.MakePayment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit: payments and conversions sent at the same moment by different requests share one
 * transaction, so one commit (one flush of the log, one insert of all their events) serves them all.
 * <p>
 * A request hands its command to the queue of its currency and waits. That queue's committer
 * thread takes every command waiting (up to {@code mlc.group-commit.max-commands}), opens one unit
 * of work with one transaction, and sends each command inside it: Axon runs each in a unit of work
 * nested in that one. A nested unit of work hands its events to the outer one, and the aggregate
 * locks it takes are let go only when the outer one ends (Axon's {@code LockingRepository}
 * releases them at the clean-up of the root). So no other request can decide on an account a
 * batch has changed until the batch is stored or rolled back, and a rolled-back batch drops its
 * aggregates from the cache as a single command does. Each request is answered only once the
 * batch has committed.
 * <p>
 * A failure is isolated by running alone. If a command of a batch fails (a refusal, a conflict, a
 * deadlock), the whole batch is rolled back and nothing of it is stored; that command is sent
 * again by itself, from its own request, as it would be without group commit (so the refusal or
 * the retry it gets is exactly the one it would have got), and the others are committed again
 * without it, up to {@link #MAX_ROUNDS} times before they too go alone. A batch whose commit failed
 * goes alone whole. Nothing is ever answered from a batch that did not commit.
 * <p>
 * The queue waits for nothing: a committer takes what is there when it is free, so batches grow
 * only when requests arrive faster than commits. While at most {@code mlc.group-commit.alone-up-to}
 * (3) requests of a currency are in flight, each runs alone at once, in its own thread: a
 * hand-over to the committer and back costs two thread wake-ups, which on a busy machine cost more
 * than the commit they share. Everything a payment or a conversion locks (accounts, participants,
 * counters, budgets) is one currency's, and each currency has its own queue and committer (started
 * when a request first queues, ended after a minute without any): two committers never wait for
 * each other's locks (with one queue for all, batches touching many accounts met each other in
 * Axon's lock factory as deadlocks, hundreds a minute at 64 clients, each costing its batch), and a
 * batch held up by a long job's lock (a grant chunk's) holds up only its own currency's requests.
 * Only the commands of the busy paths are grouped ({@link #GROUPED}); a command sent inside a
 * transaction or a unit of work (a page that records something with it, a saga, a bulk job's
 * chunk) is not, so it keeps its caller's transaction. While a bulk job of a currency runs (a grant
 * batch, a payment batch), that currency's requests run alone ({@link BulkJobsRunning}).
 * <p>
 * On by default ({@code mlc.group-commit.enabled}): it makes a busy currency's hot merchants much
 * faster, and since a currency with a bulk job running is left out, the hosted-scale day (many
 * quiet currencies beside bulk jobs) is as fast with it as without (docs/performance.md, "Group
 * commit").
 */
@Component
public class GroupCommit implements SmartLifecycle {

    /** The commands of the busy paths, the ones group commit takes. */
    static final Set<Class<?>> GROUPED = Set.of(MakePayment.class, ConvertEuros.class);
    /** Requests that may wait for a committer; past it a request sends its command alone. */
    static final int MAX_QUEUED_COMMANDS = 4_096;
    /** Times a batch is committed again without the command that failed it, before all go alone. */
    static final int MAX_ROUNDS = 3;
    /** How often an idle committer looks whether it should stop. */
    private static final long IDLE_POLL_MILLIS = 200;
    /** A currency's committer ends after this long with nothing to commit (the next command starts another). */
    static final long IDLE_END_MILLIS = 60_000;

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** The message of the outer unit of work: neutral, so no command's metadata is taken for another's. */
    private static final Message<String> BATCH_MESSAGE = new GenericMessage<>("group commit");
    /**
     * The metadata naming the currency a request is about, and its correlation id (the keys of
     * web's IdempotentCommands, which this package cannot import without a cycle).
     */
    private static final String CURRENCY = "currency";
    private static final String CORRELATION_ID = "correlationId";

    private final CommandBus commandBus;
    private final TransactionManager transactionManager;
    private final BulkJobsRunning bulkJobsRunning;
    private final boolean enabled;
    private final int maxCommands;
    private final int aloneUpTo;
    /** Each currency's queue and committer, by currency code ("" for a command that names none). */
    private final ConcurrentMap<String, Partition> partitions = new ConcurrentHashMap<>();
    private final DistributionSummary batchSizes;
    private final Counter sentAlone;
    private volatile boolean running;

    public GroupCommit(CommandBus commandBus, TransactionManager transactionManager, MeterRegistry meters,
                       BulkJobsRunning bulkJobsRunning,
                       @Value("${mlc.group-commit.enabled:true}") boolean enabled,
                       @Value("${mlc.group-commit.max-commands:32}") int maxCommands,
                       @Value("${mlc.group-commit.alone-up-to:3}") int aloneUpTo) {
        if (maxCommands < 1 || aloneUpTo < 1) {
            throw new IllegalArgumentException("mlc.group-commit.max-commands and alone-up-to must be at least 1");
        }
        this.commandBus = commandBus;
        this.transactionManager = transactionManager;
        this.bulkJobsRunning = bulkJobsRunning;
        // the batch relies on the bus handling a command in the sending thread, inside the batch's unit of work
        this.enabled = enabled && commandBus instanceof SimpleCommandBus;
        if (enabled && !this.enabled) {
            log.warn("group commit is off: the command bus ({}) does not handle commands in the sending thread",
                    commandBus.getClass().getSimpleName());
        }
        this.maxCommands = maxCommands;
        this.aloneUpTo = aloneUpTo;
        this.batchSizes = DistributionSummary.builder("mlc.group-commit.batch.commands")
                .description("commands committed together in one transaction by group commit")
                .register(meters);
        this.sentAlone = Counter.builder("mlc.group-commit.sent-alone")
                .description("commands of a batch that did not commit, sent again by themselves")
                .register(meters);
    }

    /**
     * The commands of one currency: those waiting for its committer, how many are in flight
     * (waiting, in a batch or running alone), whether the committer is in a batch, and whether it
     * has ended (a request that finds it ended takes the currency's next one).
     */
    private static final class Partition {
        final String currency;
        final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(MAX_QUEUED_COMMANDS);
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger committing = new AtomicInteger();
        volatile boolean ended;
        volatile Thread committer;

        Partition(String currency) {
            this.currency = currency;
        }
    }

    /** A command waiting for its batch, and the answer it gets: its result, or "send it alone". */
    private record Pending(CommandMessage<?> command, CompletableFuture<Outcome> outcome) {
    }

    /** What a batch says to a request: its command's result if the batch committed, else {@code alone}. */
    private record Outcome(boolean committed, Object result) {
        static final Outcome ALONE = new Outcome(false, null);
    }

    /** Whether this command may wait for a batch: a grouped command, sent outside any transaction. */
    public boolean takes(CommandMessage<?> command) {
        return enabled && running && GROUPED.contains(command.getPayloadType())
                && !CurrentUnitOfWork.isStarted()
                && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /**
     * Sends the command in the next batch and returns its result once the batch has committed; if
     * the batch did not commit (or no committer can take it), runs {@code alone} and returns what it gives.
     */
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(CommandMessage<?> command, Supplier<R> alone) {
        Partition partition = enter(currencyOf(command));
        try {
            if (partition.inFlight.get() <= aloneUpTo) {
                // a few of this currency at once run side by side, each in its own thread: a batch
                // pays two thread hand-overs, worth it only when requests queue on the currency
                return alone.get();
            }
            if (bulkJobsRunning.in(partition.currency)) {
                // batches and a bulk job's chunks would hold each other's locks (BulkJobsRunning)
                return alone.get();
            }
            if (partition.committer == null) {
                // a currency whose requests never queue never gets a thread
                startCommitter(partition);
            }
            Pending pending = new Pending(command, new CompletableFuture<>());
            if (!running || !partition.queue.offer(pending)) {
                return alone.get();
            }
            Outcome outcome = null;
            while (outcome == null) {
                try {
                    outcome = pending.outcome().get(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // still queued while the committers stopped: no batch will take it
                    if (!running && partition.queue.remove(pending)) {
                        outcome = Outcome.ALONE;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while its batch was committed", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a batch's answer failed", e);
                }
            }
            return outcome.committed() ? (R) outcome.result() : alone.get();
        } finally {
            partition.inFlight.decrementAndGet();
        }
    }

    /** The currency's partition, counted in flight (a new one if its committer has just ended). */
    private Partition enter(String currency) {
        while (true) {
            Partition partition = partitions.computeIfAbsent(currency, Partition::new);
            partition.inFlight.incrementAndGet();
            if (!partition.ended) {
                // its committer cannot end now: it ends only while nothing is in flight
                return partition;
            }
            partition.inFlight.decrementAndGet();
            partitions.remove(currency, partition);
        }
    }

    private synchronized void startCommitter(Partition partition) {
        if (partition.committer == null && running) {
            Thread thread = new Thread(() -> commitBatches(partition), "group-commit-" + partition.currency);
            thread.setDaemon(true);
            partition.committer = thread;
            thread.start();
        }
    }

    /** The currency the command is about: the request's, or the payment's; "" if neither says. */
    private static String currencyOf(CommandMessage<?> command) {
        Object currency = command.getMetaData().get(CURRENCY);
        if (currency == null && command.getPayload() instanceof MakePayment payment) {
            currency = payment.currency().value();
        }
        return currency == null ? "" : currency.toString();
    }

    /** Requests waiting for a committer now. */
    int queued() {
        return partitions.values().stream().mapToInt(p -> p.queue.size()).sum();
    }

    /** Committers in a batch now. */
    int committing() {
        return partitions.values().stream().mapToInt(p -> p.committing.get()).sum();
    }

    private void commitBatches(Partition partition) {
        BlockingQueue<Pending> queue = partition.queue;
        List<Pending> batch = new ArrayList<>(maxCommands);
        long idleSinceNanos = System.nanoTime();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (System.nanoTime() - idleSinceNanos > TimeUnit.MILLISECONDS.toNanos(IDLE_END_MILLIS)
                            && mayEnd(partition)) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxCommands - 1);
                partition.committing.incrementAndGet();
                try {
                    commit(batch);
                } finally {
                    partition.committing.decrementAndGet();
                    idleSinceNanos = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("group commit failed; its {} commands are sent alone", batch.size(), e);
            } finally {
                // every request of the batch is answered, whatever happened (already answered ones are kept)
                batch.forEach(p -> p.outcome().complete(Outcome.ALONE));
                batch.clear();
            }
        }
        // stopping: whoever still waits sends alone
        for (Pending left; (left = queue.poll()) != null; ) {
            left.outcome().complete(Outcome.ALONE);
        }
    }

    /**
     * Ends an idle committer if no request of its currency is in flight. A request counts itself
     * in flight before it reads {@code ended}, and the committer marks itself ended before it
     * reads the count: one of the two sees the other, so no request waits on an ended committer.
     */
    private boolean mayEnd(Partition partition) {
        if (partition.inFlight.get() != 0) {
            return false;
        }
        partition.ended = true;
        if (partition.inFlight.get() != 0) {
            partition.ended = false;
            return false;
        }
        partitions.remove(partition.currency, partition);
        return true;
    }

    /**
     * Commits the batch; if a command of it fails, that one is sent alone and the others are
     * committed again without it (a refusal costs its batch a round, not its payments), up to
     * {@link #MAX_ROUNDS}; a batch whose commit itself failed goes alone whole.
     */
    private void commit(List<Pending> batch) {
        List<Pending> left = new ArrayList<>(batch);
        // sent alone once the others are decided: a resent key of a payment in the batch then finds its answer
        List<Pending> failed = new ArrayList<>();
        try {
            for (int round = 1; !left.isEmpty(); round++) {
                int failedAt = attempt(left);
                if (failedAt == COMMITTED) {
                    return;
                }
                if (failedAt == NOT_COMMITTED || round == MAX_ROUNDS) {
                    failed.addAll(left);
                    return;
                }
                failed.add(left.remove(failedAt));
            }
        } finally {
            sentAlone.increment(failed.size());
            failed.forEach(p -> p.outcome().complete(Outcome.ALONE));
        }
    }

    /** What {@link #attempt} says when all of the batch committed. */
    private static final int COMMITTED = -1;
    /** What {@link #attempt} says when the commit failed, with no command to blame. */
    private static final int NOT_COMMITTED = -2;

    /**
     * One batch in one unit of work and one transaction. If it committed, answers every request
     * with its result and says {@link #COMMITTED}; if a command failed, rolls all back and says
     * which; if the commit failed, says {@link #NOT_COMMITTED}.
     */
    private int attempt(List<Pending> batch) {
        Object[] results = new Object[batch.size()];
        boolean[] committed = {false};
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(BATCH_MESSAGE);
        // COMMIT handlers run last registered first: registered before the transaction, this one runs
        // after its commit, and only if the commit went through
        unitOfWork.onCommit(u -> committed[0] = true);
        unitOfWork.attachTransaction(transactionManager);
        Throwable failure = null;
        int failedAt = NOT_COMMITTED;
        for (int i = 0; i < batch.size() && failure == null; i++) {
            CommandMessage<?> command = batch.get(i).command();
            Object correlationId = command.getMetaData().get(CORRELATION_ID);
            if (correlationId != null) {
                MDC.put(CORRELATION_ID, correlationId.toString());
            }
            try {
                AtomicReference<CommandResultMessage<?>> answer = new AtomicReference<>();
                commandBus.dispatch(command, (message, result) -> answer.set(result));
                CommandResultMessage<?> result = answer.get();
                if (result == null) {
                    failure = new IllegalStateException(command.getCommandName() + " was not handled in its batch");
                } else if (result.isExceptional()) {
                    failure = result.exceptionResult();
                } else {
                    results[i] = result.getPayload();
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                MDC.remove(CORRELATION_ID);
            }
            if (failure != null) {
                failedAt = i;
            }
        }
        if (failure == null) {
            try {
                unitOfWork.commit();
            } catch (RuntimeException e) {
                failure = e;
            }
        } else {
            unitOfWork.rollback(failure);
        }
        if (!committed[0]) {
            log.debug("a batch of {} commands did not commit", batch.size(), failure);
            return failedAt;
        }
        batchSizes.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome().complete(new Outcome(true, results[i]));
        }
        return COMMITTED;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        log.info("group commit: a committer per currency, up to {} commands a batch", maxCommands);
    }

    @Override
    public void stop() {
        running = false;
        for (Partition partition : partitions.values()) {
            Thread committer = partition.committer;
            if (committer == null) {
                continue;
            }
            try {
                committer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts last and stops first: while it stops, requests send their commands alone. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
