package org.mlc.ledger.api.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends the API's commands, again when they lost a race or a deadlock for an aggregate.
 * <p>
 * With several nodes on one database, two nodes may append to the same aggregate at once: the
 * event store's unique key on (aggregate, sequence) refuses the second (PostgreSQL's 23505, read
 * as a {@link ConcurrencyException}), its whole unit of work rolls back (the Idempotency-Key row
 * with it) and Axon drops the aggregate from the cache. Sending the command again then loads the
 * aggregate afresh and decides on the current state. A command that locks several aggregates (a
 * bulk chunk locks up to 500 accounts) can meet another that locks some of the same in another
 * order: Axon's lock factory detects the cycle and fails one with a {@link DeadlockException}
 * (or PostgreSQL does, on rows), its unit of work rolled back; it is sent again the same way (it
 * was answered 500 before: docs/performance.md, the hosted-scale day). Only these are retried,
 * after a short, growing, jittered pause; a refusal by the domain, a second creation of the same
 * id or any other failure is answered at once.
 * <p>
 * Not Axon's {@code RetryScheduler}: the conflict surfaces when the unit of work commits, and
 * Axon's {@code SimpleCommandBus} throws a commit failure straight out of {@code dispatch}, past
 * the callback the scheduler hangs on (found by the bank test: no command was ever retried).
 * Not for the sagas either: a saga's command joins the processor's transaction, so its conflict
 * fails that transaction and the processor handles the whole event again.
 */
@Component
public class ConflictRetry {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);
    /** PostgreSQL's deadlock_detected: one of the transactions was rolled back to break the cycle. */
    private static final String POSTGRES_DEADLOCK = "40P01";

    private final CommandGateway gateway;
    private final GroupCommit groupCommit;
    private final int maxRetries;
    private final long firstBackoffMillis;
    private final Counter retries;

    public ConflictRetry(CommandGateway gateway, GroupCommit groupCommit, MeterRegistry meters,
                         @Value("${mlc.command-retry.max-retries:6}") int maxRetries,
                         @Value("${mlc.command-retry.first-backoff-millis:10}") long firstBackoffMillis) {
        this.gateway = gateway;
        this.groupCommit = groupCommit;
        this.maxRetries = maxRetries;
        this.firstBackoffMillis = firstBackoffMillis;
        this.retries = Counter.builder("mlc.commands.retried")
                .description("commands sent again after losing a race for an aggregate (concurrency conflict)")
                .register(meters);
    }

    /**
     * Sends the command and waits for its result, again (up to the limit) after a concurrency
     * conflict. A payment or a conversion goes in the next group commit ({@link GroupCommit}), and
     * alone if its batch did not commit.
     */
    public <R> R sendAndWait(CommandMessage<?> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return groupCommit.takes(command)
                        ? groupCommit.sendAndWait(command, () -> gateway.sendAndWait(command))
                        : gateway.sendAndWait(command);
            } catch (RuntimeException e) {
                if (attempt > maxRetries || !isConflict(e)) {
                    throw e;
                }
                retries.increment();
                long pauseMillis = (firstBackoffMillis << (attempt - 1))
                        + ThreadLocalRandom.current().nextLong(firstBackoffMillis + 1);
                log.info("{} lost a race or a deadlock for its aggregate; sending it again in {} ms (retry {} of {})",
                        command.getCommandName(), pauseMillis, attempt, maxRetries);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * A conflict on an existing aggregate: yes. A deadlock, in Axon's aggregate locks or in
     * PostgreSQL's row locks: yes, the unit of work that lost it rolled back whole. A second
     * creation of the same id: no, it stays a conflict.
     */
    public static boolean isConflict(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof AggregateStreamCreationException) {
                return false;
            }
            if (t instanceof ConcurrencyException || t instanceof DeadlockException
                    || (t instanceof SQLException sql && POSTGRES_DEADLOCK.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
