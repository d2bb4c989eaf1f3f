package org.mlc.ledger.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * An account of one of the two books of one currency, written compactly in events as
 * {@code BOOK:CURRENCY:KIND[:ID]}, e.g. {@code MLC:BOUSOL:PARTICIPANT:4f1c...}.
 */
public record LedgerAccount(String currency, LedgerAccountKind kind, String id) {

    public LedgerAccount {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(kind, "kind");
        if (kind.identified() == (id == null)) {
            throw new IllegalArgumentException(kind + (kind.identified() ? " needs an id" : " takes no id"));
        }
    }

    public static LedgerAccount of(String currency, LedgerAccountKind kind) {
        return new LedgerAccount(currency, kind, null);
    }

    public static LedgerAccount of(String currency, LedgerAccountKind kind, String id) {
        return new LedgerAccount(currency, kind, id);
    }

    public Book book() {
        return kind.book();
    }

    @JsonValue
    public String code() {
        return book() + ":" + currency + ":" + kind + (id == null ? "" : ":" + id);
    }

    @JsonCreator
    public static LedgerAccount parse(String code) {
        String[] parts = code.split(":", 4);
        if (parts.length < 3) {
            throw new IllegalArgumentException("not a ledger account: " + code);
        }
        LedgerAccount account = new LedgerAccount(parts[1], LedgerAccountKind.valueOf(parts[2]),
                parts.length == 4 ? parts[3] : null);
        if (account.book() != Book.valueOf(parts[0])) {
            throw new IllegalArgumentException("book mismatch in " + code);
        }
        return account;
    }

    @Override
    public String toString() {
        return code();
    }
}
