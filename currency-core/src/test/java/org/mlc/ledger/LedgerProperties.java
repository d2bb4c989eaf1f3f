package org.mlc.ledger;

import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.common.NoteSeriesId;
import org.mlc.ledger.counter.NotesSold;
import org.mlc.ledger.counter.NotesSoldFromSeries;
import org.mlc.ledger.counter.NotesTakenBack;
import org.mlc.ledger.counter.NotesTakenBackToSeries;
import org.mlc.ledger.notes.DamagedNotesWithdrawn;
import org.mlc.ledger.notes.DepositSeriesNotes;
import org.mlc.ledger.notes.DestroyNotes;
import org.mlc.ledger.notes.DispatchNotes;
import org.mlc.ledger.notes.NoteSeries;
import org.mlc.ledger.notes.NoteSeriesPrinted;
import org.mlc.ledger.notes.NeverReturnedNotesReleased;
import org.mlc.ledger.notes.ReleaseNeverReturnedNotes;
import org.mlc.ledger.notes.SetExchangeDeadline;
import org.mlc.ledger.notes.NotesDestroyed;
import org.mlc.ledger.notes.NotesDispatched;
import org.mlc.ledger.notes.NotesReturnedToVault;
import org.mlc.ledger.notes.PrintNoteSeries;
import org.mlc.ledger.notes.ReturnNotes;
import org.mlc.ledger.notes.WithdrawDamagedNotes;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.common.MembershipId;
import org.mlc.ledger.participant.FeePaidWith;
import org.mlc.ledger.participant.PayMembership;
import org.mlc.ledger.payment.AuthorizePayment;
import org.mlc.ledger.payment.CapturePayment;
import org.mlc.ledger.payment.VoidPayment;
import org.mlc.ledger.account.EarmarkExpired;
import org.mlc.ledger.account.EarmarkedLotReceived;
import org.mlc.ledger.account.EarmarkedUnitsSpent;
import org.mlc.ledger.aid.Expiry;
import org.mlc.ledger.aid.AidFundingReceived;
import org.mlc.ledger.aid.AidGranted;
import org.mlc.ledger.aid.AidProgram;
import org.mlc.ledger.aid.AidProgramClosed;
import org.mlc.ledger.aid.AnnounceAidFunding;
import org.mlc.ledger.aid.CloseAidProgram;
import org.mlc.ledger.aid.ConfirmAidFunding;
import org.mlc.ledger.aid.CreateAidProgram;
import org.mlc.ledger.aid.ExpireEarmarks;
import org.mlc.ledger.aid.ExpiredUnitsReturned;
import org.mlc.ledger.aid.GrantAid;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.common.GrantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.LAROUE;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.FreezeAccount;
import org.mlc.ledger.account.UnfreezeAccount;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.bonus.RecordSponsorPayment;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.common.DepositId;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.common.RemittanceId;
import org.mlc.ledger.counter.CancelConversion;
import org.mlc.ledger.counter.ConversionCancelled;
import org.mlc.ledger.counter.CoverShortfall;
import org.mlc.ledger.common.CoveringId;
import org.mlc.ledger.bonus.BonusBudgetCommitted;
import org.mlc.ledger.bonus.BonusDrawn;
import org.mlc.ledger.bonus.BonusReturned;
import org.mlc.ledger.bonus.SponsorPaymentReceived;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.issuance.ConfirmIssuanceFunds;
import org.mlc.ledger.issuance.FileIssuance;
import org.mlc.ledger.issuance.Issuance;
import org.mlc.ledger.issuance.IssuanceFiled;
import org.mlc.ledger.issuance.IssuanceLine;
import org.mlc.ledger.issuance.IssuanceLineResult;
import org.mlc.ledger.issuance.IssueIssuanceLines;
import org.mlc.ledger.account.DemurrageCharged;
import org.mlc.ledger.demurrage.ChargeDemurrage;
import org.mlc.ledger.demurrage.CompleteDemurrageRun;
import org.mlc.ledger.demurrage.DemurrageCharge;
import org.mlc.ledger.demurrage.DemurrageRunState;
import org.mlc.ledger.demurrage.SetDemurrage;
import org.mlc.ledger.demurrage.StartDemurrageRun;
import org.mlc.ledger.ledger.Coverage;
import org.mlc.ledger.counter.CloseCounterDay;
import org.mlc.ledger.counter.ConfirmRemittance;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.DepositNotes;
import org.mlc.ledger.counter.EurosConverted;
import org.mlc.ledger.counter.ExchangeCounter;
import org.mlc.ledger.counter.PrepareRemittance;
import org.mlc.ledger.counter.ReceiveNotes;
import org.mlc.ledger.counter.RemittancePrepared;
import org.mlc.ledger.counter.ReopenCounter;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.MakePayment;
import org.mlc.ledger.reconversion.FundInflowRecorded;
import org.mlc.ledger.reconversion.FundInflowsOpened;
import org.mlc.ledger.reconversion.PayoutRequested;
import org.mlc.ledger.reconversion.Reconvert;
import org.mlc.ledger.payment.TransferCreditRefused;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.mlc.ledger.payment.TransferReturned;

/**
 * The ledger invariants over random sequences of conversions, payments (above the balance, to
 * frozen accounts, to oneself, across currencies), freezes and unfreezes, run through the real
 * handlers and the transfer saga. Everything is checked from the events alone, as an auditor
 * (or {@code currency-ops reconcile}) would.
 */
class LedgerProperties {

    /**
     * A fixed seed: the properties also check that their samples reach every outcome (a refused
     * payment, a reconversion...), which a random seed misses now and then. CI must not flake;
     * change the seed by hand to explore other samples.
     */
    static final String FIXED_SEED = "20261125";
    /**
     * The counter days' own seed: chosen (like any seed) so that the sample reaches every outcome
     * the coverage check asks for; re-chosen when operations are added and the sample shifts.
     */
    static final String COUNTER_DAYS_SEED = "20261126";

    private static final CurrencyCode[] ACCOUNT_CURRENCY = {BOUSOL, BOUSOL, BOUSOL, LAROUE};
    private static final CurrencyCode[] COUNTER_CURRENCY = {BOUSOL, LAROUE};
    private static final Map<CurrencyCode, ConversionPolicy> POLICY = Map.of(
            BOUSOL, new ConversionPolicy(2000, 2100),
            LAROUE, new ConversionPolicy(1000, 1200));

    /** Sponsor budgets (euro cents) committed at the start of each run. */
    static final Map<CurrencyCode, Long> SPONSOR_BUDGET = Map.of(BOUSOL, 500L, LAROUE, 3_000L);

    sealed interface Operation permits Convert, Pay, Freeze, Unfreeze {
    }

    record Convert(int counter, int account, long eurosMinor) implements Operation {
    }

    /**
     * A payment; {@code stored} when it is a debit an older version recorded without its credit, which
     * the transfer saga finishes after an upgrade (credits the payee, or returns it to the payer).
     */
    record Pay(int from, int to, long amountMinor, boolean stored) implements Operation {
    }

    record Freeze(int account) implements Operation {
    }

    record Unfreeze(int account) implements Operation {
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNT_CURRENCY.length - 1);
        Arbitrary<Integer> counter = Arbitraries.integers().between(0, COUNTER_CURRENCY.length - 1);
        Arbitrary<Operation> convert = Combinators.combine(counter, account, Arbitraries.longs().between(1, 10_000))
                .as(Convert::new);
        // up to 150.00 while a conversion buys at most 120.00: some payments exceed the balance
        Arbitrary<Operation> pay = Combinators.combine(account, account, Arbitraries.longs().between(1, 15_000),
                        Arbitraries.integers().between(0, 3).map(n -> n == 0))
                .as(Pay::new);
        return Arbitraries.<Operation>frequencyOf(
                        Tuple.of(4, convert),
                        Tuple.of(8, pay),
                        Tuple.of(1, account.map(Freeze::new)),
                        Tuple.of(1, account.map(Unfreeze::new)))
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 50, seed = FIXED_SEED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void eachBookBalancesNoAccountGoesNegativeAndInTransitDrains(@ForAll("operations") List<Operation> operations) {
        Run run = Run.of(operations);

        Map<String, Long> sumPerBook = new HashMap<>();
        Map<LedgerAccount, Long> running = new HashMap<>();
        for (Object event : run.events) {
            for (Posting line : postingsOf(event).map(Postings::lines).orElse(List.of())) {
                LedgerAccount account = line.account();
                sumPerBook.merge(account.book() + ":" + account.currency(), line.amountMinor(), Math::addExact);
                long balance = running.merge(account, line.amountMinor(), Math::addExact);
                if (account.kind() == LedgerAccountKind.PARTICIPANT) {
                    assertThat(balance).as("balance of %s after %s", account, event).isNotNegative();
                }
            }
        }

        assertThat(sumPerBook).as("sum of the postings of each book").allSatisfy((book, sum) -> assertThat(sum)
                .as(book).isZero());
        for (CurrencyCode currency : List.of(BOUSOL, LAROUE)) {
            assertThat(running.getOrDefault(LedgerAccount.of(currency.value(), LedgerAccountKind.IN_TRANSIT), 0L))
                    .as("in transit in %s at the end", currency).isZero();
        }
    }

