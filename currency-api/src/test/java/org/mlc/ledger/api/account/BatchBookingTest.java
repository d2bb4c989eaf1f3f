package org.mlc.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.infrastructure.ProcessorPositions;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The projections book a whole processor batch at once (one statement per table, not several per
 * event). A replay hands them the store in batches of up to 100 events, so the payments below,
 * stored one after the other, are booked many to a batch, several on the same accounts: the
 * statement lines, running balances, balances, payments and journal must be what booking them one
 * event at a time gives.
 */
class BatchBookingTest extends IntegrationTest {

    private static final int PAYMENTS = 40;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private ProcessorPositions positions;

    @Test
    void replayingManyPaymentsOnTheSameAccountsInOneBatchBooksTheSameLinesAsOneByOne() {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party alice = ledger.fundedMember(currency, counter, "500.00");
        Party bob = ledger.fundedMember(currency, counter, "300.00");
        Party grocer = ledger.merchant("Grocer", currency);
        Party baker = ledger.merchant("Baker", currency);
        awaitCaughtUp(Projections.LEDGER);
        // what each account's statement must say, line by line: its funding, then each payment in order
        Map<String, List<Long>> amounts = new LinkedHashMap<>();
        for (Party party : List.of(alice, bob, grocer, baker)) {
            amounts.put(party.accountId(), new ArrayList<>(jdbc.queryForList("SELECT amount_minor FROM account_entry "
                    + "WHERE account_id = ? ORDER BY line", Long.class, party.accountId())));
        }
        assertThat(amounts.get(alice.accountId())).as("the funding of alice's account").isNotEmpty();
        for (int i = 0; i < PAYMENTS; i++) {
            Party from = switch (i % 4) {
                case 0 -> alice;
                case 1 -> bob;
                case 2 -> grocer;
                default -> alice;
            };
            Party to = i % 4 == 2 || i % 3 == 0 ? baker : grocer;
            // the grocer pays small sums out of what it was paid before
            long minor = from == grocer ? 10 + i : 101 + 37L * i;
            Api.Response payment = ledger.pay(from, to, "%d.%02d".formatted(minor / 100, minor % 100));
            assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
            amounts.get(from.accountId()).add(-minor);
            amounts.get(to.accountId()).add(minor);
        }
        awaitCaughtUp(Projections.LEDGER, Projections.REPORTS);
        amounts.forEach(this::assertStatementIs);
        Map<String, List<Map<String, Object>>> booked = tables(currency);

        replay(Projections.LEDGER);
        replay(Projections.REPORTS);
        awaitCaughtUp(Projections.LEDGER, Projections.REPORTS);

        amounts.forEach(this::assertStatementIs);
        Map<String, List<Map<String, Object>>> replayed = tables(currency);
        booked.forEach((table, rows) -> assertThat(replayed.get(table)).as(table).isEqualTo(rows));
        assertThat(booked.get("account_entry")).hasSize(amounts.values().stream().mapToInt(List::size).sum());
        assertThat(booked.get("transfer_view")).hasSize(PAYMENTS)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("COMPLETED"));
        books.assertBalanced();
        books.assertJournalMatchesBalances(currency);
    }

    /** Lines 1..n in the order of the store, each one's running balance the sum of the amounts so far. */
    private void assertStatementIs(String accountId, List<Long> amounts) {
        List<Map<String, Object>> lines = jdbc.queryForList("SELECT line, amount_minor, balance_after_minor "
                + "FROM account_entry WHERE account_id = ? ORDER BY global_index, line", accountId);
        List<List<Long>> expected = new ArrayList<>();
        long balance = 0;
        for (int i = 0; i < amounts.size(); i++) {
            balance += amounts.get(i);
            expected.add(List.of(i + 1L, amounts.get(i), balance));
        }
        assertThat(lines.stream().map(row -> List.of(((Number) row.get("line")).longValue(),
                ((Number) row.get("amount_minor")).longValue(), ((Number) row.get("balance_after_minor")).longValue()))
                .toList()).as("statement of %s", accountId).isEqualTo(expected);
        Map<String, Object> account = jdbc.queryForMap("SELECT balance_minor, entry_count FROM account_view "
                + "WHERE account_id = ?", accountId);
        assertThat(((Number) account.get("balance_minor")).longValue()).isEqualTo(balance);
        assertThat(((Number) account.get("entry_count")).longValue()).isEqualTo(amounts.size());
        assertThat(jdbc.queryForObject("SELECT balance_minor FROM ledger_balance WHERE kind = 'PARTICIPANT' "
                + "AND ledger_account LIKE ?", Long.class, "%:" + accountId)).isEqualTo(balance);
    }

    /** Every row the ledger and reports projections hold for this currency, in a stable order. */
    private Map<String, List<Map<String, Object>>> tables(String currency) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("ledger_balance", jdbc.queryForList("SELECT * FROM ledger_balance WHERE currency = ? "
                + "ORDER BY ledger_account", currency));
        tables.put("account_view", jdbc.queryForList("SELECT * FROM account_view WHERE currency = ? "
                + "ORDER BY account_id", currency));
        tables.put("account_entry", jdbc.queryForList("SELECT e.* FROM account_entry e JOIN account_view v "
                + "ON v.account_id = e.account_id WHERE v.currency = ? ORDER BY e.account_id, e.line", currency));
        tables.put("transfer_view", jdbc.queryForList("SELECT * FROM transfer_view WHERE currency = ? "
                + "ORDER BY transfer_id", currency));
        tables.put("journal_entry", jdbc.queryForList("SELECT * FROM journal_entry WHERE currency = ? "
                + "ORDER BY global_index, line", currency));
        return tables;
    }

    private void replay(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutdownAsync().join();
        processor.resetTokens();
        processor.start();
    }

    /** Until each processor's stored token (stored with what its batch wrote) has nothing left to handle. */
    private void awaitCaughtUp(String... groups) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            long head = positions.head();
            for (String group : groups) {
                long position = ProcessorPositions.lowestPosition(positions.of(group));
                assertThat(position >= head || !positions.hasWorkBetween(group, position, head))
                        .as("%s at %d of %d", group, position, head).isTrue();
            }
        });
    }
}
