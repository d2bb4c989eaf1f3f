package org.mlc.ledger.counter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;

/**
 * An exchange counter: sells units for euros and keeps what its cash drawer should hold.
 * (Per-means drawer, notes, closing and remittances build on this.)
 */
@AggregateRoot
public class ExchangeCounter {

    public static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private CounterId id;
    private CurrencyCode currency;
    private long expectedCashMinor;

    protected ExchangeCounter() {
        // for Axon
    }

    @CommandHandler
    public ExchangeCounter(DefineCounter command) {
        if (command.name() == null || command.name().isBlank() || command.name().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("name is required, at most " + MAX_NAME_LENGTH + " characters");
        }
        if (command.host() != null && command.host().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("host is at most " + MAX_NAME_LENGTH + " characters");
        }
        apply(new CounterDefined(command.counterId(), command.name().strip(), command.currency(), command.host(),
                command.definedAt()));
    }

    /**
     * Records euros received for units; the caller credits the units to the account in the same
     * unit of work. Returns the event so the caller knows the units and bonus.
     */
    public EurosConverted convert(ConversionId conversionId, AccountId accountId, long eurosMinor, PaidBy paidBy,
                                  Payout payout, ConversionPolicy policy, Instant at) {
        if (eurosMinor <= 0) {
            throw DomainException.invalid("euros must be greater than zero");
        }
        if (paidBy == null) {
            throw DomainException.invalid("paidBy is required: CASH, CARD or CHEQUE");
        }
        if (payout != Payout.ACCOUNT) {
            throw DomainException.refused("payout-not-available",
                    "this counter converts to accounts only; paper notes are not yet handled");
        }
        long unitsMinor = policy.unitsFor(eurosMinor);
        if (unitsMinor <= 0) {
            throw DomainException.invalid("euros too small to buy one cent of units");
        }
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.OUTSIDE),
                        LedgerAccount.of(currency.value(), LedgerAccountKind.COUNTER_CASH, id.value()), eurosMinor)
                .build();
        EurosConverted event = new EurosConverted(conversionId, id, currency, accountId, eurosMinor, unitsMinor,
                policy.bonusFor(eurosMinor), paidBy, payout, postings, at);
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(CounterDefined event) {
        id = event.counterId();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(EurosConverted event) {
        expectedCashMinor += event.eurosMinor();
    }

    public CounterId id() {
        return id;
    }

    public CurrencyCode currency() {
        return currency;
    }

    public long expectedCashMinor() {
        return expectedCashMinor;
    }
}
