package org.mlc.ledger.counter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.Money;

/** What a counter's drawer should hold, per means of payment (cash, card slips, cheques). */
final class Drawer {

    private final Map<PaidBy, Long> expected = new EnumMap<>(PaidBy.class);
    /** The means that moved since the last closing: each needs its count at the next one. */
    private final Set<PaidBy> moved = EnumSet.noneOf(PaidBy.class);

    /** What the closing found, per means: what was expected, what was counted, the difference. */
    record Count(Map<PaidBy, Long> expected, Map<PaidBy, Long> counted, Map<PaidBy, Long> discrepancy,
                 long totalMinor) {

        boolean differs() {
            return totalMinor != 0 || discrepancy.values().stream().anyMatch(d -> d != 0);
        }
    }

    /** Euros in or out of the drawer by an operation of the day (the means then needs its count). */
    void add(PaidBy means, long eurosMinor) {
        expected.merge(means, eurosMinor, Math::addExact);
        moved.add(means);
    }

    /** The drawer set to what was counted (a closing's discrepancy, a recount): not a movement of the day. */
    void adjust(PaidBy means, long eurosMinor) {
        expected.merge(means, eurosMinor, Math::addExact);
    }

    void dayClosed() {
        moved.clear();
    }

    /** The request field that carries the count of a means: countedCash, countedCard, countedCheque. */
    static String field(PaidBy means) {
        String name = means.name();
        return "counted" + name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Refuses a count out of range, naming its field. */
    static void checkCount(PaidBy means, Long countedMinor) {
        if (countedMinor != null && (countedMinor < 0 || countedMinor > Amounts.MAX_AMOUNT_MINOR)) {
            throw DomainException.invalid("closing.count-out-of-range", "{0} must be between 0 and {1}", field(means),
                    Money.of(Amounts.MAX_AMOUNT_MINOR, "EUR")).naming(field(means));
        }
    }

    long expectedMinor(PaidBy means) {
        return expected.getOrDefault(means, 0L);
    }

    long expectedMinor() {
        return expected.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Compares what the agent counted with what is expected. Each means that moved since the last
     * closing must be counted (a blank is not "as expected": it is refused, naming its field); a
     * means that did not move may be left out and is taken as holding what it held.
     */
    Count count(Map<PaidBy, Long> countedMinor) {
        Map<PaidBy, Long> expectedByMeans = new EnumMap<>(PaidBy.class);
        Map<PaidBy, Long> counted = new EnumMap<>(PaidBy.class);
        Map<PaidBy, Long> discrepancy = new EnumMap<>(PaidBy.class);
        Map<PaidBy, Long> given = countedMinor == null ? Map.of() : countedMinor;
        List<PaidBy> missing = new ArrayList<>();
        long total = 0;
        for (PaidBy means : PaidBy.values()) {
            long expectedMinor = expectedMinor(means);
            Long countedOne = given.get(means);
            checkCount(means, countedOne);
            if (countedOne == null && moved.contains(means)) {
                missing.add(means);
                continue;
            }
            long actual = countedOne == null ? expectedMinor : countedOne;
            expectedByMeans.put(means, expectedMinor);
            counted.put(means, actual);
            discrepancy.put(means, actual - expectedMinor);
            total += actual - expectedMinor;
        }
        if (!missing.isEmpty()) {
            throw DomainException.invalid("closing.count-missing",
                    "{0} must be counted: euros moved in these means of payment since the last closing",
                    String.join(", ", missing.stream().map(Drawer::field).toList()))
                    .naming(field(missing.get(0)));
        }
        return new Count(expectedByMeans, counted, discrepancy, total);
    }

    /** Refuses to take out more than the drawer holds in that means. */
    void requireHolds(CounterId counter, PaidBy means, long eurosMinor) {
        long inDrawer = expectedMinor(means);
        if (eurosMinor > inDrawer) {
            throw DomainException.refused("insufficient-cash", "counter.insufficient-cash",
                    "the drawer of counter {0} holds {1} in {2}, less than {3}", counter, Money.of(inDrawer, "EUR"),
                    means, Money.of(eurosMinor, "EUR"));
        }
    }
}
