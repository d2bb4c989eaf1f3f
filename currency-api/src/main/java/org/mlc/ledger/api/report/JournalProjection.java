package org.mlc.ledger.api.report;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.infrastructure.BatchBuffer;
import org.mlc.ledger.api.infrastructure.GlobalIndex;
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
        List<Object[]> rows = new ArrayList<>();
        int line = 0;
        for (Posting posting : postings.lines()) {
            var account = posting.account();
            rows.add(new Object[]{index, ++line, event.at().toString(), event.getClass().getSimpleName(),
                    operationId, account.code(), account.book().name(), account.currency(), account.kind().name(),
                    account.id(), posting.amountMinor()});
        }
        BatchBuffer.add(ROWS, () -> new Rows(jdbc), buffer -> buffer.rows.addAll(rows));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM journal_entry");
    }

    /**
     * The journal lines of one processor batch, inserted in one statement: a JDBC batch is still
     * one execution per row for PostgreSQL, and those executions were most of a replay's wait (JFR).
     */
    private static final class Rows implements BatchBuffer {

        /** Columns of a row, in the order of the insert; booked_at as ISO-8601 in UTC. */
        private static final String[] TYPES = {"bigint", "int", "varchar", "varchar", "varchar", "varchar", "varchar",
                "varchar", "varchar", "varchar", "bigint"};

        private final JdbcTemplate jdbc;
        private final List<Object[]> rows = new ArrayList<>();

        Rows(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void flush() {
            if (rows.isEmpty()) {
                return;
            }
            Object[][] columns = new Object[TYPES.length][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                for (int c = 0; c < TYPES.length; c++) {
                    columns[c][r] = row[c];
                }
            }
            jdbc.update(con -> {
                PreparedStatement statement = con.prepareStatement("INSERT INTO journal_entry (global_index, line, "
                        + "booked_at, event_type, operation_id, ledger_account, book, currency, kind, account_ref, "
                        + "amount_minor) SELECT * FROM unnest(?::bigint[], ?::int[], ?::timestamptz[], ?::varchar[], "
                        + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
                        + "?::bigint[]) ON CONFLICT (global_index, line) DO NOTHING");
                for (int c = 0; c < TYPES.length; c++) {
                    statement.setArray(c + 1, con.createArrayOf(TYPES[c], columns[c]));
                }
                return statement;
            });
            rows.clear();
        }
    }
}
