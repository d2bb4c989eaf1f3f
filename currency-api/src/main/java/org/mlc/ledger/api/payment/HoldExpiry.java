package org.mlc.ledger.api.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.payment.ReleaseExpiredHold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases the holds of two-phase payments whose expiry has passed: on one node at a time
 * ({@link ClusterJobLock}), every {@code mlc.holds.expiry-check-millis} (30 s by default), in
 * batches. Each release is its own command, harmless if the hold was captured meanwhile.
 */
@Component
public class HoldExpiry {

    /** Holds released per round; the next round takes the rest. */
    public static final int BATCH_SIZE = 500;
    static final String JOB = "hold-expiry";
    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final HoldQueries holds;
    private final CommandGateway commandGateway;
    private final ClusterJobLock lock;
    private final Clock clock;

    public HoldExpiry(HoldQueries holds, CommandGateway commandGateway, ClusterJobLock lock, Clock clock) {
        this.holds = holds;
        this.commandGateway = commandGateway;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mlc.holds.expiry-check-millis:30000}",
            initialDelayString = "${mlc.holds.expiry-check-millis:30000}")
    public void releaseExpired() {
        releaseExpiredAt(clock.instant());
    }

    /** Releases the holds expired at {@code now}; the number released, or -1 when another node is at it. */
    public int releaseExpiredAt(Instant now) {
        ClusterJobLock.Run<Integer> released = lock.runExclusivelyInSteps(JOB, () -> {
            int count = 0;
            for (HoldQueries.Hold hold : holds.expiredAt(now, BATCH_SIZE)) {
                Boolean done = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new ReleaseExpiredHold(
                                AccountId.of(hold.fromAccount()), HoldId.of(hold.id()), now))
                        .andMetaData(Map.of(IdempotentCommands.USER, "system:" + JOB)));
                if (Boolean.TRUE.equals(done)) {
                    count++;
                    log.info("hold {} of account {} expired and released", hold.id(), hold.fromAccount());
                }
            }
            return count;
        });
        return released.ran() ? released.result() : -1;
    }
}
