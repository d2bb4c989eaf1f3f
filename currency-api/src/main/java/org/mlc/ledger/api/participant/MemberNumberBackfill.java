package org.mlc.ledger.api.participant;

import java.time.Clock;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.mlc.ledger.api.infrastructure.ConflictRetry;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.NumberParticipant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives a member number to the participants registered before there were numbers (a store
 * written by an older version): shortly after start-up and then every
 * {@code mlc.member-numbers.backfill-millis} (a minute by default), on one node at a time, in
 * batches, the oldest registration first. Each is a {@code NumberParticipant} command, so the
 * number is recorded as an event like any other (the same after a replay and on every node) and
 * a participant numbered meanwhile keeps its number. Once every participant has one, a round is
 * one query that finds none.
 */
@Component
public class MemberNumberBackfill {

    /** Participants numbered per round; the next round takes the rest. */
    public static final int BATCH_SIZE = 500;
    static final String JOB = "member-number-backfill";
    private static final Logger log = LoggerFactory.getLogger(MemberNumberBackfill.class);

    private final ParticipantQueries participants;
    private final ConflictRetry commands;
    private final ClusterJobLock lock;
    private final Clock clock;

    public MemberNumberBackfill(ParticipantQueries participants, ConflictRetry commands, ClusterJobLock lock,
                                Clock clock) {
        this.participants = participants;
        this.commands = commands;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mlc.member-numbers.backfill-millis:60000}", initialDelayString = "5000")
    public void scheduled() {
        numberUnnumbered();
    }

    /** Numbers one batch of unnumbered participants; how many, or -1 when another node is at it. */
    public int numberUnnumbered() {
        ClusterJobLock.Run<Integer> run = lock.runExclusivelyInSteps(JOB, () -> {
            int count = 0;
            for (ParticipantQueries.Unnumbered unnumbered : participants.unnumbered(BATCH_SIZE)) {
                String participant = unnumbered.id();
                String number = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new NumberParticipant(ParticipantId.of(participant),
                                        CurrencyCode.of(unnumbered.currency()), clock.instant()))
                        .andMetaData(Map.of(IdempotentCommands.USER, "system:" + JOB)));
                log.info("participant {} registered before member numbers is numbered {}", participant, number);
                count++;
            }
            return count;
        });
        return run.ran() ? run.result() : -1;
    }
}
