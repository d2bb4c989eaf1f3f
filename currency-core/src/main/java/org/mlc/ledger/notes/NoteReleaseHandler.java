package org.mlc.ledger.notes;

import java.util.SortedMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * Releases the units of a closed series' notes that never came back to the association's
 * projects fund, in one unit of work over the series, its counters (what they hold is not in
 * circulation) and the fund's account: the series stops counting them, the account receives them
 * from paper in circulation. The supply is unchanged; the notes, if they ever surface, are refused.
 */
class NoteReleaseHandler {

    private final Repository<NoteSeries> series;
    private final Repository<ExchangeCounter> counters;
    private final Repository<Account> accounts;

    NoteReleaseHandler(Repository<NoteSeries> series, Repository<ExchangeCounter> counters,
                       Repository<Account> accounts) {
        this.series = series;
        this.counters = counters;
        this.accounts = accounts;
    }

    @CommandHandler
    public NotesRelease handle(ReleaseNeverReturnedNotes command) {
        Aggregate<NoteSeries> lot = Aggregates.loadOr(series, command.seriesId().value(),
                DomainException.notFound("unknown.note-series", "unknown note series {0}", command.seriesId()));
        SortedMap<Integer, Integer> circulation = SeriesCounters.load(lot, counters, null).inCirculation();
        Aggregate<Account> fund = Aggregates.loadOr(accounts, command.beneficiary().value(),
                DomainException.notFound("unknown.account", "unknown account {0}", command.beneficiary())
                        .naming("beneficiary"));
        if (!fund.invoke(Account::currency).equals(lot.invoke(NoteSeries::currency))
                || fund.invoke(Account::ownerKind) != ParticipantKind.ASSOCIATION) {
            throw DomainException.refused("not-an-association", "notes.release-beneficiary",
                    "the units of series {0} go to an association of its currency, not to account {1}",
                    lot.invoke(NoteSeries::series), command.beneficiary()).naming("beneficiary");
        }
        long unitsMinor = lot.invoke(s -> s.release(command.seriesId(), command.beneficiary(), command.on(),
                circulation, command.by(), command.at()));
        if (unitsMinor > 0) {
            fund.execute(a -> a.receiveReleasedNotes(command.seriesId(), command.on(), unitsMinor, command.at()));
        }
        return new NotesRelease(command.seriesId().value(), command.beneficiary().value(), command.on(),
                circulation, unitsMinor);
    }
}
