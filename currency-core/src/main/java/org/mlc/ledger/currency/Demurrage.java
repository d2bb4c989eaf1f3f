package org.mlc.ledger.currency;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.money.Ratio;

/**
 * A currency's demurrage (fonte) while it is on: every {@code periodMonths} months from
 * {@code firstDueOn}, each account of the listed participant {@code kinds} (names of
 * {@code participant.ParticipantKind}, which this package cannot see) gives {@code rate} of what it
 * holds above {@code thresholdMinor} to the {@code beneficiary} association's account. Earmarked
 * aid and held amounts are exempt unless {@code includeEarmarked}.
 */
public record Demurrage(Ratio rate, int periodMonths, LocalDate firstDueOn, long thresholdMinor, List<String> kinds,
                        ParticipantId beneficiary, AccountId beneficiaryAccount, boolean includeEarmarked) {

    public Demurrage {
        kinds = List.copyOf(kinds);
    }

    /** Whether {@code day} is {@code firstDueOn} plus a whole number of periods. */
    public boolean isDueOn(LocalDate day) {
        return index(day).isPresent();
    }

    /** The last due date on or before {@code day}, empty before the first. */
    public Optional<LocalDate> lastDueOnOrBefore(LocalDate day) {
        if (day.isBefore(firstDueOn)) {
            return Optional.empty();
        }
        long k = ChronoUnit.MONTHS.between(firstDueOn, day) / periodMonths;
        LocalDate due = dueOn(k);
        // the month count may be one too many when the first due date is late in its month
        return Optional.of(due.isAfter(day) ? dueOn(k - 1) : due);
    }

    /** The first day of the period a due date closes: the previous due date (one period before the first). */
    public LocalDate periodStart(LocalDate dueOn) {
        return dueOn(index(dueOn).orElseThrow(() -> new IllegalArgumentException(dueOn + " is not a due date")) - 1);
    }

    /** What an account holding {@code baseMinor} (exemptions taken off) gives: the rate of the part above the threshold, rounded down to the cent in the holder's favour. */
    public long chargeOn(long baseMinor) {
        return baseMinor <= thresholdMinor ? 0 : rate.applyRoundingDown(baseMinor - thresholdMinor);
    }

    /** The first due date on or after {@code day}: the one a revalidation of paper notes that day pays for. */
    public LocalDate nextDueOnOrAfter(LocalDate day) {
        if (day.isBefore(firstDueOn)) {
            return firstDueOn;
        }
        LocalDate last = lastDueOnOrBefore(day).orElseThrow();
        return last.equals(day) ? day : dueOn(index(last).orElseThrow() + 1);
    }

    /**
     * The fee to revalidate paper notes of {@code faceValueMinor} for a period: the rate of their
     * whole face value (no threshold: a note is not an account), rounded up to the cent, so that
     * paper never melts slower than electronic balances.
     */
    public long revalidationFeeOn(long faceValueMinor) {
        return rate.applyRoundingUp(faceValueMinor);
    }

    private LocalDate dueOn(long k) {
        // always from the first due date, so that a 31st stays the month's last day rather than drifting
        return k >= 0 ? firstDueOn.plusMonths(k * periodMonths) : firstDueOn.minusMonths(-k * periodMonths);
    }

    private Optional<Long> index(LocalDate day) {
        if (day.isBefore(firstDueOn)) {
            return Optional.empty();
        }
        long k = ChronoUnit.MONTHS.between(firstDueOn, day) / periodMonths;
        for (long candidate = Math.max(0, k - 1); candidate <= k + 1; candidate++) {
            if (dueOn(candidate).equals(day)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
