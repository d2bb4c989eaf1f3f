package org.mlc.ledger.counter;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.money.Money;

/** Paper notes by denomination (in whole units): which exist, their value, and making up a sum. */
public final class Notes {

    /** The denominations printed, in units. */
    public static final Set<Integer> DENOMINATIONS = Set.of(1, 2, 5, 10, 20, 50);
    /** More notes than this in one operation is a typo. */
    public static final int MAX_NOTES_PER_OPERATION = 100_000;
    /** Search effort for making up a sum from a stock; far above what six denominations need. */
    private static final int MAX_SEARCH_STEPS = 100_000;

    private Notes() {
    }

    /** Checks denominations and counts, and drops zero counts; refuses an empty set of notes. */
    public static SortedMap<Integer, Integer> validate(Map<Integer, Integer> notes) {
        if (notes == null || notes.isEmpty()) {
            throw DomainException.invalid("notes.required", "notes are required, e.g. {\"10\": 5}");
        }
        SortedMap<Integer, Integer> valid = new TreeMap<>();
        long total = 0;
        for (Map.Entry<Integer, Integer> entry : notes.entrySet()) {
            if (entry.getKey() == null || !DENOMINATIONS.contains(entry.getKey())) {
                throw DomainException.invalid("notes.unknown-denomination",
                        "notes: there is no note of {0}; denominations are {1}", entry.getKey(),
                        new java.util.TreeSet<>(DENOMINATIONS).toString());
            }
            if (entry.getValue() == null || entry.getValue() < 0) {
                throw DomainException.invalid("notes.count-negative", "notes: the count of {0} must not be negative",
                        entry.getKey());
            }
            total += entry.getValue();
            if (entry.getValue() > 0) {
                valid.put(entry.getKey(), entry.getValue());
            }
        }
        if (valid.isEmpty() || total > MAX_NOTES_PER_OPERATION) {
            throw DomainException.invalid("notes.count-out-of-range", "notes: between 1 and {0} notes",
                    MAX_NOTES_PER_OPERATION);
        }
        return valid;
    }

    public static long valueMinor(Map<Integer, Integer> notes) {
        long total = 0;
        for (Map.Entry<Integer, Integer> entry : notes.entrySet()) {
            total = Math.addExact(total, Math.multiplyExact((long) entry.getKey() * Money.MINOR_PER_MAJOR,
                    entry.getValue()));
        }
        return total;
    }

    /** Notes from the stock worth exactly {@code amountMinor}, fewest large notes first; null if impossible. */
    public static SortedMap<Integer, Integer> makeUp(long amountMinor, Map<Integer, Integer> stock) {
        if (amountMinor <= 0 || amountMinor % Money.MINOR_PER_MAJOR != 0) {
            return null;
        }
        Integer[] denominations = stock.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .sorted((a, b) -> b - a).toArray(Integer[]::new);
        SortedMap<Integer, Integer> chosen = new TreeMap<>();
        int[] steps = {0};
        return search(amountMinor / Money.MINOR_PER_MAJOR, 0, denominations, stock, chosen, new HashSet<>(), steps)
                ? chosen : null;
    }

    private static boolean search(long remaining, int index, Integer[] denominations, Map<Integer, Integer> stock,
                                  SortedMap<Integer, Integer> chosen, Set<String> dead, int[] steps) {
        if (remaining == 0) {
            return true;
        }
        if (index == denominations.length || ++steps[0] > MAX_SEARCH_STEPS || !dead.add(index + ":" + remaining)) {
            return false;
        }
        int denomination = denominations[index];
        long most = Math.min(stock.get(denomination), remaining / denomination);
        for (long count = most; count >= 0; count--) {
            if (count > 0) {
                chosen.put(denomination, (int) count);
            } else {
                chosen.remove(denomination);
            }
            if (search(remaining - count * denomination, index + 1, denominations, stock, chosen, dead, steps)) {
                return true;
            }
        }
        chosen.remove(denomination);
        return false;
    }
}
