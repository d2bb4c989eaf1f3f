package org.mlc.ledger.reconversion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CoveringId;
import org.mlc.ledger.counter.CoverShortfall;
import org.mlc.ledger.counter.ExchangeCounter;

/**
 * The association covers a counter's shortfall: the counter records the covering with its postings
 * (counter discrepancy to guarantee fund) and the fund records the inflow, in one unit of work, so
 * the fund's own figures count those euros as it counts a remittance's.
 */
class ShortfallCoveringHandler {

    private final Repository<ExchangeCounter> counters;
    private final Repository<GuaranteeFund> funds;

    ShortfallCoveringHandler(Repository<ExchangeCounter> counters, Repository<GuaranteeFund> funds) {
        this.counters = counters;
        this.funds = funds;
    }

    @CommandHandler
    public CoveringId handle(CoverShortfall command) throws Exception {
        Aggregate<ExchangeCounter> counter = Aggregates.load(counters, command.counterId().value(), "counter");
        counter.execute(c -> c.coverShortfall(command));
        GuaranteeFund.recordInflow(funds, counter.invoke(ExchangeCounter::currency), InflowSource.SHORTFALL_COVERING,
                command.coveringId().value(), command.eurosMinor(), command.at());
        return command.coveringId();
    }
}
