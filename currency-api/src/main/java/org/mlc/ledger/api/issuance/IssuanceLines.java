package org.mlc.ledger.api.issuance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mlc.ledger.api.bulk.BulkJobs;
import org.mlc.ledger.api.bulk.BulkLine;
import org.mlc.ledger.api.bulk.BulkProcessor;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.issuance.IssuanceLineResult;
import org.mlc.ledger.issuance.IssueIssuanceLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Issues the lines of funded issuances as bulk jobs: once the euros are in (confirmed by hand or by
 * a bank statement line), a job holds the lines still pending, and each chunk is one
 * {@link IssueIssuanceLines} command in the runner's transaction. A line resent (a chunk run again,
 * a job started twice) issues nothing more: the issuance answers ALREADY_ISSUED. Funded issuances
 * whose job was not started (a bank import on another node, a stop) are picked up by the sweep.
 */
@Component
public class IssuanceLines implements BulkProcessor {

    public static final String KIND = "ISSUANCE_LINES";

    private static final Logger log = LoggerFactory.getLogger(IssuanceLines.class);

    private final CommandGateway commandGateway;
    private final IssuanceQueries queries;
    private final BulkJobs bulkJobs;
    private final Clock clock;

    // lazy: the bulk jobs take every processor, this one among them
    public IssuanceLines(CommandGateway commandGateway, IssuanceQueries queries, @Lazy BulkJobs bulkJobs,
                         Clock clock) {
        this.commandGateway = commandGateway;
        this.queries = queries;
        this.bulkJobs = bulkJobs;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int chunkSize() {
        return IssueIssuanceLines.MAX_KEYS;
    }

    /** Starts the job of every funded issuance with lines pending; each funding has its own job, once. */
    @Scheduled(fixedDelayString = "${mlc.bulk.poll-millis:5000}", initialDelayString = "${mlc.bulk.poll-millis:5000}")
    public void startFunded() {
        for (IssuanceQueries.Funded funded : queries.fundedWithPendingLines(100)) {
            start(funded);
        }
    }

    /** Starts the job of one funded issuance (nothing when it has no line pending). */
    public void start(String issuanceId) {
        queries.fundedWithPendingLines(1_000).stream().filter(f -> f.issuanceId().equals(issuanceId)).findFirst()
                .ifPresent(this::start);
    }

    private void start(IssuanceQueries.Funded funded) {
        List<BulkLine> lines = queries.lines(funded.issuanceId(), BulkJobs.MAX_LINES).stream()
                .filter(l -> IssuanceQueries.PENDING.equals(l.status()))
                .map(l -> new BulkLine(l.line(), l.key(), l.recipientId(), l.unitsMinor(), null, null, null, null))
                .toList();
        if (lines.isEmpty()) {
            return;
        }
        String jobId = jobId(funded.issuanceId(), funded.fundedAt());
        bulkJobs.create(new BulkJobs.Job(jobId, KIND, funded.issuanceId(), funded.funderId(),
                funded.filedBy() == null ? "system" : funded.filedBy()), lines);
        log.info("issuance {}: lines job {} started ({} lines)", funded.issuanceId(), jobId, lines.size());
    }

    /** The job of one funding of an issuance (a funding undone and made again gets a new job). */
    static String jobId(String issuanceId, Instant fundedAt) {
        return UUID.nameUUIDFromBytes(("issuance-lines\n" + issuanceId + "\n" + fundedAt)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public List<Outcome> process(BulkJobs.Job job, List<BulkLine> lines) {
        Map<String, Integer> lineOf = new HashMap<>();
        lines.forEach(l -> lineOf.put(l.key(), l.line()));
        List<Outcome> outcomes = new ArrayList<>();
        List<IssuanceLineResult> results = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new IssueIssuanceLines(IssuanceId.of(job.targetId()), lines.stream().map(BulkLine::key).toList(),
                            clock.instant())).andMetaData(Map.of(IdempotentCommands.USER, job.createdBy(),
                    IdempotentCommands.ROLE, Role.ADMIN.name())));
        for (IssuanceLineResult result : results) {
            int line = lineOf.get(result.key());
            outcomes.add(switch (result.outcome()) {
                case IssuanceLineResult.ISSUED -> Outcome.done(line, result.key());
                case IssuanceLineResult.ALREADY_ISSUED -> Outcome.alreadyDone(line, result.key());
                default -> Outcome.refused(line, result.key(), result.code(), result.detail());
            });
        }
        return outcomes;
    }
}
