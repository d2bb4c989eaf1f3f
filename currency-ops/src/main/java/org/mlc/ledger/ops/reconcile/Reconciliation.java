package org.mlc.ledger.ops.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mlc.ledger.bonus.BonusBudgetCommitted;
import org.mlc.ledger.bonus.BonusDrawn;
import org.mlc.ledger.bonus.BonusReturned;
import org.mlc.ledger.bonus.SponsorPaymentReceived;
import org.mlc.ledger.bonus.SponsorPaymentReversed;
import org.mlc.ledger.ledger.Coverage;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.ops.reconcile.ReconciliationReport.Check;

/**
 * A fresh fold of the postings of the event store, and the ledger's invariants checked against it.
 * Fed the events in the store's order, then the rows of the projections; it knows nothing of where
 * they come from, so it is tested and reused without a database or Spring.
 */
public final class Reconciliation {

    /** Findings listed per check; the others are only counted, so a table that differs everywhere cannot exhaust memory. */
    public static final int MAX_LISTED_FINDINGS = 1_000;

    /** Lowest balance of a participant account; credit limits are not granted yet. */
    public static final long PARTICIPANT_FLOOR_MINOR = 0;

    /** Decimals of the coverage ratios, rounded down (never flattering), as the API's supply. */
    public static final int COVERAGE_DECIMALS = Coverage.RATIO_DECIMALS;

    /** Events whose payload, not only postings, the fold reads: what sponsors owe for the bonus drawn. */
    static final String BONUS_BUDGET_COMMITTED = BonusBudgetCommitted.class.getName();
    static final String BONUS_DRAWN = BonusDrawn.class.getName();
    /** The bonus of a cancelled conversion, back in its budget: no longer owed by the sponsor. */
    static final String BONUS_RETURNED = BonusReturned.class.getName();
    static final String SPONSOR_PAYMENT_RECEIVED = SponsorPaymentReceived.class.getName();
    /** A sponsor payment matched by mistake and undone: owed again. */
    static final String SPONSOR_PAYMENT_REVERSED = SponsorPaymentReversed.class.getName();

    private final Map<String, FoldedAccount> accounts = new HashMap<>();
    /** Per budget id: its currency, the bonus drawn on it and what its sponsor paid in. */
    private final Map<String, SponsorBudget> budgets = new HashMap<>();
    /** What each transfer still has in transit; a transfer leaves the map when it is drained. */
    private final Map<String, OpenTransfer> openTransfers = new HashMap<>();
    private final Findings unbalancedEvents = new Findings();
    /** Per currency, series and denomination: printed less every place (0 when every note is somewhere). */
    private final Map<String, long[]> noteFigures = new TreeMap<>();
    /** Per currency, the face value of the notes in circulation by the inventory. */
    private final Map<String, Long> paperInInventory = new TreeMap<>();
    private final Findings ledgerBalanceDifferences = new Findings();
    private final Findings accountViewDifferences = new Findings();

    private long eventsRead;
    private long postingsRead;
    private long lastGlobalIndex = -1;
    private long ledgerBalanceRows;
    private long accountViewRows;
    private boolean comparing;

    // The sums of the event being folded, per book, in the order the books first appear; kept from
    // event to event (an event touches one or two books) rather than a map allocated per event.
    private String[] eventBooks = new String[4];
    private long[] eventBookSumsMinor = new long[4];
    private int eventBookCount;
    private String inTransitAccount;
    private long inTransitMinor;

    /**
     * Folds the postings of one event, if it has any; events must come in global index order. The
     * reference reading of a payload: any JSON the store may hold, each line checked as it is folded.
     */
    public void fold(long globalIndex, String payloadType, JsonNode payload) {
        countEvent(globalIndex);
        try {
            foldSponsorFigures(payloadType, payload);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw cannotFold(globalIndex, payloadType, e);
        }
        JsonNode postings = payload.get("postings");
        if (postings == null || postings.isNull()) {
            return;
        }
        try {
            foldPostings(globalIndex, payloadType, payload, postings);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw cannotFold(globalIndex, payloadType, e);
        }
    }

