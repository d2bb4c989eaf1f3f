package org.mlc.ledger.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.currency.Demurrage;

/**
 * Notes deposited that were not revalidated by the fonte's last due date (the agent sees no stamp
 * for the period): credited less the revalidation fee of those notes (the rate of their face
 * value, rounded up to the cent, {@link Demurrage#revalidationFeeOn}), the fee going to the fonte's
 * beneficiary, both from paper in circulation. Checked before anything is recorded; the deposit
 * handlers credit the fund with {@link #credit} before the depositor.
 */
public final class UnstampedNotes {

    /** The fee of the unstamped notes of a deposit, for the period closed by {@code dueOn}. */
    public record Fee(long feeMinor, LocalDate periodFrom, LocalDate dueOn, Aggregate<Account> fund) {
    }

    private UnstampedNotes() {
    }

    /** Null when no note is said unstamped; refuses what cannot be deducted. */
    public static Fee check(Map<Integer, Integer> unstamped, Map<Integer, Integer> notes, CurrencyCode code,
                            Repository<Currency> currencies, Repository<Account> accounts, Instant at) {
        if (unstamped == null || unstamped.values().stream().allMatch(count -> count == null || count == 0)) {
            return null;
        }
        SortedMap<Integer, Integer> valid = Notes.validate(unstamped);
        SortedMap<Integer, Integer> deposited = Notes.validate(notes);
        valid.forEach((denomination, count) -> {
            if (deposited.getOrDefault(denomination, 0) < count) {
                throw DomainException.invalid("deposit.unstamped-not-deposited",
                        "unstamped: {0} notes of {1} are said unstamped, but {2} are deposited", count, denomination,
                        deposited.getOrDefault(denomination, 0)).naming("unstamped");
            }
        });
        Demurrage policy = Currencies.require(currencies, code).demurrage().orElseThrow(() -> DomainException.refused(
                "demurrage-off", "demurrage.off", "currency {0} has no demurrage", code));
        LocalDate today = LocalDate.ofInstant(at, CivilDay.ZONE);
        LocalDate dueOn = policy.lastDueOnOrBefore(today).orElseThrow(() -> DomainException.refused(
                "no-deadline-passed", "deposit.no-deadline-passed",
                "no due date of the fonte has passed yet (the first is {0}): no note is late", policy.firstDueOn())
                .naming("unstamped"));
        Aggregate<Account> fund = Aggregates.loadOr(accounts, policy.beneficiaryAccount().value(),
                DomainException.notFound("unknown.account", "unknown account {0}", policy.beneficiaryAccount()));
        return new Fee(policy.revalidationFeeOn(Notes.valueMinor(valid)), policy.periodStart(dueOn), dueOn, fund);
    }

    /** Credits the fund the fee; the caller credits the depositor the rest next. */
    public static void credit(Fee fee, DepositId depositId, CounterId counterId, Instant at) {
        fee.fund().execute(a -> a.receiveUnstampedNotesFee(depositId, counterId, fee.periodFrom(), fee.dueOn(),
                fee.feeMinor(), at));
    }
}
