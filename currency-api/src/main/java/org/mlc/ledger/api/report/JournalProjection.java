package org.mlc.ledger.api.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.infrastructure.BatchBuffer;
import org.mlc.ledger.api.infrastructure.GlobalIndex;
import org.mlc.ledger.api.infrastructure.Unnest;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.ledger.ValueMovement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every posting of every value-moving event, as the accounting journal (FEC export, indicators
 * over time). It books any {@link ValueMovement}, under the operation id its statement lines
 * carry, so the capabilities added later are journaled without touching this class.
 */
@Component
@ProcessingGroup(Projections.REPORTS)
class JournalProjection {


    /** The journal lines of the batch being handled, as a resource of its unit of work. */
    private static final String ROWS = JournalProjection.class.getName() + ".rows";

    private final JdbcTemplate jdbc;
    private final GlobalIndex globalIndex;

    public JournalProjection(JdbcTemplate jdbc, GlobalIndex globalIndex) {
        this.jdbc = jdbc;
        this.globalIndex = globalIndex;
    }

    @EventHandler
    void on(ValueMovement event, EventMessage<?> message) {
        Postings postings = event.postings();
        if (postings == null) {
            return;
        }
        String operationId = event.entryLabel().operationId();
        long index = globalIndex.of(message);
        List<Row> rows = new ArrayList<>();
        int line = 0;
        for (Posting posting : postings.lines()) {
            var account = posting.account();
            rows.add(new Row(index, ++line, event.at(), event.getClass().getSimpleName(), operationId,
                    account.code(), account.book().name(), account.currency(), account.kind().name(), account.id(),
                    posting.amountMinor()));
        }
        BatchBuffer.add(ROWS, () -> new Rows(jdbc), buffer -> buffer.rows.addAll(rows));
    }

    @ResetHandler
    void reset() {
        // TRUNCATE, not DELETE: deleted rows stay in the indexes until vacuumed, and a replay's
        // inserts of the same keys were each checked against them (inserting this table's rows
        // again took 25-45 % longer after a DELETE than after a TRUNCATE, docs/performance.md)
        jdbc.update("TRUNCATE journal_entry");
    }

    /** A journal line, as inserted. */
    private record Row(long globalIndex, int line, Instant bookedAt, String eventType, String operationId,
                       String ledgerAccount, String book, String currency, String kind, String accountRef,
                       long amountMinor) {
    }

    /**
     * The journal lines of one processor batch, inserted in one statement: a JDBC batch is still
     * one execution per row for PostgreSQL, and those executions were most of a replay's wait (JFR).
     */
    private static final class Rows implements BatchBuffer {

        private final JdbcTemplate jdbc;
        private final List<Row> rows = new ArrayList<>();

        Rows(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void flush() {
            if (rows.isEmpty()) {
                return;
            }
            jdbc.update(Unnest.statement("INSERT INTO journal_entry (global_index, line, booked_at, event_type, "
                            + "operation_id, ledger_account, book, currency, kind, account_ref, amount_minor) "
                            + "SELECT * FROM " + Unnest.ROWS + " ON CONFLICT (global_index, line) DO NOTHING",
                    Unnest.bigint(rows, Row::globalIndex), Unnest.integer(rows, Row::line),
                    Unnest.timestamptz(rows, Row::bookedAt), Unnest.varchar(rows, Row::eventType),
                    Unnest.varchar(rows, Row::operationId), Unnest.varchar(rows, Row::ledgerAccount),
                    Unnest.varchar(rows, Row::book), Unnest.varchar(rows, Row::currency),
                    Unnest.varchar(rows, Row::kind), Unnest.varchar(rows, Row::accountRef),
                    Unnest.bigint(rows, Row::amountMinor)));
            rows.clear();
        }
    }
}
