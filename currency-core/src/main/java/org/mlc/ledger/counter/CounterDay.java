package org.mlc.ledger.counter;

import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What happened at a counter since its last closing, for the Z report. The counter hands it its
 * events, except a cancellation, which this part (an aggregate member) follows itself: the report
 * is net of cancelled conversions.
 */
final class CounterDay {

    private final Map<PaidBy, Long> conversions = new EnumMap<>(PaidBy.class);
    private final Map<PaidBy, Long> euros = new EnumMap<>(PaidBy.class);
    private long unitsElectronicMinor;
    private long unitsPaperMinor;
    private long bonusMinor;
    private final SortedMap<Integer, Integer> notesReceived = new TreeMap<>();
    private final SortedMap<Integer, Integer> notesSold = new TreeMap<>();
    private final SortedMap<Integer, Integer> notesTakenBack = new TreeMap<>();

    void converted(EurosConverted event) {
        conversions.merge(event.paidBy(), 1L, Math::addExact);
        euros.merge(event.paidBy(), event.eurosMinor(), Math::addExact);
        bonusMinor += event.bonusMinor();
        if (event.payout() == Payout.NOTES) {
            unitsPaperMinor += event.unitsMinor();
        } else {
            unitsElectronicMinor += event.unitsMinor();
        }
    }

    @EventSourcingHandler
    void on(ConversionCancelled event) {
        conversions.merge(event.paidBy(), -1L, Math::addExact);
        euros.merge(event.paidBy(), -event.eurosMinor(), Math::addExact);
        bonusMinor -= event.bonusMinor();
        if (event.payout() == Payout.NOTES) {
            unitsPaperMinor -= event.unitsMinor();
            event.notes().forEach((d, n) -> notesSold.merge(d, -n, (a, b) -> a + b == 0 ? null : a + b));
        } else {
            unitsElectronicMinor -= event.unitsMinor();
        }
    }

    void notesReceived(Map<Integer, Integer> notes) {
        notes.forEach((d, n) -> notesReceived.merge(d, n, Math::addExact));
    }

    void notesSold(Map<Integer, Integer> notes) {
        notes.forEach((d, n) -> notesSold.merge(d, n, Math::addExact));
    }

    void notesTakenBack(Map<Integer, Integer> notes) {
        notes.forEach((d, n) -> notesTakenBack.merge(d, n, Math::addExact));
    }

    /** The Z report of the day with the drawer's count. */
    DayReport report(Drawer.Count count) {
        return new DayReport(new EnumMap<>(conversions), new EnumMap<>(euros), unitsElectronicMinor, unitsPaperMinor,
                bonusMinor, new TreeMap<>(notesReceived), new TreeMap<>(notesSold), new TreeMap<>(notesTakenBack),
                count.expected(), count.counted(), count.discrepancy(), count.totalMinor());
    }
}