    /**
     * Folds postings already read from a payload by {@link PayloadReader}, which hands over only lines
     * of the plain shape (a text account, a whole amount); anything else is folded from the tree by
     * {@link #fold(long, String, JsonNode)}. Both fold line by line through {@link #post}, so they fail
     * on the same line with the same message.
     */
    public void fold(long globalIndex, String payloadType, EventPostings event) {
        countEvent(globalIndex);
        if (!event.hasPostings()) {
            return;
        }
        try {
            startEvent();
            for (int i = 0; i < event.size(); i++) {
                post(event.account(i), event.amountMinor(i));
            }
            endEvent(globalIndex, payloadType, event.transferId());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw cannotFold(globalIndex, payloadType, e);
        }
    }

    /** Whether the fold needs the whole payload of that type (read as a tree), not only its postings. */
    static boolean readsWholePayload(String payloadType) {
        return BONUS_DRAWN.equals(payloadType) || BONUS_RETURNED.equals(payloadType)
                || SPONSOR_PAYMENT_RECEIVED.equals(payloadType) || SPONSOR_PAYMENT_REVERSED.equals(payloadType)
                || BONUS_BUDGET_COMMITTED.equals(payloadType);
    }

    /**
     * The sponsors' receivable, budget by budget, as the API's bonus_budget_view keeps it: bonus
     * drawn net of the bonus returned by cancellations (BonusDrawn names no currency: the budget's
     * commitment or payment does).
     */
    private void foldSponsorFigures(String payloadType, JsonNode payload) {
        if (!readsWholePayload(payloadType)) {
            return;
        }
        SponsorBudget budget = budgets.computeIfAbsent(text(payload, "budgetId"), id -> new SponsorBudget());
        if (BONUS_DRAWN.equals(payloadType)) {
            budget.drawnMinor = Math.addExact(budget.drawnMinor, whole(payload, "bonusMinor"));
        } else if (BONUS_RETURNED.equals(payloadType)) {
            budget.drawnMinor = Math.subtractExact(budget.drawnMinor, whole(payload, "bonusMinor"));
        } else {
            budget.currency = text(payload, "currency");
            if (SPONSOR_PAYMENT_RECEIVED.equals(payloadType)) {
                budget.paidInMinor = Math.addExact(budget.paidInMinor, whole(payload, "eurosMinor"));
            } else if (SPONSOR_PAYMENT_REVERSED.equals(payloadType)) {
                budget.paidInMinor = Math.subtractExact(budget.paidInMinor, whole(payload, "eurosMinor"));
            }
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a text");
        }
        return value.textValue();
    }

