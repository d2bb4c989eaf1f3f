package org.mlc.ledger.api.account;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.mlc.ledger.account.AccountClosed;
import org.mlc.ledger.account.AccountFrozen;
import org.mlc.ledger.account.AccountOpened;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.account.AccountUnfrozen;
import org.mlc.ledger.api.infrastructure.BatchBuffer;
import org.mlc.ledger.api.infrastructure.Unnest;
import org.mlc.ledger.api.infrastructure.GlobalIndex;
import org.mlc.ledger.ledger.EntryLabel;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The books as tables: the balance of every ledger account of both books, and for participant
 * accounts their status, balance and statement lines with running balance.
 */
@Component
@ProcessingGroup(Projections.LEDGER)
class LedgerProjection {


    /** The postings of the batch being handled, as a resource of its unit of work. */
    private static final String BOOKINGS = LedgerProjection.class.getName() + ".bookings";

    private final JdbcTemplate jdbc;
    private final GlobalIndex globalIndex;

    public LedgerProjection(JdbcTemplate jdbc, GlobalIndex globalIndex) {
        this.jdbc = jdbc;
        this.globalIndex = globalIndex;
    }

    @EventHandler
    void on(AccountOpened event) {
        jdbc.update("INSERT INTO account_view (account_id, participant_id, owner_kind, currency, status, floor_minor, "
                        + "balance_minor, entry_count, opened_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?) "
                        + "ON CONFLICT (account_id) DO NOTHING",
                event.accountId().value(), event.owner().value(), event.ownerKind().name(), event.currency().value(),
                AccountStatus.ACTIVE.name(), event.floorMinor(), Timestamp.from(event.openedAt()));
    }

    @EventHandler
    void on(AccountFrozen event) {
        status(event.accountId().value(), AccountStatus.FROZEN);
    }

    @EventHandler
    void on(AccountUnfrozen event) {
        status(event.accountId().value(), AccountStatus.ACTIVE);
    }

    @EventHandler
    void on(AccountClosed event) {
        status(event.accountId().value(), AccountStatus.CLOSED);
    }

    /**
     * Every value-moving event, whatever its type: its postings on the books, and a statement line
     * for each participant account it touches, labelled as the event says.
     */
    @EventHandler
    void on(ValueMovement event, EventMessage<?> message) {
        EntryLabel label = event.entryLabel();
        book(event.postings(), new Line(globalIndex.of(message), event.at(), label.kind(), label.operationId(),
                label.counterparty(), label.reference()));
    }

    @ResetHandler
    void reset() {
        // TRUNCATE, not DELETE: deleted rows stay in the indexes until vacuumed, and a replay's
        // inserts of the same keys were each checked against them (inserting this table's rows
        // again took 25-45 % longer after a DELETE than after a TRUNCATE, docs/performance.md)
        jdbc.update("TRUNCATE account_entry");
        jdbc.update("TRUNCATE account_view");
        jdbc.update("TRUNCATE ledger_balance");
    }

    /** What a statement line says besides its amount. */
    private record Line(long globalIndex, Instant at, String kind, String operationId, String counterparty,
                        String reference) {
    }

    private void book(Postings postings, Line line) {
        BatchBuffer.add(BOOKINGS, () -> new Bookings(jdbc), bookings -> bookings.add(postings, line));
    }

    /** One statement line of a participant account, numbered and given its running balance at the flush. */
    private record Entry(String accountId, long amountMinor, Line line) {
    }

    /** What a ledger account's balance changes by over a batch. */
    private static final class Delta {
        final LedgerAccount account;
        long amountMinor;
        long count;

        Delta(LedgerAccount account) {
            this.account = account;
        }
    }

    /**
     * The postings of one processor batch, booked in a few statements: the balance changes summed
     * per ledger account and per participant account, each applied by one statement, then every
     * statement line inserted in one JDBC batch. Lines are numbered and given their running balance
     * from the account's values after the update, walking back by what the batch added, so they are
     * the lines that booking event by event (in the same order) would have written.
     */
    private static final class Bookings implements BatchBuffer {

        private final JdbcTemplate jdbc;
        private final Map<String, Delta> balances = new HashMap<>();
        private final Map<String, Delta> accounts = new HashMap<>();
        private final List<Entry> entries = new ArrayList<>();

