package org.mlc.ledger.notes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.counter.ExchangeCounter;

/**
 * The counters that keep notes of a series (and the one an operation happens at), loaded in the
 * order of their ids so that two operations on one series never wait on each other: what a
 * series' notes in circulation are counted against.
 */
final class SeriesCounters {

    private final SortedMap<String, Aggregate<ExchangeCounter>> loaded = new TreeMap<>();
    private final Aggregate<NoteSeries> lot;

    private SeriesCounters(Aggregate<NoteSeries> lot) {
        this.lot = lot;
    }

    /** Loads the series' counters and {@code also} (may be null), by id. */
    static SeriesCounters load(Aggregate<NoteSeries> lot, Repository<ExchangeCounter> counters, CounterId also) {
        SeriesCounters answer = new SeriesCounters(lot);
        List<String> ids = new ArrayList<>(lot.invoke(NoteSeries::counters).stream().map(CounterId::value).toList());
        if (also != null) {
            ids.add(also.value());
        }
        ids.stream().distinct().sorted().forEach(id -> answer.loaded.put(id, Aggregates.load(counters, id, "counter")));
        return answer;
    }

    Aggregate<ExchangeCounter> counter(CounterId id) {
        return loaded.get(id.value());
    }

    /** The series' stock at each counter that keeps it. */
    Collection<Map<Integer, Integer>> stocks() {
        var seriesId = lot.invoke(NoteSeries::id);
        List<Map<Integer, Integer>> stocks = new ArrayList<>();
        loaded.values().forEach(counter -> stocks.add(counter.invoke(c -> c.stockOf(seriesId))));
        return stocks;
    }

    /** Notes of the series in circulation now, by denomination. */
    SortedMap<Integer, Integer> inCirculation() {
        Collection<Map<Integer, Integer>> stocks = stocks();
        return lot.invoke(s -> s.inCirculation(stocks));
    }

    /**
     * Before notes of the series are brought back at {@code at}: the counter keeps the series apart
     * (its name, last day and printing time from the series) and the series counts that counter.
     */
    void keepAt(CounterId counterId, java.time.Instant at) {
        NoteSeries series = lot.invoke(s -> s);
        loaded.get(counterId.value()).execute(c -> c.keepSeries(series.id(), series.series(), series.validUntil(),
                series.printedAt(), at));
        lot.execute(s -> s.keptAt(counterId, at));
    }
}
