package org.mlc.ledger.issuance;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.InflowSource;

/**
 * Files a direct issuance (the funder's account must be of a kind that funds one, every recipient a
 * member, association or merchant of the currency: each refusal names its line), confirms its euros
 * (the fund records the inflow in the same unit of work) and issues its lines, each on its own.
 */
class IssuanceHandler {

    private final Repository<Issuance> issuances;
    private final Repository<Account> accounts;
    private final Repository<GuaranteeFund> funds;

    IssuanceHandler(Repository<Issuance> issuances, Repository<Account> accounts, Repository<GuaranteeFund> funds) {
        this.issuances = issuances;
        this.accounts = accounts;
        this.funds = funds;
    }

    @CommandHandler
    public IssuanceId handle(FileIssuance command) throws Exception {
        long eurosMinor = IssuancePolicy.checkLines(command.reference(), command.lines());
        Aggregate<Account> funder = Aggregates.loadOr(accounts, command.funderAccount().value(),
                DomainException.notFound("issuance.unknown-funder-account", "unknown account {0} (funder)",
                        command.funderAccount()).naming("funder"));
        if (!funder.invoke(Account::owner).equals(command.funder())) {
            throw DomainException.refused("funder-not-allowed", "issuance.funder-not-owner",
                    "account {0} is not the account of funder {1}", command.funderAccount(), command.funder())
                    .naming("funder");
        }
        DomainException.throwIfAny(IssuancePolicy.funderKind(funder.invoke(Account::ownerKind)));
        if (!funder.invoke(Account::currency).equals(command.currency())) {
            throw DomainException.refused("currency-mismatch", "issuance.funder-currency-mismatch",
                    "funder account {0} is not in {1}", command.funderAccount(), command.currency())
                    .naming("funder");
        }
        for (int i = 0; i < command.lines().size(); i++) {
            IssuanceLine line = command.lines().get(i);
            String field = IssuancePolicy.field(i, "recipient");
            AccountId accountId = line.accountId();
            Aggregate<Account> account = Aggregates.loadOr(accounts, accountId.value(),
                    DomainException.notFound("issuance.unknown-recipient", "line {0}: unknown recipient account {1}",
                            i + 1, accountId).naming(field));
            try {
                account.execute(a -> a.requireIssuanceRecipient(line.recipient(), command.currency()));
            } catch (DomainException e) {
                throw e.naming(field);
            }
        }
        issuances.newInstance(() -> new Issuance(command, eurosMinor));
        return command.issuanceId();
    }

    @CommandHandler
    public IssuanceId handle(ConfirmIssuanceFunds command) throws Exception {
        Aggregate<Issuance> issuance = load(issuances, command.issuanceId());
        issuance.execute(i -> i.receiveFunds(command.bankReference(), command.by(), command.at()));
        GuaranteeFund.recordInflow(funds, issuance.invoke(Issuance::currency), InflowSource.ISSUANCE,
                command.issuanceId().value(), issuance.invoke(Issuance::eurosMinor), command.at());
        return command.issuanceId();
    }

    /**
     * Each line on its own: issued once (a resent line answers ALREADY_ISSUED), refused without a
     * trace of units when its account cannot receive any more (frozen, closed since the filing), all
     * refused ({@code issuance-not-funded}) while the euros are not in.
     */
    @CommandHandler
    public List<IssuanceLineResult> handle(IssueIssuanceLines command) throws Exception {
        if (command.keys() == null || command.keys().isEmpty() || command.keys().size() > IssueIssuanceLines.MAX_KEYS) {
            throw DomainException.invalid("issuance.chunk-size", "a chunk has 1 to {0} lines",
                    IssueIssuanceLines.MAX_KEYS);
        }
        Aggregate<Issuance> issuance = load(issuances, command.issuanceId());
        List<IssuanceLineResult> results = new ArrayList<>(command.keys().size());
        if (issuance.invoke(Issuance::status) != Issuance.Status.FUNDED) {
            // an answer, not an error: a job started before its funding was undone records why, and goes on
            for (String key : command.keys()) {
                results.add(new IssuanceLineResult(key, IssuanceLineResult.REFUSED, "issuance-not-funded",
                        "the euros of issuance " + command.issuanceId() + " are not in the fund"));
            }
            return results;
        }
        lockAccountsInIdOrder(issuance, command.keys());
        for (String key : command.keys()) {
            Issuance.LineStatus status = issuance.invoke(i -> i.lineStatus(key));
            if (status == Issuance.LineStatus.ISSUED) {
                results.add(new IssuanceLineResult(key, IssuanceLineResult.ALREADY_ISSUED, null, null));
                continue;
            }
            IssuanceLine line = issuance.invoke(i -> i.lineToIssue(key));
            if (status == Issuance.LineStatus.REFUSED) {
                results.add(new IssuanceLineResult(key, IssuanceLineResult.REFUSED, "account-frozen", null));
                continue;
            }
            Aggregate<Account> account = Aggregates.load(accounts, line.accountId().value(), "recipient account");
            try {
                account.execute(a -> a.requireIssuanceRecipient(line.recipient(), issuance.invoke(Issuance::currency)));
            } catch (DomainException e) {
                issuance.execute(i -> i.refuse(line, e.code(), command.at()));
                results.add(new IssuanceLineResult(key, IssuanceLineResult.REFUSED, e.code(), e.getMessage()));
                continue;
            }
            issuance.execute(i -> i.issue(line, command.at()));
            account.execute(a -> a.receiveIssuance(command.issuanceId(), key, line.unitsMinor(), command.at()));
            results.add(new IssuanceLineResult(key, IssuanceLineResult.ISSUED, null, null));
        }
        return results;
    }

    /**
     * Locks the accounts of the chunk's lines still to issue, in the order of their ids, before the
     * first line: payments lock their two accounts in that order, so a chunk and a payment never
     * wait on each other in a cycle (which Axon's lock factory breaks by failing one of them). The
     * lines are still issued in the file's order. As a grant batch does ({@code AidGrantHandler}).
     */
    private void lockAccountsInIdOrder(Aggregate<Issuance> issuance, List<String> keys) {
        for (String id : issuance.invoke(i -> i.accountsToIssue(keys))) {
            try {
                accounts.load(id);
            } catch (AggregateNotFoundException unknown) {
                // its line is refused when its turn comes
            }
        }
    }

    static Aggregate<Issuance> load(Repository<Issuance> issuances, IssuanceId issuanceId) {
        return Aggregates.loadOr(issuances, issuanceId.value(),
                DomainException.notFound("issuance.unknown", "unknown issuance {0}", issuanceId));
    }
}