        Bookings(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void add(Postings postings, Line line) {
            for (Posting posting : postings.lines()) {
                var account = posting.account();
                Delta balance = balances.computeIfAbsent(account.code(), code -> new Delta(account));
                balance.amountMinor += posting.amountMinor();
                balance.count++;
                if (account.kind() == LedgerAccountKind.PARTICIPANT) {
                    Delta entryDelta = accounts.computeIfAbsent(account.id(), id -> new Delta(account));
                    entryDelta.amountMinor += posting.amountMinor();
                    entryDelta.count++;
                    entries.add(new Entry(account.id(), posting.amountMinor(), line));
                }
            }
        }

        @Override
        public void flush() {
            if (!balances.isEmpty()) {
                upsertLedgerBalances();
            }
            if (!entries.isEmpty()) {
                insertEntries(updateAccounts());
            }
            balances.clear();
            accounts.clear();
            entries.clear();
        }

        /** One upsert of every ledger account the batch touched, one row each, in key order (no deadlock). */
        private void upsertLedgerBalances() {
            List<String> codes = new ArrayList<>(balances.keySet());
            Collections.sort(codes);
            int size = codes.size();
            String[] books = new String[size];
            String[] currencies = new String[size];
            String[] kinds = new String[size];
            Long[] amounts = new Long[size];
            Long[] counts = new Long[size];
            for (int i = 0; i < size; i++) {
                Delta delta = balances.get(codes.get(i));
                books[i] = delta.account.book().name();
                currencies[i] = delta.account.currency();
                kinds[i] = delta.account.kind().name();
                amounts[i] = delta.amountMinor;
                counts[i] = delta.count;
            }
            jdbc.update(Unnest.statement("INSERT INTO ledger_balance (ledger_account, book, currency, kind, "
                            + "balance_minor, entry_count) SELECT * FROM " + Unnest.ROWS + " ON CONFLICT (ledger_account) "
                            + "DO UPDATE SET balance_minor = ledger_balance.balance_minor + EXCLUDED.balance_minor, "
                            + "entry_count = ledger_balance.entry_count + EXCLUDED.entry_count",
                    Unnest.varchar(codes.toArray(String[]::new)), Unnest.varchar(books), Unnest.varchar(currencies),
                    Unnest.varchar(kinds), Unnest.bigint(amounts), Unnest.bigint(counts)));
        }

        /** One update of every participant account the batch touched, in key order: their values after it. */
        private Map<String, long[]> updateAccounts() {
            List<String> ids = new ArrayList<>(accounts.keySet());
            Collections.sort(ids);
            Long[] amounts = new Long[ids.size()];
            Long[] counts = new Long[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                Delta delta = accounts.get(ids.get(i));
                amounts[i] = delta.amountMinor;
                counts[i] = delta.count;
            }
            Map<String, long[]> after = new HashMap<>();
            jdbc.query(Unnest.statement("UPDATE account_view AS v SET balance_minor = v.balance_minor + d.amount_minor, "
                            + "entry_count = v.entry_count + d.entry_count FROM " + Unnest.ROWS
                            + " AS d(account_id, amount_minor, entry_count) WHERE v.account_id = d.account_id "
                            + "RETURNING v.account_id, v.balance_minor, v.entry_count",
                    Unnest.varchar(ids.toArray(String[]::new)), Unnest.bigint(amounts), Unnest.bigint(counts)),
                    (ResultSet row) -> {
                        after.put(row.getString(1), new long[]{row.getLong(2), row.getLong(3)});
                    });
            for (String id : ids) {
                if (!after.containsKey(id)) {
                    throw new IllegalStateException("account " + id + " has postings but no account_view row");
                }
            }
            return after;
        }

        /**
         * Every statement line of the batch, in one statement: a JDBC batch is still one execution
         * per row for PostgreSQL, and those executions were most of a replay's wait (JFR).
         */
        private void insertEntries(Map<String, long[]> after) {
            // balance and line count of each account before the batch, then moved on line by line
            Map<String, long[]> running = new HashMap<>();
            after.forEach((id, values) -> {
                Delta delta = accounts.get(id);
                running.put(id, new long[]{values[0] - delta.amountMinor, values[1] - delta.count});
            });
            int size = entries.size();
            String[] accountIds = new String[size];
            Long[] lines = new Long[size];
            Long[] globalIndexes = new Long[size];
            String[] bookedAt = new String[size];
            String[] kinds = new String[size];
            String[] operationIds = new String[size];
            String[] counterparties = new String[size];
            String[] references = new String[size];
            Long[] amounts = new Long[size];
            Long[] balancesAfter = new Long[size];
            for (int i = 0; i < size; i++) {
                Entry entry = entries.get(i);
                long[] current = running.get(entry.accountId());
                current[0] += entry.amountMinor();
                current[1]++;
                Line line = entry.line();
                accountIds[i] = entry.accountId();
                lines[i] = current[1];
                globalIndexes[i] = line.globalIndex();
                // ISO-8601 in UTC: the instant itself, whatever the session's time zone
                bookedAt[i] = line.at().toString();
                kinds[i] = line.kind();
                operationIds[i] = line.operationId();
                counterparties[i] = line.counterparty();
                references[i] = line.reference();
                amounts[i] = entry.amountMinor();
                balancesAfter[i] = current[0];
            }
            jdbc.update(Unnest.statement("INSERT INTO account_entry (account_id, line, global_index, booked_at, kind, "
                            + "operation_id, counterparty, reference, amount_minor, balance_after_minor) SELECT * FROM "
                            + Unnest.ROWS,
                    Unnest.varchar(accountIds), Unnest.bigint(lines), Unnest.bigint(globalIndexes),
                    Unnest.timestamptz(bookedAt), Unnest.varchar(kinds), Unnest.varchar(operationIds),
                    Unnest.varchar(counterparties), Unnest.varchar(references), Unnest.bigint(amounts),
                    Unnest.bigint(balancesAfter)));
        }
    }

    private void status(String accountId, AccountStatus status) {
        jdbc.update("UPDATE account_view SET status = ? WHERE account_id = ?", status.name(), accountId);
    }
}
