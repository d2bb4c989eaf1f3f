package org.mlc.ledger.ledger;

/** The kinds of account in the two books; see docs/ledger.md for what each holds. */
public enum LedgerAccountKind {
    /** MLC: a participant's account (member, merchant, collectivité, CCAS...). Id = AccountId. */
    PARTICIPANT(Book.MLC, true),
    /** MLC: contra account of issuance; minus the units ever issued and not burnt. */
    ISSUANCE(Book.MLC, false),
    /** MLC: units that left a payer and have not yet reached their payee. */
    IN_TRANSIT(Book.MLC, false),
    /** MLC: paper notes held by the public. */
    PAPER_IN_CIRCULATION(Book.MLC, false),
    /** MLC: fees kept by the issuer in units (reconversion fees, membership fees paid in units). */
    FEES(Book.MLC, false),
    /**
     * MLC: units of a CCAS aid programme not granted yet (or come back at expiry). Issued against
     * the programme's euros in the guarantee fund, so they circulate and are backed like any other.
     * Id = aid programme id.
     */
    AID_PROGRAM(Book.MLC, true),
    /** EUR: cash and payments received at one counter, not yet remitted. Id = CounterId. */
    COUNTER_CASH(Book.EUR, true),
    /** EUR: the guarantee fund's bank account. */
    GUARANTEE_FUND(Book.EUR, false),
    /**
     * EUR: sponsor money committed and not yet paid in. Id = sponsor budget id. Only its part for
     * bonus already drawn backs units (a receivable); the rest is a promise ({@link Coverage}).
     */
    SPONSOR_COMMITTED(Book.EUR, true),
    /**
     * EUR: drawer shortfalls (positive) and surpluses (negative) found at closings. A shortfall is
     * money missing: never backing ({@link Coverage}) until the association covers it.
     */
    COUNTER_DISCREPANCY(Book.EUR, false),
    /**
     * EUR: euros of reconversions taken out of the guarantee fund and owed to the merchants until
     * the bank shows the transfer (then they go to the outside world). Not backing.
     */
    PAYOUTS_DUE(Book.EUR, false),
    /**
     * EUR: membership fees received in euros (negative: what the association earned). The euros
     * sit in a counter's cash, then in the fund once remitted, but they are the association's own
     * money, not backing: the backing invariant counts this account against them.
     */
    MEMBERSHIP_FEES(Book.EUR, false),
    /** EUR: the outside world, counterpart of euros entering or leaving the association. */
    OUTSIDE(Book.EUR, false);

    private final Book book;
    private final boolean identified;

    LedgerAccountKind(Book book, boolean identified) {
        this.book = book;
        this.identified = identified;
    }

    public Book book() {
        return book;
    }

    /** Whether there is one such account per participant/counter/budget (true) or one per currency. */
    public boolean identified() {
        return identified;
    }
}
