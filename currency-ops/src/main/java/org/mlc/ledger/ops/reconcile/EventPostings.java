package org.mlc.ledger.ops.reconcile;

import java.util.Arrays;

/**
 * What the fold needs of one event, read from its payload by {@link PayloadReader}: its postings in
 * order (ledger account code and signed amount in minor units) and its transfer id, "" when it has none.
 */
public final class EventPostings {

    /** An event whose payload has no postings (absent or null): counted, nothing folded. */
    public static final EventPostings NONE = new EventPostings(new String[0], new long[0], 0, "", false);

    private final String[] accounts;
    private final long[] amountsMinor;
    private final int size;
    private final String transferId;
    private final boolean hasPostings;

    private EventPostings(String[] accounts, long[] amountsMinor, int size, String transferId, boolean hasPostings) {
        this.accounts = accounts;
        this.amountsMinor = amountsMinor;
        this.size = size;
        this.transferId = transferId;
        this.hasPostings = hasPostings;
    }

    /** Postings read line by line, then frozen by {@link #build}. */
    static final class Builder {
        private String[] accounts = new String[4];
        private long[] amountsMinor = new long[4];
        private int size;

        void add(String account, long amountMinor) {
            if (size == accounts.length) {
                accounts = Arrays.copyOf(accounts, 2 * size);
                amountsMinor = Arrays.copyOf(amountsMinor, 2 * size);
            }
            accounts[size] = account;
            amountsMinor[size] = amountMinor;
            size++;
        }

        EventPostings build(String transferId) {
            return new EventPostings(accounts, amountsMinor, size, transferId, true);
        }
    }

    /** False for an event without postings; an empty array of postings is still postings (none to fold). */
    public boolean hasPostings() {
        return hasPostings;
    }

    public int size() {
        return size;
    }

    public String account(int line) {
        return accounts[line];
    }

    public long amountMinor(int line) {
        return amountsMinor[line];
    }

    public String transferId() {
        return transferId;
    }
}
