package org.mlc.ledger.counter;

import java.util.EnumMap;
import java.util.Map;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.money.Amounts;

/** What a counter's drawer should hold, per means of payment (cash, card slips, cheques). */
final class Drawer {

    private final Map<PaidBy, Long> expected = new EnumMap<>(PaidBy.class);

    /** What the closing found, per means: what was expected, what was counted, the difference. */
    record Count(Map<PaidBy, Long> expected, Map<PaidBy, Long> counted, Map<PaidBy, Long> discrepancy,
                 long totalMinor) {

        boolean differs() {
            return totalMinor != 0 || discrepancy.values().stream().anyMatch(d -> d != 0);
        }
    }

    void add(PaidBy means, long eurosMinor) {
        expected.merge(means, eurosMinor, Math::addExact);
    }

    long expectedMinor(PaidBy means) {
        return expected.getOrDefault(means, 0L);
    }

    long expectedMinor() {
        return expected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Compares what the agent counted (a means left out counts as expected) with what is expected. */
    Count count(Map<PaidBy, Long> countedMinor) {
        Map<PaidBy, Long> expectedByMeans = new EnumMap<>(PaidBy.class);
        Map<PaidBy, Long> counted = new EnumMap<>(PaidBy.class);
        Map<PaidBy, Long> discrepancy = new EnumMap<>(PaidBy.class);
        Map<PaidBy, Long> given = countedMinor == null ? Map.of() : countedMinor;
        long total = 0;
        for (PaidBy means : PaidBy.values()) {
            long expectedMinor = expectedMinor(means);
            Long countedOne = given.get(means);
            if (countedOne != null && (countedOne < 0 || countedOne > Amounts.MAX_AMOUNT_MINOR)) {
                throw DomainException.invalid("counted " + means + " must be between 0 and "
                        + Amounts.format(Amounts.MAX_AMOUNT_MINOR));
            }
            long actual = countedOne == null ? expectedMinor : countedOne;
            expectedByMeans.put(means, expectedMinor);
            counted.put(means, actual);
            discrepancy.put(means, actual - expectedMinor);
            total += actual - expectedMinor;
        }
        return new Count(expectedByMeans, counted, discrepancy, total);
    }

    /** Refuses to take out more than the drawer holds in that means. */
    void requireHolds(CounterId counter, PaidBy means, long eurosMinor) {
        long inDrawer = expectedMinor(means);
        if (eurosMinor > inDrawer) {
            throw DomainException.refused("insufficient-cash", "the drawer of counter " + counter + " holds "
                    + Amounts.format(inDrawer) + " in " + means + ", less than " + Amounts.format(eurosMinor));
        }
    }
}
