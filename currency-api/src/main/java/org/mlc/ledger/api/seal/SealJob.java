package org.mlc.ledger.api.seal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals the event store every minute (and on demand, {@code POST /api/v1/seals}), one node at a
 * time under the cluster lock {@value #LOCK}: rounds of at most {@value #MAX_EVENTS_PER_ROUND}
 * events, each in its own transaction, until the safe point is reached.
 */
@Component
public class SealJob {

    public static final String LOCK = "seals";
    public static final int MAX_EVENTS_PER_ROUND = 50_000;

    private static final Logger log = LoggerFactory.getLogger(SealJob.class);

    private final ClusterJobLock lock;
    private final SealWriter writer;
    private final SealSigner signer;

    public SealJob(ClusterJobLock lock, JdbcTemplate jdbc, Clock clock,
                   @Value("${mlc.seal.key:}") String key, @Value("${mlc.seal.public-key:}") String publicKey,
                   @Value("${mlc.seal.writer-wait-millis:5000}") long writerWaitMillis) {
        this.lock = lock;
        this.signer = key.isBlank() ? null : SealSigner.of(key, publicKey);
        this.writer = new SealWriter(jdbc, clock, signer, Duration.ofMillis(writerWaitMillis), MAX_EVENTS_PER_ROUND);
    }

    /** What a run did: whether this node ran it, the events and seals appended, the index sealed through. */
    public record Result(boolean ran, long events, List<SealWriter.Seal> seals, long sealedThrough, boolean heldBack) {
    }

    @Scheduled(fixedDelayString = "${mlc.seal.every-millis:60000}", initialDelayString = "${mlc.seal.every-millis:60000}")
    void everyMinute() {
        run();
    }

    public Result run() {
        long events = 0;
        List<SealWriter.Seal> seals = new ArrayList<>();
        boolean heldBack = false;
        while (true) {
            ClusterJobLock.Run<SealWriter.Round> run = lock.runExclusively(LOCK, writer::sealOnce);
            if (run == null || !run.ran()) {
                if (events == 0) {
                    return new Result(false, 0, List.of(), -1, false);
                }
                break;
            }
            SealWriter.Round round = run.result();
            events += round.events();
            seals.addAll(round.seals());
            heldBack = round.heldBack();
            if (round.events() < MAX_EVENTS_PER_ROUND) {
                break;
            }
        }
        long through = writer.sealedThrough();
        if (!seals.isEmpty()) {
            log.info("sealed {} events in {} seals, through global index {}", events, seals.size(), through);
        } else if (heldBack) {
            log.warn("sealing held back: a transaction writing events did not end within the wait");
        }
        return new Result(true, events, seals, through, heldBack);
    }

    /** The published half of the signing key, or null. */
    public String publicKey() {
        return signer == null ? null : signer.publicKey();
    }
}
