package org.mlc.ledger.demurrage;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DemurrageRunId;
import org.mlc.ledger.currency.Demurrage;
import org.mlc.ledger.money.Ratio;

/**
 * The fonte of one currency for one due date, id {@code <currency>-<dueOn>}: started once with the
 * policy of that moment, then each account charged by its own command (the account remembers the
 * runs it gave to), then completed. A run started again is found, not restarted; once completed it
 * charges no one more.
 */
@AggregateRoot
public class DemurrageRun {

    @AggregateIdentifier
    private DemurrageRunId id;
    private CurrencyCode currency;
    private LocalDate dueOn;
    private LocalDate periodFrom;
    private Demurrage policy;
    private boolean completed;
    private int accountsCharged;
    private long totalMinor;

    protected DemurrageRun() {
        // for Axon
    }

    DemurrageRun(DemurrageRunId id, CurrencyCode currency, LocalDate dueOn, Demurrage policy, Instant at) {
        apply(new DemurrageRunStarted(id, currency, dueOn, policy.periodStart(dueOn), policy.rate().numerator(),
                policy.rate().denominator(), policy.periodMonths(), policy.firstDueOn(), policy.thresholdMinor(),
                policy.kinds(), policy.beneficiary(), policy.beneficiaryAccount(), policy.includeEarmarked(), at));
    }

    void complete(int accounts, long total, Instant at) {
        if (!completed) {
            apply(new DemurrageRunCompleted(id, currency, dueOn, accounts, total, at));
        }
    }

    @EventSourcingHandler
    void on(DemurrageRunStarted event) {
        id = event.runId();
        currency = event.currency();
        dueOn = event.dueOn();
        periodFrom = event.periodFrom();
        policy = new Demurrage(new Ratio(event.rateNumerator(), event.rateDenominator()), event.periodMonths(),
                event.firstDueOn(), event.thresholdMinor(), event.kinds(), event.beneficiary(),
                event.beneficiaryAccount(), event.includeEarmarked());
    }

    @EventSourcingHandler
    void on(DemurrageRunCompleted event) {
        completed = true;
        accountsCharged = event.accountsCharged();
        totalMinor = event.totalMinor();
    }

    DemurrageRunState state(boolean startedBefore) {
        return new DemurrageRunState(id, currency, dueOn, periodFrom, policy.beneficiaryAccount(), completed,
                accountsCharged, totalMinor, startedBefore);
    }

    public DemurrageRunId id() {
        return id;
    }

    public CurrencyCode currency() {
        return currency;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public LocalDate periodFrom() {
        return periodFrom;
    }

    /** The policy as it stood when the run started. */
    public Demurrage policy() {
        return policy;
    }

    public boolean completed() {
        return completed;
    }
}
