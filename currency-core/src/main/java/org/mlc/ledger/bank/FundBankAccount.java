package org.mlc.ledger.bank;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;

/**
 * The guarantee fund's bank account as the statements show it: which lines were already matched,
 * so that importing a statement twice changes nothing, and what each line of a statement matched,
 * so that a wrong match can be undone (and the line matched again later).
 */
@AggregateRoot
public class FundBankAccount {

    @AggregateIdentifier
    private String id;
    private final Set<String> matched = new HashSet<>();
    /** Statements imported, and their lines matched and not undone, by line number. */
    private final Map<String, Map<Integer, MatchedLine>> statements = new HashMap<>();
    /** The fund's bank account of each statement not of the first one. */
    private final Map<String, String> accounts = new HashMap<>();
    private static final String FIRST_ACCOUNT = "1";

    protected FundBankAccount() {
        // for Axon
    }

    FundBankAccount(CurrencyCode currency, String fundAccount, String statementId, List<MatchedLine> matches,
                    Instant at) {
        record(currency, fundAccount, statementId, matches, at);
    }

    /** One fund bank account per currency; its id must not collide with the currency's own. */
    public static String idOf(CurrencyCode currency) {
        return "fund-bank-" + currency.value();
    }

    /** Whether this line of the statement of {@code fundAccount} (null: the first) was matched already. */
    public boolean alreadyMatched(String fundAccount, String fingerprint) {
        return matched.contains(key(fundAccount, fingerprint));
    }

    /** A line of the first account is known by its fingerprint alone, as before there were several. */
    private static String key(String fundAccount, String fingerprint) {
        return fundAccount == null || fundAccount.equals(FIRST_ACCOUNT) ? fingerprint
                : fundAccount + "|" + fingerprint;
    }

    void record(CurrencyCode currency, String fundAccount, String statementId, List<MatchedLine> matches,
                Instant at) {
        apply(new BankStatementMatched(currency, fundAccount, statementId, matches, at));
    }

    /** The fund's bank account a statement is of (null: the first). */
    String accountOf(String statementId) {
        return accounts.get(statementId);
    }

    /**
     * The line's match, still in force: 404 for a statement this account never imported, 409
     * {@code not-matched} for a line that matched nothing, was undone, or was imported before
     * matches were kept by line.
     */
    MatchedLine matchOf(String statementId, int lineNumber) {
        Map<Integer, MatchedLine> lines = statements.get(statementId);
        if (lines == null) {
            throw DomainException.notFound("bank.unknown-statement", "no bank statement {0} was imported for this fund",
                    statementId);
        }
        MatchedLine line = lines.get(lineNumber);
        if (line == null) {
            throw DomainException.conflict("not-matched", "bank.line-not-matched",
                    "line {0} of statement {1} is not matched",
                    lineNumber, statementId);
        }
        return line;
    }

    void undo(CurrencyCode currency, String statementId, MatchedLine line, String reason, String by, Instant at) {
        apply(new StatementMatchUndone(currency, accounts.get(statementId), statementId, line, reason, by, at));
    }

    @EventSourcingHandler
    void on(BankStatementImported event) {
        id = idOf(event.currency());
        matched.addAll(event.matchedFingerprints());
        // lines were not kept then: nothing of that statement can be undone by line
        statements.putIfAbsent(event.statementId(), new HashMap<>());
    }

    @EventSourcingHandler
    void on(BankStatementMatched event) {
        id = idOf(event.currency());
        Map<Integer, MatchedLine> lines = statements.computeIfAbsent(event.statementId(), s -> new HashMap<>());
        if (event.fundAccount() != null && !event.fundAccount().equals(FIRST_ACCOUNT)) {
            accounts.put(event.statementId(), event.fundAccount());
        }
        for (MatchedLine line : event.matches()) {
            matched.add(key(event.fundAccount(), line.fingerprint()));
            lines.put(line.lineNumber(), line);
        }
    }

    @EventSourcingHandler
    void on(StatementMatchUndone event) {
        matched.remove(key(event.fundAccount(), event.line().fingerprint()));
        statements.get(event.statementId()).remove(event.line().lineNumber());
    }
}
