package org.mlc.ledger.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.NoteSeriesId;

/**
 * The counter's notes by printed series, a part of {@link ExchangeCounter}. The counter's total
 * stock stays where it always was (its stored events keep their meaning); the notes of no series
 * are the total less every series' notes, and they go first, then the series from the oldest
 * printed: so the paper printed first leaves first. A series past its last day is not sold.
 */
final class SeriesStock {

    record Lot(NoteSeriesId seriesId, String series, LocalDate validUntil, Instant printedAt,
               SortedMap<Integer, Integer> notes) {

        boolean validOn(LocalDate day) {
            return validUntil == null || !day.isAfter(validUntil);
        }
    }

    private static final Comparator<Lot> OLDEST_FIRST = Comparator.comparing(Lot::printedAt)
            .thenComparing(Lot::series);

    private final Map<NoteSeriesId, Lot> lots = new HashMap<>();

    void received(SeriesNotesReceived event) {
        Lot lot = lots.computeIfAbsent(event.seriesId(), id -> new Lot(id, event.series(), event.validUntil(),
                event.printedAt(), new TreeMap<>()));
        add(lot.notes(), event.notes(), 1);
    }

    void opened(SeriesLotOpened event) {
        lots.putIfAbsent(event.seriesId(), new Lot(event.seriesId(), event.series(), event.validUntil(),
                event.printedAt(), new TreeMap<>()));
    }

    boolean keeps(NoteSeriesId seriesId) {
        return lots.containsKey(seriesId);
    }

    void add(NoteSeriesId seriesId, Map<Integer, Integer> notes, int sign) {
        Lot lot = lots.get(seriesId);
        if (lot != null) {
            add(lot.notes(), notes, sign);
        }
    }

    /** The counter's notes of a series, by denomination (empty if none). */
    SortedMap<Integer, Integer> of(NoteSeriesId seriesId) {
        Lot lot = lots.get(seriesId);
        return lot == null ? new TreeMap<>() : new TreeMap<>(lot.notes());
    }

    /** Refuses unless the counter holds these notes of the series. */
    void requireHolds(CounterId counter, NoteSeriesId seriesId, Map<Integer, Integer> notes) {
        SortedMap<Integer, Integer> held = of(seriesId);
        notes.forEach((denomination, count) -> {
            if (held.getOrDefault(denomination, 0) < count) {
                throw DomainException.refused("notes-unavailable", "counter.series-short",
                        "counter {0} holds {1} notes of {2} of series {3}, not {4}", counter,
                        held.getOrDefault(denomination, 0), denomination, seriesId, count).naming("notes");
            }
        });
    }

    /** What can be sold on {@code day}: the notes of no series and those of every valid series. */
    SortedMap<Integer, Integer> sellable(Map<Integer, Integer> total, LocalDate day) {
        SortedMap<Integer, Integer> sellable = seriesless(total);
        lots.values().stream().filter(lot -> lot.validOn(day)).forEach(lot -> add(sellable, lot.notes(), 1));
        return sellable;
    }

    /**
     * Which stock the chosen notes come from: those of no series first, then the valid series from
     * the oldest; the first element (series null) is omitted when no note of no series is taken.
     */
    List<SeriesNotes> allocate(Map<Integer, Integer> chosen, Map<Integer, Integer> total, LocalDate day) {
        List<Lot> order = new ArrayList<>();
        order.add(new Lot(null, "", null, Instant.MIN, seriesless(total)));
        lots.values().stream().filter(lot -> lot.validOn(day)).sorted(OLDEST_FIRST).forEach(order::add);
        List<SeriesNotes> taken = new ArrayList<>();
        SortedMap<Integer, Integer> remaining = new TreeMap<>(chosen);
        for (Lot lot : order) {
            SortedMap<Integer, Integer> fromLot = new TreeMap<>();
            remaining.forEach((denomination, count) -> {
                int take = Math.min(count, lot.notes().getOrDefault(denomination, 0));
                if (take > 0) {
                    fromLot.put(denomination, take);
                }
            });
            fromLot.forEach((denomination, take) -> remaining.merge(denomination, -take,
                    (a, b) -> a + b == 0 ? null : a + b));
            if (!fromLot.isEmpty()) {
                taken.add(new SeriesNotes(lot.seriesId(), fromLot));
            }
        }
        if (!remaining.isEmpty()) {
            throw new IllegalStateException("notes chosen beyond the sellable stock: " + remaining);
        }
        return taken;
    }

    private SortedMap<Integer, Integer> seriesless(Map<Integer, Integer> total) {
        SortedMap<Integer, Integer> rest = new TreeMap<>(total);
        lots.values().forEach(lot -> add(rest, lot.notes(), -1));
        return rest;
    }

    private static void add(Map<Integer, Integer> into, Map<Integer, Integer> notes, int sign) {
        notes.forEach((denomination, count) -> into.merge(denomination, sign * count,
                (a, b) -> a + b == 0 ? null : Math.addExact(a, b)));
    }
}
