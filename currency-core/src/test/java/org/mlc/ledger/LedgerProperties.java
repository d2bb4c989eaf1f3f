package org.mlc.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.LAROUE;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.payment.DebitForTransfer;
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

    record Pay(int from, int to, long amountMinor) implements Operation {
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
        Arbitrary<Operation> pay = Combinators.combine(account, account, Arbitraries.longs().between(1, 15_000))
                .as(Pay::new);
        return Arbitraries.<Operation>frequencyOf(
                        Tuple.of(4, convert),
                        Tuple.of(8, pay),
                        Tuple.of(1, account.map(Freeze::new)),
                        Tuple.of(1, account.map(Unfreeze::new)))
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 50)
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

    @Property(tries = 50)
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
                    "pay:credited", "pay:returned", "pay:insufficient-funds", "pay:account-frozen", "pay:validation")) {
                coverage.check(outcome).count(n -> n > 0);
            }
        });
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
            if (frozen[p.from()]) {
                return "pay:account-frozen";
            }
            if (p.from() == p.to()) {
                return "pay:validation";
            }
            if (p.amountMinor() > balances[p.from()]) {
                return "pay:insufficient-funds";
            }
            boolean credited = !frozen[p.to()] && ACCOUNT_CURRENCY[p.from()].equals(ACCOUNT_CURRENCY[p.to()]);
            fates.put(transfer, credited);
            if (credited) {
                balances[p.from()] -= p.amountMinor();
                balances[p.to()] += p.amountMinor();
                return "pay:credited";
            }
            return "pay:returned";
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
            } else if (operation instanceof Pay p) {
                kind = "pay";
                command = new DebitForTransfer(account(p.from()), transfer(index), account(p.to()), p.amountMinor(),
                        null, T0);
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
                boolean credited = ledger.eventsOf(account(p.to()).value()).stream()
                        .anyMatch(e -> e instanceof TransferCredited tc && tc.transferId().equals(transfer(index)));
                return credited ? "pay:credited" : "pay:returned";
            }
            return kind + ":done";
        }
    }
}
