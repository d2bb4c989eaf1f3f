package org.mlc.ledger.bank;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.CurrencyCode;

/**
 * The guarantee fund's bank account as the statements show it: which lines were already matched,
 * so that importing a statement twice changes nothing.
 */
@AggregateRoot
public class FundBankAccount {

    @AggregateIdentifier
    private String id;
    private final Set<String> matched = new HashSet<>();

    protected FundBankAccount() {
        // for Axon
    }

    FundBankAccount(CurrencyCode currency, String statementId, List<String> fingerprints, Instant at) {
        record(currency, statementId, fingerprints, at);
    }

    /** One fund bank account per currency; its id must not collide with the currency's own. */
    public static String idOf(CurrencyCode currency) {
        return "fund-bank-" + currency.value();
    }

    public boolean alreadyMatched(String fingerprint) {
        return matched.contains(fingerprint);
    }

    void record(CurrencyCode currency, String statementId, List<String> fingerprints, Instant at) {
        apply(new BankStatementImported(currency, statementId, fingerprints, at));
    }

    @EventSourcingHandler
    void on(BankStatementImported event) {
        id = idOf(event.currency());
        matched.addAll(event.matchedFingerprints());
    }
}