    @Property(tries = 50, seed = FIXED_SEED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void everyOperationEndsAsTheRulesSay(@ForAll("operations") List<Operation> operations) {
        Run run = Run.of(operations);

        assertThat(run.actualOutcomes).as("outcome of each operation").isEqualTo(run.model.outcomes);

        for (int i = 0; i < ACCOUNT_CURRENCY.length; i++) {
            LedgerAccount ledgerAccount = LedgerAccount.of(ACCOUNT_CURRENCY[i].value(), LedgerAccountKind.PARTICIPANT,
                    Run.account(i).value());
            assertThat(netOf(run.events, ledgerAccount)).as("postings of account %d", i)
                    .isEqualTo(run.model.balances[i]);
            assertThat(run.balancesFromAggregates[i]).as("balance of account %d", i)
                    .isEqualTo(run.model.balances[i]);
        }
        for (int c = 0; c < COUNTER_CURRENCY.length; c++) {
            LedgerAccount cash = LedgerAccount.of(COUNTER_CURRENCY[c].value(), LedgerAccountKind.COUNTER_CASH,
                    Run.counter(c).value());
            assertThat(netOf(run.events, cash)).as("cash of counter %d", c).isEqualTo(run.model.cash[c]);
        }

        // each transfer that left its payer reached its payee, or came back, exactly once
        Map<TransferId, List<Class<?>>> transfers = new LinkedHashMap<>();
        for (Object event : run.events) {
            transferIdOf(event).ifPresent(id -> transfers.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(event.getClass()));
        }
        assertThat(transfers.keySet()).containsExactlyInAnyOrderElementsOf(run.model.fates.keySet());
        run.model.fates.forEach((transfer, credited) -> assertThat(transfers.get(transfer)).as("events of %s", transfer)
                .containsExactlyElementsOf(credited
                        ? List.of(TransferDebited.class, TransferCredited.class)
                        : List.of(TransferDebited.class, TransferCreditRefused.class, TransferReturned.class)));

        run.model.outcomes.forEach(outcome -> Statistics.label("outcomes").collect(outcome));
        Statistics.label("outcomes").coverage(coverage -> {
            for (String outcome : List.of("convert:issued", "convert:account-frozen", "convert:currency-mismatch",
                    "pay:credited", "pay:not-found", "pay:insufficient-funds", "pay:account-frozen",
                    "pay:validation", "stored:credited", "stored:returned")) {
                coverage.check(outcome).count(n -> n > 0);
            }
        });
    }

    // Paper notes by series (docs/notes-and-fonte.md): the inventory identity and both books.

    /** Denominations the note operations use, and the series printed at the start of each run. */
    private static final int[] NOTE_DENOMINATIONS = {5, 10, 50};
    private static final CurrencyCode PARI = CurrencyCode.of("PARI");
    /** C is printed first (sold first), ends the day after T0 and is exchanged one more day, then released. */
    private static final NoteSeriesId[] SERIES = {NoteSeriesId.of("PARI-A"), NoteSeriesId.of("PARI-B"),
            NoteSeriesId.of("PARI-C")};
    private static final CounterId[] NOTE_COUNTERS = {CounterId.of("counter-n0"), CounterId.of("counter-n1")};
    private static final AccountId NOTE_HOLDER = AccountId.of("acc-notes");
    private static final AccountId PROJECTS_FUND = AccountId.of("acc-projects");
    /** Note operations are this far apart, so that series C ends and closes within a run. */
    private static final long NOTE_STEP_SECONDS = 6 * 3600;

    sealed interface NoteOperation permits Dispatch, Return, SellNotes, DepositBySeries, Withdraw, Destroy,
            ReleaseC {
    }

    record Dispatch(int series, int counter, int denomination, int count) implements NoteOperation {
    }

    record Return(int series, int counter, int denomination, int count) implements NoteOperation {
    }

    record SellNotes(int counter, long euros) implements NoteOperation {
    }

    /** Deposits up to {@code count} of the notes of the series in circulation (none: nothing happens). */
    record DepositBySeries(int series, int counter, int denomination, int count) implements NoteOperation {
    }

    /** From the vault when {@code counter} is -1. */
    record Withdraw(int series, int counter, int denomination, int count) implements NoteOperation {
    }

    record Destroy(int series, int denomination, int count) implements NoteOperation {
    }

    /** Releases what series C has in circulation to the projects fund, on the day of the operation. */
    record ReleaseC() implements NoteOperation {
    }

    @Provide
    Arbitrary<List<NoteOperation>> noteOperations() {
        Arbitrary<Integer> series = Arbitraries.integers().between(0, SERIES.length - 1);
        Arbitrary<Integer> counter = Arbitraries.integers().between(0, NOTE_COUNTERS.length - 1);
        Arbitrary<Integer> denomination = Arbitraries.integers().between(0, NOTE_DENOMINATIONS.length - 1);
        return Arbitraries.<NoteOperation>frequencyOf(
                        Tuple.of(4, Combinators.combine(series, counter, denomination,
                                Arbitraries.integers().between(1, 80)).as(Dispatch::new)),
                        Tuple.of(1, Combinators.combine(series, counter, denomination,
                                Arbitraries.integers().between(1, 20)).as(Return::new)),
                        Tuple.of(4, Combinators.combine(counter, Arbitraries.longs().between(1, 60))
                                .as((c, n) -> new SellNotes(c, n * 5))),
                        Tuple.of(2, Combinators.combine(series, counter, denomination,
                                Arbitraries.integers().between(1, 5)).as(DepositBySeries::new)),
                        Tuple.of(2, Combinators.combine(series, Arbitraries.integers().between(-1, 1), denomination,
                                Arbitraries.integers().between(1, 10)).as(Withdraw::new)),
                        Tuple.of(1, Combinators.combine(series, denomination, Arbitraries.integers().between(1, 10))
                                .as(Destroy::new)),
                        Tuple.of(1, Arbitraries.just(new ReleaseC())))
                // long enough for series C to end, close and be released within a run
                .list().ofMinSize(12).ofMaxSize(30);
    }

    /**
     * After every note operation: each book balances, every note printed is somewhere (vault,
     * counters, circulation, withdrawn, destroyed; none below zero), the notes in circulation are
     * the ledger's paper, and the series and counters hold what the events say.
     */
    @Property(tries = 30, seed = FIXED_SEED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void notesKeepTheInventoryIdentityAndBothBooksBalanced(@ForAll("noteOperations") List<NoteOperation> operations) {
        try (InMemoryLedger ledger = InMemoryLedger.start()) {
            ledger.defineCurrency(PARI, "Pari", new ConversionPolicy(100, 100));
            for (CounterId counter : NOTE_COUNTERS) {
                ledger.defineCounter(counter, PARI);
            }
            ledger.registerMember(ParticipantId.of("p-notes"), NOTE_HOLDER, PARI);
            ledger.register(ParticipantId.of("p-projects"), ParticipantKind.ASSOCIATION, PROJECTS_FUND, PARI, null);
            Map<Integer, Integer> printed = Map.of(5, 200, 10, 200, 50, 50);
            LocalDate firstDay = LocalDate.ofInstant(T0, CivilDay.ZONE);
            // a short run, so that dispatches of C also run short of notes
            ledger.send(new PrintNoteSeries(PARI, "C", Map.of(5, 30, 10, 30, 50, 10), firstDay.plusDays(1), null, "admin",
                    T0.minusSeconds(1)));
            ledger.send(new SetExchangeDeadline(SERIES[2], PARI, firstDay.plusDays(2), "admin", T0));
            // some notes of C in the public's hands from the start, for the operations to bring back or release
            ledger.send(new DispatchNotes(SERIES[2], NOTE_COUNTERS[0], Map.of(10, 5), "admin", T0));
            ledger.send(new ConvertEuros(NOTE_COUNTERS[0], ConversionId.of("n-c"), NOTE_HOLDER, 2000, PaidBy.CASH,
                    Payout.NOTES, T0));
            ledger.send(new PrintNoteSeries(PARI, "A", printed, LocalDate.of(2099, 12, 31), null, "admin", T0));
            ledger.send(new PrintNoteSeries(PARI, "B", printed, null, null, "admin", T0.plusSeconds(1)));
            for (int index = 0; index < operations.size(); index++) {
                NoteOperation operation = operations.get(index);
                Statistics.label("note outcomes").collect(execute(ledger, operation, index));
                NoteInventory inventory = NoteInventory.of(ledger.allEvents());
                inventory.assertAddsUp(operation);
                for (NoteSeriesId series : SERIES) {
                    Map<Integer, Integer> vault = ledger.inspect(NoteSeries.class, series.value(), NoteSeries::vault);
                    assertThat(vault).as("vault of %s after %s", series, operation)
                            .isEqualTo(inventory.held(series, "VAULT"));
                    for (CounterId counter : NOTE_COUNTERS) {
                        Map<Integer, Integer> stock = ledger.inspect(ExchangeCounter.class, counter.value(),
                                c -> c.stockOf(series));
                        assertThat(stock).as("%s at %s after %s", series, counter, operation)
                                .isEqualTo(inventory.held(series, counter.value()));
                    }
                    List<Map<Integer, Integer>> stocks = java.util.Arrays.stream(NOTE_COUNTERS)
                            .map(counter -> ledger.inspect(ExchangeCounter.class, counter.value(),
                                    c -> c.stockOf(series))).toList();
                    Map<Integer, Integer> circulation = ledger.inspect(NoteSeries.class, series.value(),
                            s -> s.inCirculation(stocks));
                    assertThat(circulation)
                            .as("%s in circulation by the series after %s", series, operation)
                            .isEqualTo(inventory.held(series, "CIRCULATION"));
                }
            }
        }
        Statistics.label("note outcomes").coverage(coverage -> {
            for (String outcome : List.of("dispatch:done", "dispatch:vault-short", "sell:done",
                    "sell:notes-unavailable", "deposit:done", "withdraw:done", "destroy:done", "destroy:not-withdrawn",
                    "return:done", "return:notes-unavailable", "release:done", "release:series-still-exchanged")) {
                coverage.check(outcome).count(n -> n > 0);
            }
        });
    }

    private static String execute(InMemoryLedger ledger, NoteOperation operation, int index) {
        Instant at = T0.plusSeconds(NOTE_STEP_SECONDS * (index + 1));
        try {
            if (operation instanceof Dispatch d) {
                ledger.send(new DispatchNotes(SERIES[d.series()], NOTE_COUNTERS[d.counter()],
                        Map.of(NOTE_DENOMINATIONS[d.denomination()], d.count()), "admin", at));
                return "dispatch:done";
            } else if (operation instanceof Return r) {
                ledger.send(new ReturnNotes(SERIES[r.series()], NOTE_COUNTERS[r.counter()],
                        Map.of(NOTE_DENOMINATIONS[r.denomination()], r.count()), "admin", at));
                return "return:done";
            } else if (operation instanceof SellNotes s) {
                ledger.send(new ConvertEuros(NOTE_COUNTERS[s.counter()], ConversionId.of("n-" + index), NOTE_HOLDER,
                        s.euros() * 100, PaidBy.CASH, Payout.NOTES, at));
                return "sell:done";
            } else if (operation instanceof DepositBySeries d) {
                int denomination = NOTE_DENOMINATIONS[d.denomination()];
                long out = NoteInventory.of(ledger.allEvents()).figure(SERIES[d.series()], denomination,
                        "CIRCULATION");
                int count = (int) Math.min(d.count(), out);
                if (count == 0) {
                    return "deposit:none-out";
                }
                ledger.send(new DepositSeriesNotes(NOTE_COUNTERS[d.counter()], DepositId.of("nd-" + index),
                        NOTE_HOLDER, SERIES[d.series()], Map.of(denomination, count), at));
                return "deposit:done";
            } else if (operation instanceof Withdraw w) {
                ledger.send(new WithdrawDamagedNotes(SERIES[w.series()], w.counter() < 0 ? null
                        : NOTE_COUNTERS[w.counter()], Map.of(NOTE_DENOMINATIONS[w.denomination()], w.count()),
                        "damaged", "admin", at));
                return "withdraw:done";
            } else if (operation instanceof Destroy d) {
                ledger.send(new DestroyNotes(SERIES[d.series()], Map.of(NOTE_DENOMINATIONS[d.denomination()],
                        d.count()), "shredded", "Claire", "admin", at));
                return "destroy:done";
            } else if (operation instanceof ReleaseC) {
                ledger.send(new ReleaseNeverReturnedNotes(SERIES[2], PROJECTS_FUND, LocalDate.ofInstant(at,
                        CivilDay.ZONE), "admin", at));
                return "release:done";
            }
            throw new IllegalArgumentException(String.valueOf(operation));
        } catch (org.mlc.ledger.common.DomainException e) {
            String kind = operation.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            return (kind.equals("sellnotes") ? "sell" : kind.equals("depositbyseries") ? "deposit"
                    : kind.equals("releasec") ? "release" : kind) + ":"
                    + e.code();
        }
    }

    /**
     * The inventory folded from the events alone, as reconcile and the API's projection do: per
     * series ('' for none) and denomination, the notes at each place (a counter by its id).
     */
    static final class NoteInventory {
        private final Map<String, Map<Integer, Map<String, Long>>> places = new HashMap<>();
        private final Map<String, Long> postingsPerBook = new HashMap<>();
        private long paperMinor;

        static NoteInventory of(List<Object> events) {
            NoteInventory inventory = new NoteInventory();
            events.forEach(inventory::apply);
            return inventory;
        }

        private void apply(Object event) {
            postingsOf(event).ifPresent(postings -> postings.lines().forEach(line -> {
                postingsPerBook.merge(line.account().book() + ":" + line.account().currency(), line.amountMinor(),
                        Math::addExact);
                if (line.account().kind() == LedgerAccountKind.PAPER_IN_CIRCULATION) {
                    paperMinor += line.amountMinor();
                }
            }));
            if (event instanceof NoteSeriesPrinted e) {
                add(e.seriesId().value(), e.printed(), "PRINTED", 1);
                add(e.seriesId().value(), e.printed(), "VAULT", 1);
            } else if (event instanceof NotesDispatched e) {
                move(e.seriesId().value(), e.notes(), "VAULT", e.counterId().value());
            } else if (event instanceof NotesReturnedToVault e) {
                move(e.seriesId().value(), e.notes(), e.counterId().value(), "VAULT");
            } else if (event instanceof DamagedNotesWithdrawn e) {
                move(e.seriesId().value(), e.notes(), e.counterId() == null ? "VAULT" : e.counterId().value(),
                        "WITHDRAWN");
            } else if (event instanceof NeverReturnedNotesReleased e) {
                move(e.seriesId().value(), e.notes(), "CIRCULATION", "RELEASED");
            } else if (event instanceof NotesDestroyed e) {
                move(e.seriesId().value(), e.notes(), "WITHDRAWN", "DESTROYED");
            } else if (event instanceof NotesSold e) {
                move("", e.notes(), e.counterId().value(), "CIRCULATION");
            } else if (event instanceof NotesSoldFromSeries e) {
                e.lots().forEach(lot -> {
                    move("", lot.notes(), "CIRCULATION", e.counterId().value());
                    move(lot.seriesId().value(), lot.notes(), e.counterId().value(), "CIRCULATION");
                });
            } else if (event instanceof NotesTakenBack e) {
                move("", e.notes(), "CIRCULATION", e.counterId().value());
            } else if (event instanceof NotesTakenBackToSeries e) {
                move("", e.notes(), e.counterId().value(), "CIRCULATION");
                move(e.seriesId().value(), e.notes(), "CIRCULATION", e.counterId().value());
            }
        }

        private void move(String series, Map<Integer, Integer> notes, String from, String to) {
            add(series, notes, from, -1);
            add(series, notes, to, 1);
        }

        private void add(String series, Map<Integer, Integer> notes, String place, int sign) {
            notes.forEach((denomination, count) -> places.computeIfAbsent(series, s -> new HashMap<>())
                    .computeIfAbsent(denomination, d -> new HashMap<>())
                    .merge(place, (long) sign * count, Math::addExact));
        }

        long figure(NoteSeriesId series, int denomination, String place) {
            return places.getOrDefault(series.value(), Map.of()).getOrDefault(denomination, Map.of())
                    .getOrDefault(place, 0L);
        }

        /** The notes of the series at a place, by denomination, without zeros. */
        Map<Integer, Integer> held(NoteSeriesId series, String place) {
            Map<Integer, Integer> held = new java.util.TreeMap<>();
            places.getOrDefault(series.value(), Map.of()).forEach((denomination, at) -> {
                long notes = at.getOrDefault(place, 0L);
                if (notes != 0) {
                    held.put(denomination, Math.toIntExact(notes));
                }
            });
            return held;
        }

        void assertAddsUp(NoteOperation after) {
            assertThat(postingsPerBook).as("books after %s", after).allSatisfy((book, sum) -> assertThat(sum)
                    .as(book).isZero());
            long inCirculationMinor = 0;
            for (var series : places.entrySet()) {
                for (var denomination : series.getValue().entrySet()) {
                    long printed = 0;
                    long elsewhere = 0;
                    for (var place : denomination.getValue().entrySet()) {
                        if (place.getKey().equals("PRINTED")) {
                            printed += place.getValue();
                        } else {
                            elsewhere += place.getValue();
                            // the notes of no series too: a series brought back where it was not sent stays a series
                            assertThat(place.getValue()).as("%s notes of %s at %s after %s", series.getKey(),
                                    denomination.getKey(), place.getKey(), after).isNotNegative();
                        }
                        if (place.getKey().equals("CIRCULATION")) {
                            inCirculationMinor += place.getValue() * denomination.getKey() * 100;
                        }
                    }
                    assertThat(elsewhere).as("series %s, notes of %s, after %s", series.getKey(),
                            denomination.getKey(), after).isEqualTo(printed);
                }
            }
            assertThat(inCirculationMinor).as("notes in circulation against the ledger's paper after %s", after)
                    .isEqualTo(paperMinor);
        }
    }

    private static long netOf(List<Object> events, LedgerAccount account) {
        return events.stream().map(LedgerProperties::postingsOf).flatMap(Optional::stream)
                .mapToLong(postings -> postings.netOf(account)).sum();
    }

    /** Any event that moves value carries its postings as a record component. */
    private static Optional<Postings> postingsOf(Object event) {
        return componentOf(event, Postings.class);
    }

    private static Optional<TransferId> transferIdOf(Object event) {
        return componentOf(event, TransferId.class);
    }

    private static <T> Optional<T> componentOf(Object event, Class<T> type) {
        if (!event.getClass().isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getType() == type) {
                try {
                    return Optional.of(type.cast(component.getAccessor().invoke(event)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }

    /** What the rules say should happen, kept apart from the code under test. */
    static final class Model {
        final long[] balances = new long[ACCOUNT_CURRENCY.length];
        final boolean[] frozen = new boolean[ACCOUNT_CURRENCY.length];
        final long[] cash = new long[COUNTER_CURRENCY.length];
        /** Each currency's sponsor budget, small enough to run out during a run. */
        final Map<CurrencyCode, Long> budgetLeft = new HashMap<>(SPONSOR_BUDGET);
        final List<String> outcomes = new ArrayList<>();
        /** Per accepted payment: true if the payee got it, false if it came back. */
        final Map<TransferId, Boolean> fates = new LinkedHashMap<>();

        void apply(Operation operation, int index) {
            if (operation instanceof Convert c) {
                outcomes.add(convert(c));
            } else if (operation instanceof Pay p) {
                outcomes.add(pay(p, Run.transfer(index)));
            } else if (operation instanceof Freeze f) {
                frozen[f.account()] = true;
                outcomes.add("freeze:done");
            } else if (operation instanceof Unfreeze u) {
                frozen[u.account()] = false;
                outcomes.add("unfreeze:done");
            }
        }

        private String convert(Convert c) {
            CurrencyCode currency = COUNTER_CURRENCY[c.counter()];
            if (!currency.equals(ACCOUNT_CURRENCY[c.account()])) {
                return "convert:currency-mismatch";
            }
            if (frozen[c.account()]) {
                return "convert:account-frozen";
            }
            ConversionPolicy policy = POLICY.get(currency);
            long wanted = policy.bonusFor(c.eurosMinor());
            long bonus = Math.min(wanted, budgetLeft.get(currency));
            budgetLeft.merge(currency, -bonus, Long::sum);
            balances[c.account()] += policy.unitsFor(c.eurosMinor()) - wanted + bonus;
            cash[c.counter()] += c.eurosMinor();
            return "convert:issued";
        }

        private String pay(Pay p, TransferId transfer) {
            if (p.stored()) {
                return storedDebit(p, transfer);
            }
            // a payment is refused before anything moves, or debited and credited at once
            if (p.from() == p.to()) {
                return "pay:validation";
            }
            // the payer's own case first, then the payee's: a payer that cannot pay learns nothing of the payee
            if (frozen[p.from()]) {
                return "pay:account-frozen";
            }
            if (p.amountMinor() > balances[p.from()]) {
                return "pay:insufficient-funds";
            }
            if (!ACCOUNT_CURRENCY[p.from()].equals(ACCOUNT_CURRENCY[p.to()])) {
                return "pay:not-found"; // another currency's payee is answered as unknown
            }
            if (frozen[p.to()]) {
                return "pay:account-frozen";
            }
            fates.put(transfer, true);
            balances[p.from()] -= p.amountMinor();
            balances[p.to()] += p.amountMinor();
            return "pay:credited";
        }

        /** A debit an older version stored on its own: the saga credits the payee, or returns it. */
        private String storedDebit(Pay p, TransferId transfer) {
            if (frozen[p.from()] || p.from() == p.to() || p.amountMinor() > balances[p.from()]) {
                return "stored:none";
            }
            boolean credited = !frozen[p.to()] && ACCOUNT_CURRENCY[p.from()].equals(ACCOUNT_CURRENCY[p.to()]);
            fates.put(transfer, credited);
            balances[p.from()] -= p.amountMinor();
            if (credited) {
                balances[p.to()] += p.amountMinor();
                return "stored:credited";
            }
            balances[p.from()] += p.amountMinor();
            return "stored:returned";
        }
    }

    /** One run of the operations through the real ledger, next to the model. */
    static final class Run {
        final Model model = new Model();
        final List<String> actualOutcomes = new ArrayList<>();
        final long[] balancesFromAggregates = new long[ACCOUNT_CURRENCY.length];
        List<Object> events;

        static AccountId account(int index) {
            return AccountId.of("acc-" + index);
        }

        static CounterId counter(int index) {
            return CounterId.of("counter-" + index);
        }

        static TransferId transfer(int index) {
            return TransferId.of("t-" + index);
        }

        static Run of(List<Operation> operations) {
            Run run = new Run();
            try (InMemoryLedger ledger = InMemoryLedger.startWithTransferSaga()) {
                ledger.defineBousol();
                ledger.defineLaRoue();
                for (int c = 0; c < COUNTER_CURRENCY.length; c++) {
                    ledger.defineCounter(counter(c), COUNTER_CURRENCY[c]);
                }
                for (int i = 0; i < ACCOUNT_CURRENCY.length; i++) {
                    ledger.registerMember(ParticipantId.of("p-" + i), account(i), ACCOUNT_CURRENCY[i]);
                }
                SPONSOR_BUDGET.forEach((currency, euros) -> ledger.sponsor(currency, "budget-" + currency, euros, 0));
                for (int index = 0; index < operations.size(); index++) {
                    Operation operation = operations.get(index);
                    run.model.apply(operation, index);
                    run.actualOutcomes.add(run.execute(ledger, operation, index));
                }
                run.events = ledger.allEvents();
                for (int i = 0; i < ACCOUNT_CURRENCY.length; i++) {
                    run.balancesFromAggregates[i] =
                            ledger.inspect(Account.class, account(i).value(), Account::balanceMinor);
                }
            }
            return run;
        }

        private String execute(InMemoryLedger ledger, Operation operation, int index) {
            String kind;
            Object command;
            if (operation instanceof Convert c) {
                kind = "convert";
                command = new ConvertEuros(counter(c.counter()), ConversionId.of("c-" + index), account(c.account()),
                        c.eurosMinor(), PaidBy.CASH, Payout.ACCOUNT, T0);
            } else if (operation instanceof Pay p && p.stored()) {
                return storeDebit(ledger, p, index);
            } else if (operation instanceof Pay p) {
                kind = "pay";
                command = new MakePayment(ACCOUNT_CURRENCY[p.from()], transfer(index), account(p.from()),
                        account(p.to()), p.amountMinor(), null, null, T0);
            } else if (operation instanceof Freeze f) {
                kind = "freeze";
                command = new FreezeAccount(account(f.account()), "checks", T0);
            } else {
                kind = "unfreeze";
                command = new UnfreezeAccount(account(((Unfreeze) operation).account()), "cleared", T0);
            }
            try {
                ledger.send(command);
            } catch (DomainException refused) {
                return kind + ":" + refused.code();
            } catch (RuntimeException e) {
                return fail("operation " + index + " " + operation + " failed unexpectedly", e);
            }
            if (operation instanceof Convert) {
                return "convert:issued";
            }
            if (operation instanceof Pay p) {
                return credited(ledger, p, index) ? "pay:credited" : "pay:not-credited";
            }
            return kind + ":done";
        }

        /**
         * Stores the debit an older version would have recorded (active payer, another account,
         * within its balance) without its credit, and lets the saga finish it.
         */
        private String storeDebit(InMemoryLedger ledger, Pay p, int index) {
            AccountId from = account(p.from());
            boolean debitable = p.from() != p.to() && ledger.inspect(Account.class, from.value(),
                    a -> a.status() == AccountStatus.ACTIVE && p.amountMinor() <= a.availableMinor());
            if (!debitable) {
                return "stored:none";
            }
            ledger.storeDebitOfAnOlderVersion(new TransferDebited(transfer(index), from, account(p.to()),
                    ACCOUNT_CURRENCY[p.from()], p.amountMinor(), null, Postings.builder()
                    .move(LedgerAccount.of(ACCOUNT_CURRENCY[p.from()].value(), LedgerAccountKind.PARTICIPANT,
                            from.value()), LedgerAccount.of(ACCOUNT_CURRENCY[p.from()].value(),
                            LedgerAccountKind.IN_TRANSIT), p.amountMinor()).build(), T0));
            return credited(ledger, p, index) ? "stored:credited" : "stored:returned";
        }

        private static boolean credited(InMemoryLedger ledger, Pay p, int index) {
            return ledger.eventsOf(account(p.to()).value()).stream()
                    .anyMatch(e -> e instanceof TransferCredited tc && tc.transferId().equals(transfer(index)));
        }
    }

    // The exchange counters' day: notes, deposits, closings, remittances and sponsor payments, mixed
    // with conversions and payments; backing is checked after every single operation.

    sealed interface CounterOperation permits Sell, CancelSale, Stock, Deposit, Close, Cover, Reopen, Remit, Confirm,
            SponsorPays, PayAround, Shop, Refund, Reconversion, Adhere, HoldThenSettle {
    }

    /** A member pays its membership fee at its currency's counter, in cash or in units. */
    record Adhere(int account, boolean inUnits) implements CounterOperation {
    }

    /**
     * A member authorizes a share of its balance for its currency's merchant, which then captures a
     * part of it (up to more than held) or voids it.
     */
    record HoldThenSettle(int account, long percent, long capturePercent) implements CounterOperation {
    }

    /** A member pays the approved merchant of its currency a share of what it holds, under the payment rules. */
    record Shop(int account, long percent) implements CounterOperation {
    }

    /** The merchant refunds part of one of the payments it received (sometimes more than is left). */
    record Refund(int payment, long amountMinor) implements CounterOperation {
    }

    /**
     * The merchant of a currency takes a share of its units back to euros, out of the guarantee
     * fund; a share above 100 % asks for more than it holds.
     */
    record Reconversion(int currency, long percent) implements CounterOperation {
    }

    /** A payment a merchant received, which it may refund. */
    record ShopPayment(TransferId transferId, AccountId merchant, AccountId payer) {
    }

    static AccountId merchantAccount(int currency) {
        return AccountId.of("acc-merchant-" + currency);
    }

    record Sell(int counter, int account, long eurosMinor, PaidBy paidBy, boolean notes) implements CounterOperation {
    }

    /** Cancels one of the last sales of a counter ({@code fromLast} 0: the last), of the open day or not. */
    record CancelSale(int counter, int fromLast) implements CounterOperation {
    }

    record Stock(int counter, int denomination, int count) implements CounterOperation {
    }

    record Deposit(int counter, int account) implements CounterOperation {
    }

    record Close(int counter, long cashDeltaMinor) implements CounterOperation {
    }

    /** The association covers a share (in percent, above 100 more than is missing) of a counter's uncovered shortfall. */
    record Cover(int counter, long percent) implements CounterOperation {
    }

    record Reopen(int counter) implements CounterOperation {
    }

    record Remit(int counter, long eurosMinor) implements CounterOperation {
    }

    record Confirm(int remittance) implements CounterOperation {
    }

    record SponsorPays(int currency, long eurosMinor) implements CounterOperation {
    }

    record PayAround(int from, int to, long amountMinor) implements CounterOperation {
    }

    private static final Integer[] DENOMINATIONS = {1, 2, 5, 10, 20, 50};

    @Provide
    Arbitrary<List<CounterOperation>> counterDays() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNT_CURRENCY.length - 1);
        Arbitrary<Integer> counter = Arbitraries.integers().between(0, COUNTER_CURRENCY.length - 1);
        Arbitrary<Integer> denomination = Arbitraries.oneOf(Arbitraries.just(1), Arbitraries.of(DENOMINATIONS));
        // whole euros often, so that notes can be made up; cents sometimes
        Arbitrary<Long> euros = Arbitraries.oneOf(Arbitraries.longs().between(1, 60).map(e -> e * 500),
                Arbitraries.longs().between(1, 10_000));
        return Arbitraries.<CounterOperation>frequencyOf(
                        Tuple.of(6, Combinators.combine(counter, account, euros,
                                Arbitraries.of(PaidBy.CASH, PaidBy.CASH, PaidBy.CARD, PaidBy.CHEQUE),
                                Arbitraries.of(true, false)).as(Sell::new)),
                        Tuple.of(2, Combinators.combine(counter, Arbitraries.integers().between(0, 3))
                                .as(CancelSale::new)),
                        // often enough that sales in notes find a stock, and deposits notes in circulation
                        Tuple.of(5, Combinators.combine(counter, denomination, Arbitraries.integers().between(1, 10))
                                .as(Stock::new)),
                        Tuple.of(5, Combinators.combine(counter, account).as(Deposit::new)),
                        Tuple.of(2, Combinators.combine(counter, Arbitraries.longs().between(-2_000, 500))
                                .as(Close::new)),
                        Tuple.of(2, Combinators.combine(counter, Arbitraries.longs().between(1, 120))
                                .as(Cover::new)),
                        Tuple.of(2, counter.map(Reopen::new)),
                        // mostly within what a drawer holds after a sale or two, sometimes above
                        Tuple.of(3, Combinators.combine(counter, Arbitraries.oneOf(Arbitraries.longs().between(1, 2_000),
                                Arbitraries.longs().between(1, 50_000))).as(Remit::new)),
                        Tuple.of(3, Arbitraries.integers().between(0, 5).map(Confirm::new)),
                        Tuple.of(1, Combinators.combine(counter, Arbitraries.longs().between(1, 5_000))
                                .as(SponsorPays::new)),
                        Tuple.of(3, Combinators.combine(account, account, Arbitraries.longs().between(1, 5_000))
                                .as(PayAround::new)),
                        Tuple.of(5, Combinators.combine(account, Arbitraries.longs().between(1, 100)).as(Shop::new)),
                        Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 5),
                                Arbitraries.longs().between(1, 200)).as(Refund::new)),
                        // mostly within what the merchant received, sometimes beyond its balance or the fund
                        Tuple.of(4, Combinators.combine(counter, Arbitraries.longs().between(1, 120))
                                .as(Reconversion::new)),
                        Tuple.of(2, Combinators.combine(account, Arbitraries.of(true, false)).as(Adhere::new)),
                        Tuple.of(3, Combinators.combine(account, Arbitraries.longs().between(1, 100),
                                Arbitraries.longs().between(0, 110)).as(HoldThenSettle::new)))
                .list().ofMinSize(10).ofMaxSize(50);
    }

    @Property(tries = 150, seed = COUNTER_DAYS_SEED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void booksBalanceAndCirculationStaysBackedAfterEveryCounterOperation(
            @ForAll("counterDays") List<CounterOperation> operations) {
        List<String> outcomes = new ArrayList<>();
        try (InMemoryLedger ledger = InMemoryLedger.startWithTransferSaga()) {
            ledger.defineBousol();
            ledger.defineLaRoue();
            for (int c = 0; c < COUNTER_CURRENCY.length; c++) {
                ledger.defineCounter(Run.counter(c), COUNTER_CURRENCY[c]);
            }
            for (int i = 0; i < ACCOUNT_CURRENCY.length; i++) {
                ledger.registerMember(ParticipantId.of("p-" + i), Run.account(i), ACCOUNT_CURRENCY[i]);
            }
            for (int c = 0; c < COUNTER_CURRENCY.length; c++) {
                ledger.register(ParticipantId.of("p-merchant-" + c), ParticipantKind.MERCHANT, merchantAccount(c),
                        COUNTER_CURRENCY[c], "ALIMENTATION");
            }
            SPONSOR_BUDGET.forEach((currency, euros) -> ledger.sponsor(currency, "budget-" + currency, euros, 0));
            List<RemittanceId> remittances = new ArrayList<>();
            List<ShopPayment> shopPayments = new ArrayList<>();
            // members start with some units, so that they shop and merchants have units to reconvert
            for (int i = 0; i < ACCOUNT_CURRENCY.length; i++) {
                ledger.send(new ConvertEuros(Run.counter(ACCOUNT_CURRENCY[i] == COUNTER_CURRENCY[0] ? 0 : 1),
                        ConversionId.of("c-start-" + i), Run.account(i), 5_000, PaidBy.CASH, Payout.ACCOUNT, T0));
            }
            for (int index = 0; index < operations.size(); index++) {
                CounterOperation operation = operations.get(index);
                String outcome = executeCounterOperation(ledger, operation, index, remittances, shopPayments);
                outcomes.add(outcome);
                assertBalancedAndBacked(ledger.allEvents(), "after " + index + " " + operation + " (" + outcome + ")");
                assertCoverageAsNamed(ledger.allEvents(), "after " + index + " " + operation + " (" + outcome + ")");
                for (int c = 0; c < COUNTER_CURRENCY.length; c++) {
                    CounterId counter = Run.counter(c);
                    long drawer = ledger.inspect(ExchangeCounter.class, counter.value(),
                            ExchangeCounter::expectedCashMinor);
                    long pending = remittances.stream()
                            .filter(r -> r.value().startsWith(counter.value() + "/"))
                            .filter(r -> ledger.inspect(ExchangeCounter.class, counter.value(),
                                    x -> x.remittanceStatus(r)) != ExchangeCounter.RemittanceStatus.CONFIRMED)
                            .mapToLong(r -> remittedAmount(ledger, counter, r)).sum();
                    assertThat(netOf(ledger.allEvents(), LedgerAccount.of(COUNTER_CURRENCY[c].value(),
                            LedgerAccountKind.COUNTER_CASH, counter.value())))
                            .as("counter cash of %d = drawer + remittances not yet confirmed, %s", c, operation)
                            .isEqualTo(drawer + pending);
                }
            }
        }
        outcomes.forEach(outcome -> Statistics.label("counter outcomes").collect(outcome));
        Statistics.label("counter outcomes").coverage(coverage -> {
            for (String outcome : List.of("sell:done", "sell:notes-unavailable", "sell:counter-closed", "stock:done",
                    "deposit:done", "close:done", "close:day-already-closed", "remit:done", "remit:insufficient-cash",
                    "confirm:done", "sponsor:done", "shop:done", "refund:done", "reconvert:done",
                    "reconvert:insufficient-fund", "reconvert:insufficient-funds", "adhere:done", "hold:captured",
                    "hold:voided", "hold:capture-exceeds-hold", "cancel:done", "cancel:day-already-closed", "cover:done",
                    "cover:covering-exceeds-shortfall")) {
                coverage.check(outcome).count(n -> n > 0);
            }
        });
    }

    private static long remittedAmount(InMemoryLedger ledger, CounterId counter, RemittanceId remittance) {
        return ledger.eventsOf(counter.value()).stream()
                .filter(e -> e instanceof RemittancePrepared p && p.remittanceId().equals(remittance))
                .mapToLong(e -> ((RemittancePrepared) e).eurosMinor()).sum();
    }

    private static String executeCounterOperation(InMemoryLedger ledger, CounterOperation operation, int index,
                                                  List<RemittanceId> remittances, List<ShopPayment> shopPayments) {
        String kind;
        Object command;
        if (operation instanceof Adhere a) {
            int currency = ACCOUNT_CURRENCY[a.account()] == COUNTER_CURRENCY[0] ? 0 : 1;
            kind = "adhere";
            command = new PayMembership(ParticipantId.of("p-" + a.account()), Run.account(a.account()),
                    MembershipId.of("m-" + index), Run.counter(currency),
                    a.inUnits() ? FeePaidWith.UNITS : FeePaidWith.CASH, T0);
        } else if (operation instanceof HoldThenSettle h) {
            int currency = ACCOUNT_CURRENCY[h.account()] == COUNTER_CURRENCY[0] ? 0 : 1;
            AccountId payer = Run.account(h.account());
            long heldMinor = ledger.inspect(Account.class, payer.value(), Account::availableMinor) * h.percent() / 100;
            if (heldMinor == 0) {
                return "hold:empty";
            }
            HoldId holdId = HoldId.of("h-" + index);
            try {
                ledger.send(new AuthorizePayment(ACCOUNT_CURRENCY[h.account()], holdId, payer, merchantAccount(currency),
                        heldMinor, null, T0.plusSeconds(600), T0));
                long captureMinor = heldMinor * h.capturePercent() / 100;
                if (captureMinor == 0) {
                    ledger.send(new VoidPayment(payer, holdId, T0));
                    return "hold:voided";
                }
                TransferId transferId = Run.transfer(index);
                ledger.send(new CapturePayment(holdId, payer, merchantAccount(currency), transferId, captureMinor, T0));
                shopPayments.add(new ShopPayment(transferId, merchantAccount(currency), payer));
                return "hold:captured";
            } catch (DomainException refused) {
                return "hold:" + refused.code();
            }
        } else if (operation instanceof Shop s) {
            int currency = ACCOUNT_CURRENCY[s.account()] == COUNTER_CURRENCY[0] ? 0 : 1;
            TransferId transferId = Run.transfer(index);
            long amountMinor = ledger.inspect(Account.class, Run.account(s.account()).value(), Account::balanceMinor)
                    * s.percent() / 100;
            if (amountMinor == 0) {
                return "shop:empty";
            }
            try {
                ledger.send(new MakePayment(ACCOUNT_CURRENCY[s.account()], transferId, Run.account(s.account()),
                        merchantAccount(currency), amountMinor, null, null, T0));
            } catch (DomainException refused) {
                return "shop:" + refused.code();
            }
            shopPayments.add(new ShopPayment(transferId, merchantAccount(currency), Run.account(s.account())));
            return "shop:done";
        } else if (operation instanceof Refund r) {
            kind = "refund";
            if (shopPayments.isEmpty()) {
                return "refund:nothing";
            }
            ShopPayment paid = shopPayments.get(r.payment() % shopPayments.size());
            String currency = ledger.inspect(Account.class, paid.merchant().value(), a -> a.currency().value());
            command = new MakePayment(CurrencyCode.of(currency), Run.transfer(index), paid.merchant(), paid.payer(),
                    r.amountMinor(), "refund", paid.transferId(), T0);
        } else if (operation instanceof Reconversion r) {
            kind = "reconvert";
            CurrencyCode currency = COUNTER_CURRENCY[r.currency()];
            long unitsMinor = ledger.inspect(Account.class, merchantAccount(r.currency()).value(),
                    Account::balanceMinor) * r.percent() / 100;
            if (unitsMinor == 0) {
                return "reconvert:empty";
            }
            command = new Reconvert(ReconversionId.of("rec-" + index), currency, merchantAccount(r.currency()),
                    unitsMinor, T0);
        } else if (operation instanceof Sell s) {
            kind = "sell";
            // currency mismatches are the other property's business: buy at a counter of one's currency
            command = new ConvertEuros(Run.counter(s.counter()), ConversionId.of("c-" + index), Run.account(
                    s.counter() == 0 ? s.account() % 3 : 3),
                    s.eurosMinor(), s.paidBy(), s.notes() ? Payout.NOTES : Payout.ACCOUNT, T0);
        } else if (operation instanceof CancelSale c) {
            kind = "cancel";
            List<EurosConverted> sales = ledger.eventsOf(Run.counter(c.counter()).value()).stream()
                    .filter(EurosConverted.class::isInstance).map(EurosConverted.class::cast).toList();
            if (sales.isEmpty()) {
                return "cancel:no-sale";
            }
            command = new CancelConversion(Run.counter(c.counter()), sales.get(Math.max(0,
                    sales.size() - 1 - c.fromLast())).conversionId(), "wrong sale", "agent", T0);
        } else if (operation instanceof Stock s) {
            kind = "stock";
            // mostly a full set, so that sales in notes can be made up; sometimes one denomination only
            command = new ReceiveNotes(Run.counter(s.counter()), s.denomination() == 1
                    ? Map.of(1, s.count() * 5, 2, s.count(), 5, s.count(), 10, s.count(), 20, s.count(), 50, s.count())
                    : Map.of(s.denomination(), s.count()), T0);
        } else if (operation instanceof Deposit d) {
            kind = "deposit";
            // a member brings back notes that are in circulation: those of the last sale at this counter
            // that was not cancelled (a cancelled sale's notes went back into the stock)
            List<Object> counterEvents = ledger.eventsOf(Run.counter(d.counter()).value());
            Set<ConversionId> cancelled = counterEvents.stream().filter(ConversionCancelled.class::isInstance)
                    .map(e -> ((ConversionCancelled) e).conversionId()).collect(Collectors.toSet());
            Optional<NotesSold> lastSale = counterEvents.stream()
                    .filter(NotesSold.class::isInstance).map(NotesSold.class::cast)
                    .filter(sale -> !cancelled.contains(sale.conversionId())).reduce((a, b) -> b);
            long paper = netOf(ledger.allEvents(), LedgerAccount.of(COUNTER_CURRENCY[d.counter()].value(),
                    LedgerAccountKind.PAPER_IN_CIRCULATION));
            if (lastSale.isEmpty() || lastSale.get().unitsMinor() > paper) {
                return "deposit:no-paper-out";
            }
            command = new DepositNotes(Run.counter(d.counter()), DepositId.of("d-" + index), Run.account(d.counter() == 0
                    ? d.account() % 3 : 3),
                    lastSale.get().notes(), T0);
        } else if (operation instanceof Close c) {
            kind = "close";
            long cash = ledger.inspect(ExchangeCounter.class, Run.counter(c.counter()).value(),
                    x -> x.expectedMinor(PaidBy.CASH));
            // every means that moved must be counted: card and cheque as the terminal and the bank say
            command = new CloseCounterDay(Run.counter(c.counter()), ClosingId.of("z-" + index),
                    Map.of(PaidBy.CASH, Math.max(0, cash + c.cashDeltaMinor()),
                            PaidBy.CARD, ledger.inspect(ExchangeCounter.class, Run.counter(c.counter()).value(),
                                    x -> x.expectedMinor(PaidBy.CARD)),
                            PaidBy.CHEQUE, ledger.inspect(ExchangeCounter.class, Run.counter(c.counter()).value(),
                                    x -> x.expectedMinor(PaidBy.CHEQUE))), T0);
        } else if (operation instanceof Cover c) {
            kind = "cover";
            long uncovered = ledger.inspect(ExchangeCounter.class, Run.counter(c.counter()).value(),
                    ExchangeCounter::uncoveredShortfallMinor);
            command = new CoverShortfall(Run.counter(c.counter()), CoveringId.of("cover-" + index),
                    Math.max(1, uncovered * c.percent() / 100), null, "admin", T0);
        } else if (operation instanceof Reopen r) {
            kind = "reopen";
            command = new ReopenCounter(Run.counter(r.counter()), T0);
        } else if (operation instanceof Remit r) {
            kind = "remit";
            RemittanceId id = RemittanceId.of(Run.counter(r.counter()).value() + "/r-" + index);
            command = new PrepareRemittance(Run.counter(r.counter()), id, PaidBy.CASH, r.eurosMinor(), T0);
            try {
                ledger.send(command);
            } catch (DomainException refused) {
                return kind + ":" + refused.code();
            }
            remittances.add(id);
            return "remit:done";
        } else if (operation instanceof Confirm c) {
            kind = "confirm";
            if (remittances.isEmpty()) {
                return "confirm:nothing";
            }
            RemittanceId id = remittances.get(c.remittance() % remittances.size());
            command = new ConfirmRemittance(CounterId.of(id.value().substring(0, id.value().indexOf('/'))), id,
                    "bank-" + index, T0);
        } else if (operation instanceof SponsorPays s) {
            kind = "sponsor";
            command = new RecordSponsorPayment(BudgetId.of("budget-" + COUNTER_CURRENCY[s.currency()]), s.eurosMinor(),
                    "ref-" + index, T0);
        } else {
            PayAround p = (PayAround) operation;
            kind = "pay";
            command = new MakePayment(ACCOUNT_CURRENCY[p.from()], Run.transfer(index), Run.account(p.from()),
                    Run.account(p.to()), p.amountMinor(), null, null, T0);
        }
        try {
            ledger.send(command);
            return kind + ":done";
        } catch (DomainException refused) {
            return kind + ":" + refused.code();
        } catch (RuntimeException e) {
            return fail("operation " + index + " " + operation + " failed unexpectedly", e);
        }
    }

    // Demurrage (fonte, docs/notes-and-fonte.md): runs among conversions and payments, some
    // interrupted midway and resumed, some repeated.

    private static final AccountId[] FONTE_ACCOUNTS = {AccountId.of("acc-f0"), AccountId.of("acc-f1"),
            AccountId.of("acc-f2"), AccountId.of("acc-fshop")};
    private static final AccountId FONTE_FUND = AccountId.of("acc-ffund");
    private static final CounterId FONTE_COUNTER = CounterId.of("counter-f");
    private static final LocalDate FONTE_FIRST = LocalDate.of(2026, 1, 1);

    sealed interface FonteOperation permits FonteConvert, FontePay, FonteRun, FonteRevalidate {
    }

    /** Paper notes revalidated at the counter: {@code count} notes of {@code denomination}, the fee paid in euros. */
    record FonteRevalidate(int denomination, int count, PaidBy paidWith) implements FonteOperation {
    }

    record FonteConvert(int account, long eurosMinor) implements FonteOperation {
    }

    record FontePay(int from, int to, long amountMinor) implements FonteOperation {
    }

    /** The run of due date {@code period}; {@code interruptedAfter} accounts charged before a crash, then resent. */
    record FonteRun(int period, int interruptedAfter) implements FonteOperation {
    }

    @Provide
    Arbitrary<List<FonteOperation>> fonteOperations() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, FONTE_ACCOUNTS.length - 1);
        return Arbitraries.<FonteOperation>frequencyOf(
                        Tuple.of(4, Combinators.combine(account, Arbitraries.longs().between(1, 20_000))
                                .as(FonteConvert::new)),
                        Tuple.of(3, Combinators.combine(account, account, Arbitraries.longs().between(1, 15_000))
                                .as(FontePay::new)),
                        Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 3),
                                Arbitraries.integers().between(0, FONTE_ACCOUNTS.length)).as(FonteRun::new)),
                        Tuple.of(2, Combinators.combine(Arbitraries.of(1, 2, 5, 10, 20, 50),
                                Arbitraries.integers().between(1, 40),
                                Arbitraries.of(PaidBy.CASH, PaidBy.CARD, PaidBy.CHEQUE)).as(FonteRevalidate::new)))
                .list().ofMinSize(1).ofMaxSize(25);
    }

    /**
     * After every step the books balance, no account is below zero and backing covers circulation
     * (the fonte moves units, it burns none); each account gives at most once per period however the
     * run was interrupted and resent, and a run repeated for a period that ran records nothing.
     */
    @Property(tries = 30, seed = FIXED_SEED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void demurrageRunsChargeOncePerPeriodAndKeepTheBooks(@ForAll("fonteOperations") List<FonteOperation> operations) {
        try (InMemoryLedger ledger = InMemoryLedger.start()) {
            ledger.defineCurrency(PARI, "Pari", new ConversionPolicy(100, 100));
            ledger.defineCounter(FONTE_COUNTER, PARI);
            for (int i = 0; i < FONTE_ACCOUNTS.length - 1; i++) {
                ledger.registerMember(ParticipantId.of("p-f" + i), FONTE_ACCOUNTS[i], PARI);
            }
            ledger.register(ParticipantId.of("p-fshop"), ParticipantKind.MERCHANT, FONTE_ACCOUNTS[3], PARI,
                    "ALIMENTATION");
            ledger.register(ParticipantId.of("p-ffund"), ParticipantKind.ASSOCIATION, FONTE_FUND, PARI, null);
            ledger.send(new SetDemurrage(PARI, new BigDecimal("0.03"), 6, FONTE_FIRST, 5_00, null, FONTE_FUND, false,
                    T0));
            for (int index = 0; index < operations.size(); index++) {
                FonteOperation operation = operations.get(index);
                Statistics.label("fonte outcomes").collect(execute(ledger, operation, index));
                List<Object> events = ledger.allEvents();
                assertBalancedAndBacked(events, "after " + index + " " + operation);
                Map<String, Long> charges = new HashMap<>();
                for (Object event : events) {
                    if (event instanceof DemurrageCharged charged) {
                        charges.merge(charged.runId() + "/" + charged.accountId(), 1L, Long::sum);
                    }
                }
                assertThat(charges).as("charges per run and account after %s", operation)
                        .allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
            }
        }
        Statistics.label("fonte outcomes").coverage(coverage -> {
            for (String outcome : List.of("run:charged", "run:repeated", "convert:done", "pay:done",
                    "revalidate:done")) {
                coverage.check(outcome).count(n -> n > 0);
            }
        });
    }

    private static String execute(InMemoryLedger ledger, FonteOperation operation, int index) {
        Instant at = T0.plusSeconds(60L * (index + 1));
        try {
            if (operation instanceof FonteConvert c) {
                ledger.send(new ConvertEuros(FONTE_COUNTER, ConversionId.of("f-" + index),
                        FONTE_ACCOUNTS[c.account()], c.eurosMinor(), PaidBy.CASH, Payout.ACCOUNT, at));
                return "convert:done";
            } else if (operation instanceof FontePay p) {
                ledger.send(new MakePayment(PARI, TransferId.of("f-pay-" + index), FONTE_ACCOUNTS[p.from()],
                        FONTE_ACCOUNTS[p.to()], p.amountMinor(), null, null, at));
                return "pay:done";
            } else if (operation instanceof FonteRun r) {
                LocalDate dueOn = FONTE_FIRST.plusMonths(6L * r.period());
                int before = ledger.allEvents().size();
                DemurrageRunState started = ledger.send(new StartDemurrageRun(PARI, dueOn, dueOn, at));
                // the crash: the first accounts charged, the run neither resumed nor completed
                for (int i = 0; i < r.interruptedAfter(); i++) {
                    ledger.send(new ChargeDemurrage(started.runId(), FONTE_ACCOUNTS[i], at));
                }
                // the resend: every account asked again, then completed
                int accounts = 0;
                long total = 0;
                for (AccountId account : FONTE_ACCOUNTS) {
                    DemurrageCharge charge = ledger.send(new ChargeDemurrage(started.runId(), account, at));
                    accounts += charge.amountMinor() > 0 ? 1 : 0;
                    total += charge.amountMinor();
                }
                ledger.send(new CompleteDemurrageRun(started.runId(), accounts, total, at));
                if (started.completed()) {
                    assertThat(ledger.allEvents()).as("a run repeated for %s", dueOn).hasSize(before);
                    return "run:repeated";
                }
                return total > 0 ? "run:charged" : "run:nothing";
            } else if (operation instanceof FonteRevalidate r) {
                long fundBefore = ledger.inspect(Account.class, FONTE_FUND.value(), Account::balanceMinor);
                long drawerBefore = ledger.inspect(ExchangeCounter.class, FONTE_COUNTER.value(),
                        ExchangeCounter::expectedCashMinor);
                org.mlc.ledger.notes.NoteRevalidation done = ledger.send(new org.mlc.ledger.notes.RevalidateNotes(
                        FONTE_COUNTER, org.mlc.ledger.common.RevalidationId.of("rv-" + index), null,
                        Map.of(r.denomination(), r.count()), r.paidWith(), "agent", at));
                // 3 % of the face value, rounded up to the cent, into the drawer and to the fund alike
                long face = r.denomination() * 100L * r.count();
                assertThat(done.feeMinor()).as("fee of %s", r).isEqualTo((face * 3 + 99) / 100);
                assertThat(ledger.inspect(Account.class, FONTE_FUND.value(), Account::balanceMinor))
                        .isEqualTo(fundBefore + done.feeMinor());
                assertThat(ledger.inspect(ExchangeCounter.class, FONTE_COUNTER.value(),
                        ExchangeCounter::expectedCashMinor)).isEqualTo(drawerBefore + done.feeMinor());
                return "revalidate:done";
            }
            throw new IllegalArgumentException(String.valueOf(operation));
        } catch (org.mlc.ledger.common.DomainException e) {
            String kind = operation.getClass().getSimpleName().substring("Fonte".length())
                    .toLowerCase(java.util.Locale.ROOT);
            return kind + ":" + e.code();
        }
    }

    /** Conservation per book, no participant below zero, and backing at least circulation, per currency. */
    private static void assertBalancedAndBacked(List<Object> events, String when) {
        Map<String, Long> sumPerBook = new HashMap<>();
        Map<LedgerAccount, Long> balances = new HashMap<>();
        for (Object event : events) {
            for (Posting line : postingsOf(event).map(Postings::lines).orElse(List.of())) {
                sumPerBook.merge(line.account().book() + ":" + line.account().currency(), line.amountMinor(),
                        Math::addExact);
                balances.merge(line.account(), line.amountMinor(), Math::addExact);
            }
        }
        assertThat(sumPerBook).as("sum of each book %s", when).allSatisfy((book, sum) -> assertThat(sum).isZero());
        Map<String, Long> circulation = new HashMap<>();
        Map<String, Long> backing = new HashMap<>();
        balances.forEach((account, balance) -> {
            switch (account.kind()) {
                case PARTICIPANT -> {
                    assertThat(balance).as("balance of %s %s", account, when).isNotNegative();
                    circulation.merge(account.currency(), balance, Math::addExact);
                }
                case AID_PROGRAM -> {
                    assertThat(balance).as("units of aid programme %s %s", account, when).isNotNegative();
                    circulation.merge(account.currency(), balance, Math::addExact);
                }
                case PAPER_IN_CIRCULATION, IN_TRANSIT -> circulation.merge(account.currency(), balance, Math::addExact);
                case GUARANTEE_FUND -> {
                    assertThat(balance).as("the guarantee fund of %s %s", account.currency(), when).isNotNegative();
                    backing.merge(account.currency(), balance, Math::addExact);
                }
                case COUNTER_CASH, SPONSOR_COMMITTED, COUNTER_DISCREPANCY, MEMBERSHIP_FEES ->
                        backing.merge(account.currency(), balance, Math::addExact);
                default -> {
                }
            }
        });
        circulation.forEach((currency, units) -> assertThat(backing.getOrDefault(currency, 0L))
                .as("backing of %s %s", currency, when).isGreaterThanOrEqualTo(units));
        // the fund decides its payouts on its own figures: what it recorded as entered, less what it
        // paid out, is exactly its ledger balance (so it never pays more than it holds)
        Map<String, Long> fundFigure = new HashMap<>();
        for (Object event : events) {
            if (event instanceof FundInflowRecorded inflow) {
                fundFigure.merge(inflow.currency().value(), inflow.eurosMinor(), Math::addExact);
            } else if (event instanceof FundInflowsOpened opening) {
                fundFigure.merge(opening.currency().value(), opening.inflowsMinor(), Math::addExact);
            } else if (event instanceof PayoutRequested payout) {
                fundFigure.merge(payout.currency().value(), -payout.eurosMinor(), Math::addExact);
            }
        }
        Map<String, Long> fundBalance = new HashMap<>();
        balances.forEach((account, balance) -> {
            if (account.kind() == LedgerAccountKind.GUARANTEE_FUND) {
                fundBalance.merge(account.currency(), balance, Math::addExact);
            }
        });
        fundBalance.keySet().forEach(currency -> fundFigure.putIfAbsent(currency, 0L));
        fundFigure.keySet().forEach(currency -> fundBalance.putIfAbsent(currency, 0L));
        assertThat(fundFigure).as("what each fund recorded, less its payouts, %s", when).isEqualTo(fundBalance);
    }

    /**
     * The supply's figures as {@link Coverage} gives them, per currency: backing is exactly the sum it
     * names (fund + counter cash − fees paid in euros + the sponsors' receivable), the receivable is the
     * bonus drawn net of returns and not paid in, budget by budget, and the coverage never exceeds what
     * is held plus that receivable.
     */
    private static void assertCoverageAsNamed(List<Object> events, String when) {
        Map<String, Map<LedgerAccountKind, Long>> balances = new HashMap<>();
        for (Object event : events) {
            for (Posting line : postingsOf(event).map(Postings::lines).orElse(List.of())) {
                balances.computeIfAbsent(line.account().currency(), c -> new HashMap<>())
                        .merge(line.account().kind(), line.amountMinor(), Math::addExact);
            }
        }
        Map<BudgetId, String> budgetCurrency = new HashMap<>();
        Map<BudgetId, Long> owed = new HashMap<>();
        for (Object event : events) {
            if (event instanceof BonusBudgetCommitted committed) {
                budgetCurrency.put(committed.budgetId(), committed.currency().value());
            } else if (event instanceof BonusDrawn drawn) {
                owed.merge(drawn.budgetId(), drawn.bonusMinor(), Math::addExact);
            } else if (event instanceof BonusReturned returned) {
                owed.merge(returned.budgetId(), -returned.bonusMinor(), Math::addExact);
            } else if (event instanceof SponsorPaymentReceived paid) {
                owed.merge(paid.budgetId(), -paid.eurosMinor(), Math::addExact);
            }
        }
        Map<String, Long> receivable = new HashMap<>();
        owed.forEach((budget, minor) -> receivable.merge(budgetCurrency.get(budget), Math.max(0, minor),
                Math::addExact));
        balances.forEach((currency, byKind) -> {
            Coverage coverage = Coverage.of(byKind, receivable.getOrDefault(currency, 0L));
            long fund = byKind.getOrDefault(LedgerAccountKind.GUARANTEE_FUND, 0L);
            long cash = byKind.getOrDefault(LedgerAccountKind.COUNTER_CASH, 0L);
            long fees = -byKind.getOrDefault(LedgerAccountKind.MEMBERSHIP_FEES, 0L);
            assertThat(coverage.sponsorReceivableMinor()).as("receivable of %s %s", currency, when)
                    .isEqualTo(receivable.getOrDefault(currency, 0L));
            assertThat(coverage.backingMinor()).as("backing of %s as named %s", currency, when)
                    .isEqualTo(fund + cash - fees + coverage.sponsorReceivableMinor());
            assertThat(coverage.counterShortfallMinor()).as("shortfall of %s %s", currency, when)
                    .isEqualTo(Math.max(0, byKind.getOrDefault(LedgerAccountKind.COUNTER_DISCREPANCY, 0L)));
            assertThat(coverage.underBackedByMinor()).as("under-backing of %s %s", currency, when)
                    .isEqualTo(Math.max(0, coverage.inCirculationMinor() - coverage.backingMinor()));
            if (coverage.inCirculationMinor() > 0) {
                assertThat(new BigDecimal(coverage.coverageRatio())).as("coverage of %s %s", currency, when)
                        .isLessThanOrEqualTo(new BigDecimal(Coverage.ratio(fund + cash
                                + coverage.sponsorReceivableMinor(), coverage.inCirculationMinor())));
            }
        });
    }

    // CCAS aid: fundings, grants as earmarked lots, spending at merchants, expiry as time moves on.

    sealed interface AidOperation permits AidFund, AidGrant, AidShop, AidPayAround, AidExpire, AidClose, AidIssue {
    }

    /**
     * The currency's collectivité files a direct issuance of {@code unitsMinor} to a member (of
     * either currency: another's is refused), then, by {@code stage}, its euros come in (1) and its
     * line is issued (2), twice for good measure; stage 3 funds and issues every issuance left.
     */
    record AidIssue(int currency, int account, long unitsMinor, int stage) implements AidOperation {
    }

    record AidFund(int currency, long eurosMinor) implements AidOperation {
    }

    record AidGrant(int account, long unitsMinor, int validityDays) implements AidOperation {
    }

    /** A member pays its currency's merchant (ALIMENTATION) a share of what it holds. */
    record AidShop(int account, long percent) implements AidOperation {
    }

    /** A member pays another (free units only: never to a merchant). */
    record AidPayAround(int from, int to, long amountMinor) implements AidOperation {
    }

    /** The clock moves on by so many days and the expiry runs over every account. */
    record AidExpire(int days) implements AidOperation {
    }

    record AidClose(int currency) implements AidOperation {
    }

    /** Bou'Sol's programme is for food (its merchant's filière), la Roue's for culture (not its merchant's). */
    private static final String[] PROGRAM_FILIERE = {"ALIMENTATION", "LOISIRS_CULTURE"};

    private static AidProgramId program(int currency) {
        return AidProgramId.of("prog-" + currency);
    }

    private static int currencyIndex(int account) {
        return ACCOUNT_CURRENCY[account] == COUNTER_CURRENCY[0] ? 0 : 1;
    }

    @Provide
    Arbitrary<List<AidOperation>> aidDays() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNT_CURRENCY.length - 1);
        Arbitrary<Integer> currency = Arbitraries.integers().between(0, COUNTER_CURRENCY.length - 1);
        return Arbitraries.<AidOperation>frequencyOf(
                        Tuple.of(4, Combinators.combine(currency, Arbitraries.longs().between(1, 5_000))
                                .as(AidFund::new)),
                        Tuple.of(10, Combinators.combine(account, Arbitraries.longs().between(1, 3_000),
                                Arbitraries.integers().between(1, 60)).as(AidGrant::new)),
                        Tuple.of(8, Combinators.combine(account, Arbitraries.longs().between(1, 100))
                                .as(AidShop::new)),
                        Tuple.of(8, Combinators.combine(account, account, Arbitraries.longs().between(1, 3_000))
                                .as(AidPayAround::new)),
                        Tuple.of(3, Arbitraries.integers().between(1, 40).map(AidExpire::new)),
                        Tuple.of(1, currency.map(AidClose::new)),
                        Tuple.of(5, Combinators.combine(currency, account, Arbitraries.longs().between(1, 3_000),
                                Arbitraries.integers().between(0, 3)).as(AidIssue::new)))
                .list().ofMinSize(20).ofMaxSize(50);
    }

    /** Who funds the first currency's programme; the second's is the next kind (any funder runs one, #21). */
    @Provide
    Arbitrary<ParticipantKind> funderKinds() {
        return Arbitraries.of(org.mlc.ledger.aid.Funders.KINDS);
    }

    private static ParticipantKind funderOf(int currency, ParticipantKind first) {
        List<ParticipantKind> kinds = List.copyOf(org.mlc.ledger.aid.Funders.KINDS);
        return kinds.get((kinds.indexOf(first) + currency) % kinds.size());
    }

    @Property(tries = 30, seed = FIXED_SEED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void aidStaysBackedAndEveryLotAddsUpAfterEveryOperation(@ForAll("aidDays") List<AidOperation> operations,
                                                            @ForAll("funderKinds") ParticipantKind funderKind) {
        List<String> outcomes = new ArrayList<>();
        try (InMemoryLedger ledger = InMemoryLedger.startWithTransferSaga()) {
            ledger.defineBousol();
            ledger.defineLaRoue();
            for (int i = 0; i < ACCOUNT_CURRENCY.length; i++) {
                ledger.registerMember(ParticipantId.of("p-" + i), Run.account(i), ACCOUNT_CURRENCY[i]);
            }
            for (int c = 0; c < COUNTER_CURRENCY.length; c++) {
                ledger.defineCounter(Run.counter(c), COUNTER_CURRENCY[c]);
                ledger.register(ParticipantId.of("p-merchant-" + c), ParticipantKind.MERCHANT, merchantAccount(c),
                        COUNTER_CURRENCY[c], "ALIMENTATION");
                ledger.register(ParticipantId.of("p-ccas-" + c), funderOf(c, funderKind),
                        AccountId.of("acc-ccas-" + c), COUNTER_CURRENCY[c], null);
                ledger.register(ParticipantId.of("p-city-" + c), ParticipantKind.COLLECTIVITE,
                        AccountId.of("acc-city-" + c), COUNTER_CURRENCY[c], null);
                int currency = c;
                // a member funds nothing: refused before anything is recorded
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.send(new CreateAidProgram(
                        program(currency), ParticipantId.of("p-0"), Run.account(0), ACCOUNT_CURRENCY[0], "Aide",
                        List.of(PROGRAM_FILIERE[currency]), 30, null, T0))).isInstanceOf(DomainException.class);
                ledger.send(new CreateAidProgram(program(c), ParticipantId.of("p-ccas-" + c),
                        AccountId.of("acc-ccas-" + c), COUNTER_CURRENCY[c], "Aide", List.of(PROGRAM_FILIERE[c]), 30,
                        null, T0));
            }
            // members hold some free units too, bought at their counter
            for (int i = 0; i < ACCOUNT_CURRENCY.length; i++) {
                ledger.send(new ConvertEuros(Run.counter(currencyIndex(i)), ConversionId.of("c-start-" + i),
                        Run.account(i), 1_000, PaidBy.CASH, Payout.ACCOUNT, T0));
            }
            Instant now = T0;
            for (int index = 0; index < operations.size(); index++) {
                AidOperation operation = operations.get(index);
                if (operation instanceof AidExpire e) {
                    now = now.plus(java.time.Duration.ofDays(e.days()));
                }
                String outcome = executeAidOperation(ledger, operation, index, now);
                outcomes.add(outcome);
                String when = "after " + index + " " + operation + " (" + outcome + ")";
                List<Object> events = ledger.allEvents();
                assertBalancedAndBacked(events, when);
                assertCoverageAsNamed(events, when);
                assertLotsAddUp(ledger, events, when);
            }
        }
        // a payment refused for its earmarks, whether to the merchant or to another member
        outcomes.forEach(outcome -> Statistics.label("aid outcomes").collect(
                outcome.endsWith(":earmark-not-allowed") ? "earmark-not-allowed" : outcome));
        Statistics.label("aid outcomes").coverage(coverage -> {
            for (String outcome : List.of("fund:done", "grant:done", "grant:insufficient-programme-funds",
                    "shop:done", "earmark-not-allowed", "pay:done", "expire:done", "close:done", "issue:filed",
                    "issue:funded", "issue:done", "issue:currency-mismatch")) {
                coverage.check(outcome).count(n -> n > 0);
            }
        });
    }

    private static String executeAidOperation(InMemoryLedger ledger, AidOperation operation, int index, Instant now) {
        String kind;
        Object command;
        if (operation instanceof AidIssue i) {
            return executeIssue(ledger, i, index, now);
        }
        if (operation instanceof AidFund f) {
            FundingId funding = FundingId.of("f-" + index);
            try {
                ledger.send(new AnnounceAidFunding(program(f.currency()), funding, f.eurosMinor(), null, now));
                ledger.send(new ConfirmAidFunding(program(f.currency()), funding, "bank-" + index, now));
                return "fund:done";
            } catch (DomainException refused) {
                return "fund:" + refused.code();
            }
        } else if (operation instanceof AidGrant g) {
            kind = "grant";
            command = new GrantAid(program(currencyIndex(g.account())), GrantId.of("g-" + index),
                    ParticipantId.of("p-" + g.account()), Run.account(g.account()), g.unitsMinor(),
                    LocalDate.ofInstant(now, CivilDay.ZONE).plusDays(g.validityDays()), now);
        } else if (operation instanceof AidShop s) {
            kind = "shop";
            long amountMinor = ledger.inspect(Account.class, Run.account(s.account()).value(), Account::balanceMinor)
                    * s.percent() / 100;
            if (amountMinor == 0) {
                return "shop:empty";
            }
            command = new MakePayment(ACCOUNT_CURRENCY[s.account()], Run.transfer(index), Run.account(s.account()),
                    merchantAccount(currencyIndex(s.account())), amountMinor, null, null, now);
        } else if (operation instanceof AidPayAround p) {
            kind = "pay";
            command = new MakePayment(ACCOUNT_CURRENCY[p.from()], Run.transfer(index), Run.account(p.from()),
                    Run.account(p.to()), p.amountMinor(), null, null, now);
        } else if (operation instanceof AidExpire) {
            long lots = 0;
            for (int i = 0; i < ACCOUNT_CURRENCY.length; i++) {
                Expiry expiry = ledger.send(new ExpireEarmarks(Run.account(i),
                        LocalDate.ofInstant(now, CivilDay.ZONE), now));
                lots += expiry.lots();
                // what has expired is gone: a second run returns nothing
                Expiry again = ledger.send(new ExpireEarmarks(Run.account(i),
                        LocalDate.ofInstant(now, CivilDay.ZONE), now));
                assertThat(again.lots()).as("a second expiry run of account %d", i).isZero();
            }
            return lots > 0 ? "expire:done" : "expire:nothing";
        } else {
            AidClose c = (AidClose) operation;
            kind = "close";
            command = new CloseAidProgram(program(c.currency()), ReconversionId.of("close-" + index), now);
        }
        try {
            ledger.send(command);
            return kind + ":done";
        } catch (DomainException refused) {
            return kind + ":" + refused.code();
        } catch (RuntimeException e) {
            return fail("operation " + index + " " + operation + " failed unexpectedly", e);
        }
    }

    /** Files, funds and issues direct issuances as {@link AidIssue} says; what the ledger answered. */
    private static String executeIssue(InMemoryLedger ledger, AidIssue issue, int index, Instant now) {
        List<IssuanceId> toIssue = new ArrayList<>();
        if (issue.stage() == 3) {
            for (Object event : ledger.allEvents()) {
                if (event instanceof IssuanceFiled filed) {
                    toIssue.add(filed.issuanceId());
                }
            }
        } else {
            IssuanceId id = IssuanceId.of("iss-" + index);
            try {
                ledger.send(new FileIssuance(id, COUNTER_CURRENCY[issue.currency()],
                        ParticipantId.of("p-city-" + issue.currency()), AccountId.of("acc-city-" + issue.currency()),
                        "indemnités " + index, List.of(new IssuanceLine("l", ParticipantId.of("p-" + issue.account()),
                                Run.account(issue.account()), issue.unitsMinor(), null)), "admin", now));
            } catch (DomainException refused) {
                return "issue:" + refused.code();
            }
            if (issue.stage() == 0) {
                return "issue:filed";
            }
            toIssue.add(id);
        }
        int issued = 0;
        for (IssuanceId id : toIssue) {
            if (ledger.inspect(Issuance.class, id.value(), Issuance::status) != Issuance.Status.FUNDED) {
                ledger.send(new ConfirmIssuanceFunds(id, "bank-" + index, "admin", now));
            }
            if (issue.stage() == 1) {
                return "issue:funded";
            }
            for (int twice = 0; twice < 2; twice++) {
                List<IssuanceLineResult> results = ledger.send(new IssueIssuanceLines(id,
                        ledger.inspect(Issuance.class, id.value(), Issuance::keys), now));
                issued += (int) results.stream().filter(r -> r.outcome().equals(IssuanceLineResult.ISSUED)).count();
                if (twice == 1) {
                    assertThat(results).extracting(IssuanceLineResult::outcome)
                            .doesNotContain(IssuanceLineResult.ISSUED);
                }
            }
        }
        return issued > 0 ? "issue:done" : "issue:nothing";
    }

    /**
     * Each account's lots are what its grants gave less what its payments drew and its expiries
     * returned, as the events tell; never more than its balance; and no lot outlives its expiry
     * once the expiry ran. Each programme holds what was funded less what was granted, plus what
     * came back, less what was closed out.
     */
    private static void assertLotsAddUp(InMemoryLedger ledger, List<Object> events, String when) {
        for (int i = 0; i < ACCOUNT_CURRENCY.length; i++) {
            AccountId account = Run.account(i);
            long granted = events.stream().filter(e -> e instanceof EarmarkedLotReceived r && r.accountId().equals(account))
                    .mapToLong(e -> ((EarmarkedLotReceived) e).unitsMinor()).sum();
            long drawn = events.stream().filter(e -> e instanceof EarmarkedUnitsSpent s && s.accountId().equals(account))
                    .mapToLong(e -> ((EarmarkedUnitsSpent) e).totalMinor()).sum();
            long expired = events.stream().filter(e -> e instanceof EarmarkExpired x && x.accountId().equals(account))
                    .mapToLong(e -> ((EarmarkExpired) e).unitsMinor()).sum();
            long earmarked = ledger.inspect(Account.class, account.value(), Account::earmarkedMinor);
            long balance = ledger.inspect(Account.class, account.value(), Account::balanceMinor);
            assertThat(earmarked).as("lots of account %d %s", i, when).isEqualTo(granted - drawn - expired);
            assertThat(earmarked).as("lots of account %d within its balance %s", i, when).isLessThanOrEqualTo(balance);
            assertThat(netOf(events, LedgerAccount.of(ACCOUNT_CURRENCY[i].value(), LedgerAccountKind.PARTICIPANT,
                    account.value()))).as("postings of account %d %s", i, when).isEqualTo(balance);
        }
        for (int c = 0; c < COUNTER_CURRENCY.length; c++) {
            AidProgramId id = program(c);
            long funded = events.stream().filter(e -> e instanceof AidFundingReceived f && f.programId().equals(id))
                    .mapToLong(e -> ((AidFundingReceived) e).eurosMinor()).sum();
            long granted = events.stream().filter(e -> e instanceof AidGranted g && g.programId().equals(id))
                    .mapToLong(e -> ((AidGranted) e).unitsMinor()).sum();
            long returned = events.stream().filter(e -> e instanceof ExpiredUnitsReturned r && r.programId().equals(id))
                    .mapToLong(e -> ((ExpiredUnitsReturned) e).unitsMinor()).sum();
            long closed = events.stream().filter(e -> e instanceof AidProgramClosed x && x.programId().equals(id))
                    .mapToLong(e -> ((AidProgramClosed) e).unitsMinor()).sum();
            long holds = ledger.inspect(AidProgram.class, id.value(), AidProgram::balanceMinor);
            assertThat(holds).as("programme %d %s", c, when).isEqualTo(funded - granted + returned - closed);
            assertThat(netOf(events, LedgerAccount.of(COUNTER_CURRENCY[c].value(), LedgerAccountKind.AID_PROGRAM,
                    id.value()))).as("postings of programme %d %s", c, when).isEqualTo(holds);
        }
    }
}
