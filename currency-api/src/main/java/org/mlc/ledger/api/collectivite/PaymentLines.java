package org.mlc.ledger.api.collectivite;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mlc.ledger.api.account.AccountQueries;
import org.mlc.ledger.api.bulk.BulkJobs;
import org.mlc.ledger.api.bulk.BulkLine;
import org.mlc.ledger.api.bulk.BulkProcessor;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.payment.MakePayment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lines of a collectivité's bulk payment (subsidies to associations, indemnités to elected
 * officials): each line is one payment under the usual rules, in a transaction of its own that
 * also records the line as done, so a refused line rolls back alone and a line is never paid
 * without being marked, nor marked without being paid. A line's payment id comes from the paying
 * account and the line's key: a line resent, in this upload or another, pays nothing more.
 */
@Component
public class PaymentLines implements BulkProcessor {

    public static final String KIND = "PAYMENTS";

    private final CommandGateway commandGateway;
    private final AccountQueries accounts;
    private final Clock clock;
    private final BulkJobs bulkJobs;
    private final TransactionTemplate ownTransaction;

    public PaymentLines(CommandGateway commandGateway, AccountQueries accounts, Clock clock,
                        @org.springframework.context.annotation.Lazy BulkJobs bulkJobs,
                        PlatformTransactionManager transactionManager) {
        this.commandGateway = commandGateway;
        this.accounts = accounts;
        this.clock = clock;
        this.bulkJobs = bulkJobs;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public static TransferId transferId(String fromAccount, String key) {
        return TransferId.of(UUID.nameUUIDFromBytes(("payment-line\n" + fromAccount + "\n" + key)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int chunkSize() {
        return 100;
    }

    @Override
    public List<Outcome> process(BulkJobs.Job job, List<BulkLine> lines) {
        String currency = accounts.find(job.targetId()).map(AccountQueries.Account::currency).orElseThrow(() ->
                new IllegalStateException("the paying account " + job.targetId() + " is not in the view"));
        List<Outcome> outcomes = new ArrayList<>();
        for (BulkLine line : lines) {
            TransferId transferId = transferId(job.targetId(), line.key());
            if (bulkJobs.alreadyDone(transferId.value())) {
                outcomes.add(Outcome.alreadyDone(line.line(), transferId.value()));
                continue;
            }
            try {
                ownTransaction.executeWithoutResult(status -> {
                    commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new MakePayment(
                            CurrencyCode.of(currency), transferId, AccountId.of(job.targetId()),
                            AccountId.of(line.partyId()), line.amountMinor(), line.reference(), null, true,
                            clock.instant()))
                            .andMetaData(Map.of(IdempotentCommands.USER, job.createdBy(),
                                    IdempotentCommands.ROLE, Role.COLLECTIVITE.name())));
                    bulkJobs.markDone(job.jobId(), line.line(), transferId.value());
                });
                outcomes.add(Outcome.done(line.line(), transferId.value()).storedWithItsEffect());
            } catch (DomainException e) {
                outcomes.add(Outcome.refused(line.line(), transferId.value(), e.code(), e.getMessage()));
            }
        }
        return outcomes;
    }
}
