package org.mlc.ledger.counter;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.Reasons;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.Money;

/**
 * A counter's closings as the counter keeps them after the day: when the last one was (the start
 * of the next Z report's period), what each counted per means (after its corrections), and the
 * shortfall not yet covered.
 *
 * <p>The shortfall is this counter's share of {@code COUNTER_DISCREPANCY}: shortfalls found at
 * closings and recounts, net of surpluses (a surplus is euros that stayed in the drawer and reach
 * the fund with the next remittance, so it makes up for a shortfall), less the coverings paid in by
 * the association. A covering is refused beyond it, so the ledger account never holds less than
 * the net of what the drawers found.
 */
final class Closings {

    private CounterId counter;
    private CurrencyCode currency;
    private Instant periodFrom;
    private final Map<ClosingId, Map<PaidBy, Long>> counted = new HashMap<>();
    private long netShortfallMinor;

    /** The events this part is told of (a closing's discrepancy, a recount, a covering). */
    interface Fact {
    }

    /** What a closing records, and its Z report. */
    record Closing(java.util.List<Object> events, DayReport report) {
    }

    /** A recount of a closing: the new counts of the means recounted and the difference to the previous ones. */
    record Recount(Map<PaidBy, Long> countedMinor, Map<PaidBy, Long> differenceMinor, long totalDifferenceMinor) {
    }

    void defined(CounterId counterId, CurrencyCode currencyCode, Instant at) {
        counter = counterId;
        currency = currencyCode;
        periodFrom = at;
    }

    /**
     * Closes the day against the drawer's count: a discrepancy is its own event; the Z report is
     * signed by its closer with its period, since the last closing (or the counter's definition).
     */
    Closing close(CloseCounterDay command, boolean alreadyClosed, Drawer drawer, CounterDay day) {
        if (alreadyClosed) {
            throw DomainException.conflict("day-already-closed", "closing.day-already-closed",
                    "the day of counter {0} is already closed; reopen it first", counter);
        }
        Drawer.Count count = drawer.count(command.countedMinor());
        DayReport report = day.report(count);
        java.util.List<Object> events = new java.util.ArrayList<>();
        if (count.differs()) {
            events.add(new CashDiscrepancyRecorded(counter, currency, command.closingId(), count.discrepancy(),
                    count.totalMinor(), discrepancyPostings(count.totalMinor()), command.at()));
        }
        events.add(new CounterDayClosed(counter, command.closingId(), report, command.at()));
        events.add(new ClosingSigned(counter, command.closingId(), periodFrom, command.at(), command.closedBy(),
                command.at()));
        return new Closing(events, report);
    }

    /** Sets the drawer to what was counted, and keeps the shortfall's account. */
    void on(Fact event, Drawer drawer) {
        if (event instanceof CashDiscrepancyRecorded found) {
            found.discrepancyByMeans().forEach(drawer::adjust);
            found(found.discrepancyMinor());
        } else if (event instanceof ClosingCorrected recount) {
            recount.differenceMinor().forEach(drawer::adjust);
            counted.computeIfAbsent(recount.closingId(), k -> new EnumMap<>(PaidBy.class))
                    .putAll(recount.countedMinor());
            found(recount.totalDifferenceMinor());
        } else if (event instanceof ShortfallCovered covering) {
            netShortfallMinor = Math.subtractExact(netShortfallMinor, covering.eurosMinor());
        }
    }

    ClosingCorrected correct(CorrectClosing command) {
        Recount recount = recount(counter, command.closingId(), command.countedMinor(), command.reason());
        return new ClosingCorrected(counter, currency, command.closingId(), command.correctionId(),
                recount.countedMinor(), recount.differenceMinor(), recount.totalDifferenceMinor(),
                command.reason().strip(), command.correctedBy(), discrepancyPostings(recount.totalDifferenceMinor()),
                command.at());
    }

