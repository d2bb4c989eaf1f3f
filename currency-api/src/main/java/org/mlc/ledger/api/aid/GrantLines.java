package org.mlc.ledger.api.aid;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mlc.ledger.aid.GrantResult;
import org.mlc.ledger.aid.GrantAid;
import org.mlc.ledger.aid.GrantAidBatch;
import org.mlc.ledger.api.bulk.BulkJobs;
import org.mlc.ledger.api.bulk.BulkLine;
import org.mlc.ledger.api.bulk.BulkProcessor;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.participant.ParticipantQueries.Participant;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.ParticipantId;
import org.springframework.stereotype.Component;

/**
 * The lines of a bulk grant: a chunk is one {@link GrantAidBatch} command, in the runner's
 * transaction, so the grants and the lines' outcomes commit together. A line's grant id comes from
 * the programme and the line's key, as for a single grant: a line resent, in this upload or
 * another, grants nothing more ({@code ALREADY_DONE}).
 */
@Component
public class GrantLines implements BulkProcessor {

    public static final String KIND = "AID_GRANTS";

    private final CommandGateway commandGateway;
    private final ParticipantQueries participants;
    private final Clock clock;

    public GrantLines(CommandGateway commandGateway, ParticipantQueries participants, Clock clock) {
        this.commandGateway = commandGateway;
        this.participants = participants;
        this.clock = clock;
    }

    /** The grant a key names in a programme: the same for a single grant and a bulk line. */
    public static GrantId grantId(String programId, String key) {
        return GrantId.of(UUID.nameUUIDFromBytes(("aid-grant\n" + programId + "\n" + key)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Grants per chunk, one unit of work each. Fewer commits made the batch alone faster, but a chunk of
     * 500 (GrantAidBatch.MAX_GRANTS) held 500 accounts' locks for its whole unit of work and put 1,000
     * events at once before the views, which the requests of every currency then waited for
     * (docs/performance.md, the hosted-scale day); the batch now goes at the views' pace anyway.
     */
    static final int CHUNK_GRANTS = 100;

    @Override
    public int chunkSize() {
        return CHUNK_GRANTS;
    }

    @Override
    public List<Outcome> process(BulkJobs.Job job, List<BulkLine> lines) {
        Map<String, Participant> beneficiaries = participants.findAll(
                lines.stream().map(BulkLine::partyId).distinct().toList());
        List<Outcome> outcomes = new ArrayList<>();
        List<GrantAid> grants = new ArrayList<>();
        Map<GrantId, Integer> lineOf = new HashMap<>();
        for (BulkLine line : lines) {
            GrantId grantId = grantId(job.targetId(), line.key());
            Participant beneficiary = beneficiaries.get(line.partyId());
            if (beneficiary == null) {
                outcomes.add(Outcome.refused(line.line(), grantId.value(), "not-found",
                        "unknown beneficiary " + line.partyId()));
                continue;
            }
            if (lineOf.putIfAbsent(grantId, line.line()) != null) {
                outcomes.add(Outcome.refused(line.line(), grantId.value(), "validation",
                        "key " + line.key() + " is on line " + lineOf.get(grantId) + " already"));
                continue;
            }
            grants.add(new GrantAid(AidProgramId.of(job.targetId()), grantId, ParticipantId.of(line.partyId()),
                    AccountId.of(beneficiary.accountId()), line.amountMinor(), line.expiresOn(), clock.instant()));
        }
        if (!grants.isEmpty()) {
            List<GrantResult> results = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new GrantAidBatch(AidProgramId.of(job.targetId()), grants)).andMetaData(Map.of(
                    IdempotentCommands.USER, job.createdBy(), IdempotentCommands.ROLE, roleOf(job))));
            for (GrantResult result : results) {
                int line = lineOf.get(result.grantId());
                String id = result.grantId().value();
                outcomes.add(switch (result.outcome()) {
                    case GRANTED -> Outcome.done(line, id);
                    case ALREADY_GRANTED -> Outcome.alreadyDone(line, id);
                    case REFUSED -> Outcome.refused(line, id, result.code(), result.detail());
                });
            }
        }
        return outcomes;
    }

    /** The funder's users hold the role named like its kind (CCAS, COLLECTIVITE, EMPLOYER), recorded with the grants. */
    private String roleOf(BulkJobs.Job job) {
        return participants.find(job.ownerId()).map(funder -> funder.kind().name()).orElse(Role.CCAS.name());
    }
}
