package org.mlc.ledger.bonus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * How a conversion's bonus is funded ({@link BonusPolicy}): the budget that funds it, loaded and
 * locked in the conversion's unit of work, the bonus, and why it is below the ratio's bonus.
 */
public final class BonusFunding {

    /** Why a conversion got less bonus than its currency's ratio gives; null when it got it all. */
    public static final String NO_BUDGET = "no-budget";
    public static final String BUDGET_EXHAUSTED = "budget-exhausted";
    public static final String MONTHLY_CAP_REACHED = "monthly-cap-reached";
    /** The currency gives no bonus to this kind of participant (by default: anyone but a member). */
    public static final String NOT_ELIGIBLE = "not-eligible";

    private final Aggregate<BonusBudget> funder;
    private final long bonusMinor;
    private final String reason;

    private BonusFunding(Aggregate<BonusBudget> funder, long bonusMinor, String reason) {
        this.funder = funder;
        this.bonusMinor = bonusMinor;
        this.reason = reason;
    }

    /**
     * Decides for a participant of {@code kind} holding {@code account}, loading the currency's
     * budgets active {@code at}, oldest first and no further than the one that funds it (none when
     * the participant is not eligible).
     */
    public static BonusFunding of(Repository<BonusBudget> budgets, Currency currency, ParticipantKind kind,
                                  AccountId account, long wantedMinor, Instant at) {
        boolean eligible = BonusPolicy.eligible(currency.bonusEligibleKinds(), kind);
        List<BudgetId> activeBudgets = wantedMinor > 0 && eligible ? currency.budgetsActiveAt(at) : List.of();
        List<Aggregate<BonusBudget>> loaded = new ArrayList<>();
        Iterator<BudgetId> ids = activeBudgets.iterator();
        Iterator<BonusPolicy.Offer> offers = new Iterator<>() {
            public boolean hasNext() {
                return ids.hasNext();
            }

            public BonusPolicy.Offer next() {
                Aggregate<BonusBudget> budget = budgets.load(ids.next().value());
                loaded.add(budget);
                return new BonusPolicy.Offer(loaded.size() - 1, budget.invoke(b -> b.availableFor(account, at)),
                        budget.invoke(BonusBudget::remainingMinor));
            }
        };
        BonusPolicy.Decision decision = BonusPolicy.decide(wantedMinor, eligible, offers);
        return new BonusFunding(decision.funder() < 0 ? null : loaded.get(decision.funder()), decision.bonusMinor(),
                decision.reason());
    }

    public long bonusMinor() {
        return bonusMinor;
    }

    /** The budget that funds the bonus (null: none), noted by the counter for a cancellation. */
    public BudgetId budgetId() {
        return funder == null ? null : funder.invoke(BonusBudget::id);
    }

    /** Why the bonus is below the ratio's (null when it is not). */
    public String reason() {
        return reason;
    }

    /** Draws the bonus on its budget; nothing when no budget funds it. */
    public void draw(ConversionId conversionId, AccountId account, Instant at) {
        if (funder != null) {
            funder.execute(b -> b.draw(conversionId, account, bonusMinor, at));
        }
    }
}
