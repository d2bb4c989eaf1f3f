package org.mlc.ledger.counter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;

/**
 * A counter's remittances of euros to the guarantee fund: to remit, remitted, confirmed by the bank
 * (or that confirmation undone). A member of {@link ExchangeCounter}, following its events itself.
 */
final class Remittances {

    record Remittance(PaidBy means, long eurosMinor, ExchangeCounter.RemittanceStatus status) {
    }

    private final Map<RemittanceId, Remittance> remittances = new HashMap<>();

    /** The remittance, or {@code not-found}. */
    Remittance get(CounterId counter, RemittanceId remittanceId) {
        Remittance remittance = remittances.get(remittanceId);
        if (remittance == null) {
            throw DomainException.notFound("remittance.unknown", "unknown remittance {0} at counter {1}", remittanceId,
                    counter);
        }
        return remittance;
    }

    /** The remittance, or null. */
    Remittance find(RemittanceId remittanceId) {
        return remittances.get(remittanceId);
    }

    void requireNew(RemittanceId remittanceId) {
        if (remittances.containsKey(remittanceId)) {
            throw DomainException.conflict("already-exists", "remittance.exists", "remittance {0} exists",
                    remittanceId);
        }
    }

    void prepared(RemittanceId remittanceId, PaidBy means, long eurosMinor) {
        remittances.put(remittanceId, new Remittance(means, eurosMinor, ExchangeCounter.RemittanceStatus.TO_REMIT));
    }

    void moved(RemittanceId remittanceId, ExchangeCounter.RemittanceStatus status) {
        remittances.computeIfPresent(remittanceId, (k, r) -> new Remittance(r.means(), r.eurosMinor(), status));
    }

    /** Confirms a remittance: its euros leave the counter's cash for the guarantee fund. */
    void confirm(CounterId counter, CurrencyCode currency, RemittanceId remittanceId, String bankReference,
                 Instant at) {
        Remittance remittance = get(counter, remittanceId);
        if (bankReference != null && bankReference.length() > ExchangeCounter.MAX_REFERENCE_LENGTH) {
            throw DomainException.invalid("remittance.reference-too-long", "reference is at most {0} characters",
                    ExchangeCounter.MAX_REFERENCE_LENGTH);
        }
        if (remittance.status() == ExchangeCounter.RemittanceStatus.CONFIRMED) {
            throw DomainException.conflict("already-confirmed", "remittance.already-confirmed",
                    "remittance {0} is already confirmed", remittanceId);
        }
        Postings postings = Postings.builder()
                .move(cash(currency, counter), fund(currency), remittance.eurosMinor())
                .build();
        apply(new RemittanceConfirmed(counter, currency, remittanceId, remittance.eurosMinor(), bankReference,
                postings, at));
    }

    /** Undoes a confirmation: remitted again, its euros back to counter cash; {@code not-matched} if not confirmed. */
    void undoConfirmation(CounterId counter, CurrencyCode currency, RemittanceId remittanceId, String reason,
                          String by, Instant at) {
        Remittance remittance = get(counter, remittanceId);
        if (remittance.status() != ExchangeCounter.RemittanceStatus.CONFIRMED) {
            throw DomainException.conflict("not-matched", "remittance.not-confirmed", "remittance {0} is not confirmed",
                    remittanceId);
        }
        Postings postings = Postings.builder()
                .move(fund(currency), cash(currency, counter), remittance.eurosMinor())
                .build();
        apply(new RemittanceConfirmationUndone(counter, currency, remittanceId, remittance.eurosMinor(), reason, by,
                postings, at));
    }

    private static LedgerAccount cash(CurrencyCode currency, CounterId counter) {
        return LedgerAccount.of(currency.value(), LedgerAccountKind.COUNTER_CASH, counter.value());
    }

    private static LedgerAccount fund(CurrencyCode currency) {
        return LedgerAccount.of(currency.value(), LedgerAccountKind.GUARANTEE_FUND);
    }

    @EventSourcingHandler
    void on(RemittancePrepared event) {
        prepared(event.remittanceId(), event.means(), event.eurosMinor());
    }

    @EventSourcingHandler
    void on(RemittanceDeposited event) {
        moved(event.remittanceId(), ExchangeCounter.RemittanceStatus.REMITTED);
    }

    @EventSourcingHandler
    void on(RemittanceConfirmed event) {
        moved(event.remittanceId(), ExchangeCounter.RemittanceStatus.CONFIRMED);
    }

    @EventSourcingHandler
    void on(RemittanceConfirmationUndone event) {
        moved(event.remittanceId(), ExchangeCounter.RemittanceStatus.REMITTED);
    }
}
