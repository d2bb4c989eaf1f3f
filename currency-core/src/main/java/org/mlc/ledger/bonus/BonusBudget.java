package org.mlc.ledger.bonus;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.Money;

/**
 * A sponsor's bonus budget: what remains to fund, its period, and what each member drew in the
 * current calendar month (for the cap). One aggregate per budget so that conversions contend on
 * the budget they draw from, not on the currency every command reads.
 */
@AggregateRoot
public class BonusBudget {

    // Periods and calendar months are the association's days and months (CivilDay).
    /** A budget runs at most this long: longer would be a typo, not a policy. */
    public static final int MAX_PERIOD_DAYS = 3 * 366;
    public static final int MAX_REFERENCE_LENGTH = 200;

    @AggregateIdentifier
    private BudgetId id;
    private CurrencyCode currency;
    private LocalDate from;
    private LocalDate to;
    private long committedMinor;
    private long remainingMinor;
    private long paidInMinor;
    private long monthlyCapPerMemberMinor;
    /** Only the current month is kept: the cap restarts each month, so older months are dead weight. */
    private YearMonth currentMonth;
    private final Map<AccountId, Long> drawnThisMonth = new HashMap<>();

    protected BonusBudget() {
        // for Axon
    }

    BonusBudget(CommitBonusBudget command) {
        if (command.eurosMinor() <= 0 || command.eurosMinor() > Amounts.MAX_AMOUNT_MINOR) {
            throw DomainException.invalid("bonus.euros-out-of-range", "euros must be greater than zero and at most {0}",
                    Money.of(Amounts.MAX_AMOUNT_MINOR, "EUR"));
        }
        if (command.from() == null || command.to() == null) {
            throw DomainException.invalid("bonus.period-required", "from and to are required dates");
        }
        if (command.to().isBefore(command.from())
                || command.to().isAfter(command.from().plusDays(MAX_PERIOD_DAYS))) {
            throw DomainException.invalid("bonus.period-out-of-range",
                    "to must be on or after from, and at most {0} days later",
                    MAX_PERIOD_DAYS);
        }
        if (command.monthlyCapPerMemberMinor() < 0) {
            throw DomainException.invalid("bonus.monthly-cap-negative", "monthlyCapPerMember must not be negative");
        }
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(command.currency().value(), LedgerAccountKind.OUTSIDE),
                        committed(command.currency(), command.budgetId()), command.eurosMinor())
                .build();
        apply(new BonusBudgetCommitted(command.budgetId(), command.currency(), command.sponsor(),
                command.eurosMinor(), command.from(), command.to(), command.monthlyCapPerMemberMinor(), postings,
                command.at()));
    }

    /** What this budget can still give this member at this instant (0 outside its period). */
    public long availableFor(AccountId account, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, CivilDay.ZONE);
        if (day.isBefore(from) || day.isAfter(to)) {
            return 0;
        }
        long available = remainingMinor;
        if (monthlyCapPerMemberMinor > 0) {
            long drawn = YearMonth.from(day).equals(currentMonth) ? drawnThisMonth.getOrDefault(account, 0L) : 0;
            available = Math.min(available, monthlyCapPerMemberMinor - drawn);
        }
        return Math.max(0, available);
    }

    public long remainingMinor() {
        return remainingMinor;
    }

    /** Funds bonus units of a conversion; the caller checked {@link #availableFor} in the same unit of work. */
    public void draw(ConversionId conversionId, AccountId account, long bonusMinor, Instant at) {
        if (bonusMinor <= 0 || bonusMinor > availableFor(account, at)) {
            throw new IllegalArgumentException("cannot draw " + bonusMinor + " from budget " + id);
        }
        apply(new BonusDrawn(id, conversionId, account, YearMonth.from(LocalDate.ofInstant(at, CivilDay.ZONE)).toString(),
                bonusMinor, at));
    }

    /**
     * Takes back the bonus of a cancelled conversion drawn at {@code drawnAt}, at whatever time: it
     * counts again in the budget, and in the member's cap if the month of the draw is still current.
     */
    public void returnBonus(ConversionId conversionId, AccountId account, Instant drawnAt, long bonusMinor,
                            Instant at) {
        if (bonusMinor <= 0 || bonusMinor > committedMinor - remainingMinor) {
            throw new IllegalArgumentException("cannot return " + bonusMinor + " to budget " + id);
        }
        apply(new BonusReturned(id, conversionId, account,
                YearMonth.from(LocalDate.ofInstant(drawnAt, CivilDay.ZONE)).toString(), bonusMinor, at));
    }

    /** Sponsor money committed and not yet paid in. */
    public long outstandingMinor() {
        return committedMinor - paidInMinor;
    }

    /** By the reconversion package's handler, which records the inflow on the guarantee fund too. */
    public BudgetId handle(RecordSponsorPayment command) {
        if (command.eurosMinor() <= 0) {
            throw DomainException.invalid("bonus.payment-not-positive", "euros must be greater than zero");
        }
        if (command.reference() != null && command.reference().length() > MAX_REFERENCE_LENGTH) {
            throw DomainException.invalid("bonus.reference-too-long", "reference is at most {0} characters",
                    MAX_REFERENCE_LENGTH);
        }
        if (command.eurosMinor() > committedMinor - paidInMinor) {
            throw DomainException.refused("payment-exceeds-commitment", "bonus.payment-exceeds-commitment",
                    "budget {0} has {1} committed and not yet paid in, less than {2}", id,
                    Money.of(committedMinor - paidInMinor, "EUR"), Money.of(command.eurosMinor(), "EUR"));
        }
        Postings postings = Postings.builder()
                .move(committed(currency, id), LedgerAccount.of(currency.value(), LedgerAccountKind.GUARANTEE_FUND),
                        command.eurosMinor())
                .build();
        apply(new SponsorPaymentReceived(id, currency, command.eurosMinor(), command.reference(), postings,
                command.at()));
        return id;
    }

    /**
     * Reverses a sponsor payment recorded by mistake (a wrong bank statement match): the euros are
     * committed and not yet paid in again. By the bank package's handler, which reverses the fund's
     * inflow in the same unit of work.
     */
    public void reverseSponsorPayment(long eurosMinor, String reason, String by, Instant at) {
        if (eurosMinor <= 0 || eurosMinor > paidInMinor) {
            throw DomainException.conflict("not-matched", "bonus.reversal-exceeds-paid-in",
                    "budget {0} has {1} paid in, not {2} to reverse", id, Money.of(paidInMinor, "EUR"),
                    Money.of(eurosMinor, "EUR"));
        }
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.GUARANTEE_FUND), committed(currency, id),
                        eurosMinor)
                .build();
        apply(new SponsorPaymentReversed(id, currency, eurosMinor, reason, by, postings, at));
    }

    @EventSourcingHandler
    void on(BonusBudgetCommitted event) {
        id = event.budgetId();
        currency = event.currency();
        from = event.from();
        to = event.to();
        committedMinor = event.eurosMinor();
        remainingMinor = event.eurosMinor();
        monthlyCapPerMemberMinor = event.monthlyCapPerMemberMinor();
    }

    @EventSourcingHandler
    void on(BonusDrawn event) {
        remainingMinor -= event.bonusMinor();
        YearMonth month = YearMonth.parse(event.month());
        if (!month.equals(currentMonth)) {
            currentMonth = month;
            drawnThisMonth.clear();
        }
        drawnThisMonth.merge(event.accountId(), event.bonusMinor(), Math::addExact);
    }

    @EventSourcingHandler
    void on(BonusReturned event) {
        remainingMinor += event.bonusMinor();
        if (YearMonth.parse(event.month()).equals(currentMonth)) {
            drawnThisMonth.computeIfPresent(event.accountId(), (account, drawn) -> drawn == event.bonusMinor() ? null
                    : drawn - event.bonusMinor());
        }
    }

    @EventSourcingHandler
    void on(SponsorPaymentReceived event) {
        paidInMinor += event.eurosMinor();
    }

    @EventSourcingHandler
    void on(SponsorPaymentReversed event) {
        paidInMinor -= event.eurosMinor();
    }

    private static LedgerAccount committed(CurrencyCode currency, BudgetId budget) {
        return LedgerAccount.of(currency.value(), LedgerAccountKind.SPONSOR_COMMITTED, budget.value());
    }

    public BudgetId id() {
        return id;
    }

    public CurrencyCode currency() {
        return currency;
    }

    public long committedMinor() {
        return committedMinor;
    }

    public long paidInMinor() {
        return paidInMinor;
    }
}
