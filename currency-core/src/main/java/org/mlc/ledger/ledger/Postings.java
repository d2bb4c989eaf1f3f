package org.mlc.ledger.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The balanced postings carried by every event that moves value: in each book they sum to zero.
 * Built only through {@link #builder()} or checked on deserialization, so an unbalanced entry
 * cannot exist.
 */
public record Postings(List<Posting> lines) {

    public Postings {
        lines = List.copyOf(lines);
        Map<Book, Long> sums = new EnumMap<>(Book.class);
        for (Posting line : lines) {
            sums.merge(line.account().book(), line.amountMinor(), Math::addExact);
        }
        for (Map.Entry<Book, Long> sum : sums.entrySet()) {
            if (sum.getValue() != 0) {
                throw new IllegalArgumentException("postings of book " + sum.getKey() + " sum to " + sum.getValue());
            }
        }
    }

    @JsonCreator
    public static Postings of(List<Posting> lines) {
        return new Postings(lines);
    }

    @JsonValue
    @Override
    public List<Posting> lines() {
        return lines;
    }

    public static Postings none() {
        return new Postings(List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The net amount these postings put on one account (0 if it is not touched). */
    public long netOf(LedgerAccount account) {
        long net = 0;
        for (Posting line : lines) {
            if (line.account().equals(account)) {
                net = Math.addExact(net, line.amountMinor());
            }
        }
        return net;
    }

    public static final class Builder {
        private final List<Posting> lines = new ArrayList<>();

        /** Moves {@code amountMinor} from one account to another of the same book. */
        public Builder move(LedgerAccount from, LedgerAccount to, long amountMinor) {
            if (from.book() != to.book()) {
                throw new IllegalArgumentException("a move stays within one book: " + from + " -> " + to);
            }
            if (amountMinor != 0) {
                lines.add(new Posting(from, Math.negateExact(amountMinor)));
                lines.add(new Posting(to, amountMinor));
            }
            return this;
        }

        public Postings build() {
            return new Postings(lines);
        }
    }
}