    private static long whole(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a whole number of minor units");
        }
        return value.longValue();
    }

    private void countEvent(long globalIndex) {
        if (comparing) {
            throw new IllegalStateException("all events must be folded before the projections are compared");
        }
        eventsRead++;
        lastGlobalIndex = globalIndex;
    }

    private static ReconciliationException cannotFold(long globalIndex, String payloadType, RuntimeException e) {
        return new ReconciliationException("cannot fold event #" + globalIndex + " (" + payloadType + "): "
                + e.getMessage(), e);
    }

    private void foldPostings(long globalIndex, String payloadType, JsonNode payload, JsonNode postings) {
        if (!postings.isArray()) {
            throw new IllegalArgumentException("\"postings\" is not an array");
        }
        startEvent();
        for (int i = 0; i < postings.size(); i++) {
            JsonNode line = postings.get(i);
            JsonNode code = line.get("account");
            JsonNode amount = line.get("amountMinor");
            if (code == null || !code.isTextual()) {
                throw new IllegalArgumentException("postings[" + i + "].account is not a text");
            }
            if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong()) {
                throw new IllegalArgumentException("postings[" + i + "].amountMinor is not a whole number of minor units");
            }
            post(code.textValue(), amount.longValue());
        }
        endEvent(globalIndex, payloadType, payload.path("transferId").asText(""));
    }

    private void startEvent() {
        eventBookCount = 0;
        inTransitAccount = null;
        inTransitMinor = 0;
    }

    /** One line of the event being folded, on the balance of its account and the sum of its book. */
    private void post(String code, long amountMinor) {
        FoldedAccount account = accounts.computeIfAbsent(code, FoldedAccount::parse);
        account.balanceMinor = Math.addExact(account.balanceMinor, amountMinor);
        int book = 0;
        while (book < eventBookCount && !eventBooks[book].equals(account.book)) {
            book++;
        }
        if (book == eventBookCount) {
            if (book == eventBooks.length) {
                eventBooks = Arrays.copyOf(eventBooks, 2 * book);
                eventBookSumsMinor = Arrays.copyOf(eventBookSumsMinor, 2 * book);
            }
            eventBooks[book] = account.book;
            eventBookSumsMinor[book] = 0;
            eventBookCount++;
        }
        eventBookSumsMinor[book] = Math.addExact(eventBookSumsMinor[book], amountMinor);
        if (account.kind == LedgerAccountKind.IN_TRANSIT) {
            inTransitAccount = account.code;
            inTransitMinor = Math.addExact(inTransitMinor, amountMinor);
        }
        postingsRead++;
    }

    /** The event's books must each sum to zero; what it left in transit stays open under its transfer. */
    private void endEvent(long globalIndex, String payloadType, String transferId) {
        boolean balanced = true;
        for (int book = 0; book < eventBookCount; book++) {
            balanced &= eventBookSumsMinor[book] == 0;
        }
        if (!balanced) {
            // listed by book name, as they always were
            Map<String, Long> sumPerBook = new TreeMap<>();
            for (int book = 0; book < eventBookCount; book++) {
                sumPerBook.put(eventBooks[book], eventBookSumsMinor[book]);
            }
            sumPerBook.forEach((book, sumMinor) -> {
                if (sumMinor != 0) {
                    unbalancedEvents.add("event #" + globalIndex + " (" + simpleName(payloadType) + "): postings of "
                            + book + " sum to " + Amounts.format(sumMinor));
                }
            });
        }
        if (inTransitMinor != 0) {
            String key = transferId.isEmpty() ? "event #" + globalIndex : "transfer " + transferId;
            long sinceGlobalIndex = globalIndex;
            OpenTransfer open = openTransfers.computeIfAbsent(key, k -> new OpenTransfer(sinceGlobalIndex));
            open.account = inTransitAccount;
            open.amountMinor = Math.addExact(open.amountMinor, inTransitMinor);
            if (open.amountMinor == 0) {
                openTransfers.remove(key);
            }
        }
    }

    /** Compares one row of the ledger_balance projection with the fold. */
    public void compareLedgerBalance(String ledgerAccount, long balanceMinor) {
        comparing = true;
        ledgerBalanceRows++;
        FoldedAccount account = accounts.get(ledgerAccount);
        if (account == null) {
            ledgerBalanceDifferences.add(ledgerAccount + ": extra row in ledger_balance (" + Amounts.format(balanceMinor)
                    + "), the event store never posted to it");
            return;
        }
        account.inLedgerBalance = true;
        if (account.balanceMinor != balanceMinor) {
            ledgerBalanceDifferences.add(difference(ledgerAccount, account.balanceMinor, "ledger_balance", balanceMinor));
        }
    }

    /** Compares the balance of one row of the account_view projection with the fold. */
    public void compareAccountView(String accountId, String currency, long balanceMinor) {
        comparing = true;
        accountViewRows++;
        String code = LedgerAccount.of(currency, LedgerAccountKind.PARTICIPANT, accountId).code();
        FoldedAccount account = accounts.get(code);
        // An account opened and never posted to has no postings, and a balance of zero.
        long foldedMinor = account == null ? 0 : account.balanceMinor;
        if (account != null) {
            account.inAccountView = true;
        }
        if (foldedMinor != balanceMinor) {
            accountViewDifferences.add(difference(code, foldedMinor, "account_view", balanceMinor));
        }
    }

    /**
     * One row of the note inventory (currency-api's note_inventory: notes of a series, '' for none,
     * and denomination at a place), for {@link #notes()}.
     */
    public void compareNoteInventory(String currency, String seriesId, int denomination, String place, long notes) {
        comparing = true;
        long[] figures = noteFigures.computeIfAbsent(currency + " series " + (seriesId.isEmpty() ? "(none)" : seriesId)
                + " notes of " + denomination, k -> new long[2]);
        figures[0] = Math.addExact(figures[0], "PRINTED".equals(place) ? notes : -notes);
        if ("CIRCULATION".equals(place)) {
            paperInInventory.merge(currency, Math.multiplyExact(Math.multiplyExact(notes, denomination),
                    org.mlc.ledger.money.Money.MINOR_PER_MAJOR), Math::addExact);
        }
    }

    public ReconciliationReport report() {
        List<Check> checks = List.of(conservation(), backing(), floors(), inTransit(), projections(), notes());
        return new ReconciliationReport(eventsRead, lastGlobalIndex, postingsRead, accounts.size(),
                ledgerBalanceRows, accountViewRows, checks);
    }

    /**
     * Every note printed is somewhere: printed = vault + counters + in circulation + withdrawn + released +
     * destroyed, per series and denomination; and the notes in circulation are, per currency, the
     * ledger's paper in circulation (the fold's, not a projection's).
     */
    private Check notes() {
        Findings findings = new Findings();
        noteFigures.forEach((key, figures) -> {
            if (figures[0] != 0) {
                findings.add(key + ": printed differs from vault + counters + circulation + withdrawn + destroyed + released by "
                        + figures[0]);
            }
        });
        Map<String, Long> paperInLedger = new TreeMap<>();
        for (FoldedAccount account : accounts.values()) {
            if (account.kind == LedgerAccountKind.PAPER_IN_CIRCULATION) {
                paperInLedger.merge(account.currency, account.balanceMinor, Math::addExact);
            }
        }
        java.util.Set<String> currencies = new java.util.TreeSet<>(paperInLedger.keySet());
        currencies.addAll(paperInInventory.keySet());
        for (String currency : currencies) {
            long ledger = paperInLedger.getOrDefault(currency, 0L);
            long inventory = paperInInventory.getOrDefault(currency, 0L);
            if (ledger != inventory) {
                findings.add(currency + ": paper in circulation " + Amounts.format(ledger)
                        + " in the ledger, notes in circulation worth " + Amounts.format(inventory) + " in note_inventory");
            }
        }
        return findings.toCheck(6, "notes: every note printed is somewhere, and those in circulation are the ledger's paper",
                "note_inventory started with V29 from the counters' stock: notes sold before are known after "
                        + "`currency-ops replay`; if currency-api is running, its projections may still be catching up");
    }

    private Check conservation() {
        Map<String, long[]> perBook = new TreeMap<>(); // book -> {sumMinor, accounts}
        for (FoldedAccount account : accounts.values()) {
            long[] sum = perBook.computeIfAbsent(account.book, b -> new long[2]);
            sum[0] = Math.addExact(sum[0], account.balanceMinor);
            sum[1]++;
        }
        List<String> lines = new ArrayList<>();
        boolean holds = unbalancedEvents.count == 0;
        for (Map.Entry<String, long[]> book : perBook.entrySet()) {
            long sumMinor = book.getValue()[0];
            holds &= sumMinor == 0;
            lines.add(String.format(Locale.ROOT, "%-24s sums to %s over %,d accounts%s", book.getKey(),
                    Amounts.format(sumMinor), book.getValue()[1], sumMinor == 0 ? "" : "  <-- should be 0.00"));
        }
        // in the order of the store, so the first unbalanced event comes first
        lines.addAll(unbalancedEvents.lines);
        return new Check(1, "conservation: each book of each currency sums to zero",
                holds ? Check.Status.OK : Check.Status.FAILED, lines, unbalancedEvents.unlisted(), null);
    }

    /**
     * Per currency, the figures of {@link Coverage} (the API's supply) from the fold: both ratios,
     * and the causes of any under-backing. Under-backing is not a ledger error (a drawer shortfall
     * is money missing, recorded as such): it is a warning. The ledger is wrong when units are out
     * that nothing accounts for, neither euros, nor a sponsor's receivable, nor a recorded
     * shortfall: that fails.
     */
    private Check backing() {
        Map<String, Map<LedgerAccountKind, Long>> perCurrency = new TreeMap<>();
        for (FoldedAccount account : accounts.values()) {
            perCurrency.computeIfAbsent(account.currency, c -> new EnumMap<>(LedgerAccountKind.class))
                    .merge(account.kind, account.balanceMinor, Math::addExact);
        }
        Map<String, Long> receivable = new HashMap<>();
        for (SponsorBudget budget : budgets.values()) {
            if (budget.currency != null) {
                receivable.merge(budget.currency, Math.max(0, Math.subtractExact(budget.drawnMinor,
                        budget.paidInMinor)), Math::addExact);
            }
        }
        List<String> lines = new ArrayList<>();
        boolean ledgerError = false;
        boolean underBacked = false;
        for (Map.Entry<String, Map<LedgerAccountKind, Long>> currency : perCurrency.entrySet()) {
            String code = currency.getKey();
            Coverage coverage = Coverage.of(currency.getValue(), receivable.getOrDefault(code, 0L));
            lines.add(String.format(Locale.ROOT, "%-12s in circulation %s, backing %s (fund %s, counters %s, sponsor "
                            + "receivable %s, less fees %s), coverage %s, cash coverage %s", code,
                    Amounts.format(coverage.inCirculationMinor()), Amounts.format(coverage.backingMinor()),
                    Amounts.format(coverage.guaranteeFundMinor()), Amounts.format(coverage.counterCashMinor()),
                    Amounts.format(coverage.sponsorReceivableMinor()), Amounts.format(coverage.membershipFeesMinor()),
                    orNa(coverage.coverageRatio()), orNa(coverage.cashCoverageRatio())));
            lines.add(String.format(Locale.ROOT, "%-12s not backing: sponsors' pledges not drawn %s, counter "
                            + "shortfall %s", code, Amounts.format(coverage.sponsorCommittedMinor()),
                    Amounts.format(coverage.counterShortfallMinor())));
            if (coverage.underBacked()) {
                underBacked = true;
                lines.add(String.format(Locale.ROOT, "%-12s under-backed by %s: %s", code,
                        Amounts.format(coverage.underBackedByMinor()), String.join(", ", coverage.underBackingCauses())));
            }
            // the signed balance: a surplus is in the counters' cash already, not money of the public
            long accounted = Math.addExact(coverage.backingMinor(),
                    currency.getValue().getOrDefault(LedgerAccountKind.COUNTER_DISCREPANCY, 0L));
            long unaccounted = Math.subtractExact(coverage.inCirculationMinor(), accounted);
            if (unaccounted > 0) {
                ledgerError = true;
                lines.add(String.format(Locale.ROOT, "%-12s <-- %s of units out with no euros, sponsor receivable or "
                        + "recorded shortfall behind them", code, Amounts.format(unaccounted)));
            }
        }
        Check.Status status = ledgerError ? Check.Status.FAILED : underBacked ? Check.Status.WARNING : Check.Status.OK;
        String note = ledgerError ? null : underBacked
                ? "under-backing is not a ledger error: its causes are named above (a counter shortfall is covered "
                        + "by paying the missing euros into the fund)"
                : null;
        return new Check(2, "backing: units out are backed by money or a recorded shortfall", status, lines, 0, note);
    }

    private static String orNa(String ratio) {
        return ratio == null ? "n/a" : ratio;
    }

    private Check floors() {
        Findings findings = new Findings();
        for (FoldedAccount account : accounts.values()) {
            boolean held = account.kind == LedgerAccountKind.PARTICIPANT || account.kind == LedgerAccountKind.AID_PROGRAM;
            if (held && account.balanceMinor < PARTICIPANT_FLOOR_MINOR) {
                findings.add(account.code + ": " + Amounts.format(account.balanceMinor) + ", below its floor of "
                        + Amounts.format(PARTICIPANT_FLOOR_MINOR));
            }
        }
        return findings.toCheck(3, "no participant account below its floor", null);
    }

    private Check inTransit() {
        Findings findings = new Findings();
        for (FoldedAccount account : accounts.values()) {
            if (account.kind == LedgerAccountKind.IN_TRANSIT && account.balanceMinor != 0) {
                findings.add(account.code + " holds " + Amounts.format(account.balanceMinor)
                        + ": a transfer left its payer and neither reached its payee nor came back");
            }
        }
        for (Map.Entry<String, OpenTransfer> open : openTransfers.entrySet()) {
            findings.add(open.getKey() + ": " + Amounts.format(open.getValue().amountMinor) + " in "
                    + open.getValue().account + " since event #" + open.getValue().sinceGlobalIndex);
        }
        return findings.toCheck(4, "in transit drained: every transfer reached its payee or came back",
                "in transit is not zero while a transfer is mid-way; if it stays so while currency-api is idle, "
                        + "a transfer is stuck");
    }

    private Check projections() {
        Findings findings = ledgerBalanceDifferences.copy();
        findings.addAll(accountViewDifferences);
        for (FoldedAccount account : accounts.values()) {
            if (!account.inLedgerBalance) {
                findings.add(account.code + ": missing from ledger_balance (event store "
                        + Amounts.format(account.balanceMinor) + ")");
            }
            if (account.kind == LedgerAccountKind.PARTICIPANT && !account.inAccountView) {
                findings.add(account.code + ": missing from account_view (event store "
                        + Amounts.format(account.balanceMinor) + ")");
            }
        }
        return findings.toCheck(5, "projections equal the fold (ledger_balance, account_view)",
                "if currency-api is running, its projections may still be catching up: reconcile again once it is idle");
    }

    private static String difference(String code, long foldedMinor, String table, long projectedMinor) {
        String line = code + ": event store " + Amounts.format(foldedMinor) + ", " + table + " "
                + Amounts.format(projectedMinor);
        try {
            return line + " (off by " + Amounts.format(Math.subtractExact(projectedMinor, foldedMinor)) + ")";
        } catch (ArithmeticException e) {
            return line; // a tampered value so far off that the gap overflows: the two figures say enough
        }
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    private static final class FoldedAccount {
        final String code;
        /** BOOK:CURRENCY, the scope in which balances sum to zero. */
        final String book;
        final String currency;
        final LedgerAccountKind kind;
        long balanceMinor;
        boolean inLedgerBalance;
        boolean inAccountView;

        private FoldedAccount(String code, LedgerAccount account) {
            this.code = code;
            this.book = account.book() + ":" + account.currency();
            this.currency = account.currency();
            this.kind = account.kind();
        }

        static FoldedAccount parse(String code) {
            return new FoldedAccount(code, LedgerAccount.parse(code));
        }
    }

    private static final class SponsorBudget {
        String currency;
        long drawnMinor;
        long paidInMinor;
    }

    private static final class OpenTransfer {
        final long sinceGlobalIndex;
        String account;
        long amountMinor;

        OpenTransfer(long sinceGlobalIndex) {
            this.sinceGlobalIndex = sinceGlobalIndex;
        }
    }

    /** Lines of one check, the first {@link #MAX_LISTED_FINDINGS} kept, all counted. */
    private static final class Findings {
        private final List<String> lines = new ArrayList<>();
        private long count;

        void add(String line) {
            count++;
            if (lines.size() < MAX_LISTED_FINDINGS) {
                lines.add(line);
            }
        }

        void addAll(Findings other) {
            other.lines.forEach(this::add);
            count += other.count - other.lines.size();
        }

        Findings copy() {
            Findings copy = new Findings();
            copy.addAll(this);
            return copy;
        }

        long unlisted() {
            return count - lines.size();
        }

        /** A check that holds when nothing was found; the note says what a failure may mean. */
        Check toCheck(int invariant, String title, String noteOnFailure) {
            // accounts come out of a hash map: sorted, the report reads and compares well
            List<String> sorted = lines.stream().sorted().toList();
            return count == 0
                    ? new Check(invariant, title, Check.Status.OK, sorted, 0, null)
                    : new Check(invariant, title, Check.Status.FAILED, sorted, unlisted(), noteOnFailure);
        }
    }
}
