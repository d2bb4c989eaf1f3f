package org.mlc.ledger.notes;

import java.util.List;
import java.util.function.Function;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.currency.Currency;

/** The notes package's command handlers that load several aggregates, for the ledger's model. */
public final class NotesHandlers {

    public static final List<Function<Repositories, Object>> ALL = List.of(
            r -> new NoteSeriesHandler(r.of(NoteSeries.class), r.of(ExchangeCounter.class), r.of(Currency.class)),
            r -> new SeriesNotesBackHandler(r.of(NoteSeries.class), r.of(ExchangeCounter.class),
                    r.of(Account.class), r.of(Currency.class)),
            r -> new NoteReleaseHandler(r.of(NoteSeries.class), r.of(ExchangeCounter.class), r.of(Account.class)),
            r -> new NoteRevalidationHandler(r.of(NoteSeries.class), r.of(ExchangeCounter.class),
                    r.of(Currency.class), r.of(Account.class)));

    private NotesHandlers() {
    }
}