    ShortfallCovered cover(CoverShortfall command) {
        requireCoverable(counter, command.eurosMinor());
        if (command.reference() != null && command.reference().length() > ExchangeCounter.MAX_REFERENCE_LENGTH) {
            throw DomainException.invalid("closing.reference-too-long", "reference is at most {0} characters",
                    ExchangeCounter.MAX_REFERENCE_LENGTH).naming("reference");
        }
        return new ShortfallCovered(counter, currency, command.coveringId(), command.eurosMinor(),
                command.reference(), command.coveredBy(), Postings.builder()
                        .move(account(LedgerAccountKind.COUNTER_DISCREPANCY), account(LedgerAccountKind.GUARANTEE_FUND),
                                command.eurosMinor())
                        .build(), command.at());
    }

    /** A shortfall (counted minus expected below zero) leaves the drawer for the discrepancy account; a surplus comes in from it. */
    private Postings discrepancyPostings(long countedMinusExpectedMinor) {
        return Postings.builder().move(account(LedgerAccountKind.COUNTER_DISCREPANCY),
                LedgerAccount.of(currency.value(), LedgerAccountKind.COUNTER_CASH, counter.value()),
                countedMinusExpectedMinor).build();
    }

    private LedgerAccount account(LedgerAccountKind kind) {
        return LedgerAccount.of(currency.value(), kind);
    }

    /** Where the next Z report's period starts: the last closing, or the counter's definition. */
    Instant periodFrom() {
        return periodFrom;
    }

    void closed(ClosingId closingId, Map<PaidBy, Long> countedMinor, Instant at) {
        counted.put(closingId, new EnumMap<>(countedMinor));
        periodFrom = at;
    }

    /** A closing's or a recount's discrepancy (counted minus expected: negative when euros are missing). */
    private void found(long discrepancyMinor) {
        netShortfallMinor = Math.subtractExact(netShortfallMinor, discrepancyMinor);
    }

    /** Shortfalls net of surpluses, less coverings; zero when surpluses outweigh them. */
    long uncoveredShortfallMinor() {
        return Math.max(0, netShortfallMinor);
    }

    /**
     * Compares a recount with what the closing counted (or its last recount): a reason is required,
     * at least one means is recounted, the closing is one of this counter's (else not found).
     */
    private Recount recount(CounterId counter, ClosingId closingId, Map<PaidBy, Long> recountMinor, String reason) {
        Map<PaidBy, Long> before = counted.get(closingId);
        if (before == null) {
            throw DomainException.notFound("closing.unknown", "unknown closing {0} at counter {1}", closingId, counter);
        }
        Reasons.required(reason);
        Map<PaidBy, Long> given = recountMinor == null ? Map.of() : recountMinor;
        if (given.values().stream().allMatch(java.util.Objects::isNull)) {
            throw DomainException.invalid("closing.recount-empty",
                    "a correction recounts at least one means of payment")
                    .naming(Drawer.field(PaidBy.CASH));
        }
        Map<PaidBy, Long> counts = new EnumMap<>(PaidBy.class);
        Map<PaidBy, Long> difference = new EnumMap<>(PaidBy.class);
        long total = 0;
        for (PaidBy means : PaidBy.values()) {
            Long recounted = given.get(means);
            Drawer.checkCount(means, recounted);
            if (recounted != null) {
                long delta = Math.subtractExact(recounted, before.getOrDefault(means, 0L));
                counts.put(means, recounted);
                difference.put(means, delta);
                total = Math.addExact(total, delta);
            }
        }
        return new Recount(counts, difference, total);
    }

    /** Refuses a covering of more than the uncovered shortfall ({@code covering-exceeds-shortfall}). */
    private void requireCoverable(CounterId counter, long eurosMinor) {
        if (eurosMinor <= 0 || eurosMinor > Amounts.MAX_AMOUNT_MINOR) {
            throw DomainException.invalid("closing.covering-not-positive", "euros must be greater than zero")
                    .naming("euros");
        }
        if (eurosMinor > uncoveredShortfallMinor()) {
            throw DomainException.refused("covering-exceeds-shortfall", "closing.covering-exceeds-shortfall",
                    "counter {0} has {1} of shortfall not covered, less than {2}", counter,
                    Money.of(uncoveredShortfallMinor(), "EUR"), Money.of(eurosMinor, "EUR")).naming("euros");
        }
    }
}
