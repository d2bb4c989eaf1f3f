package org.mlc.ledger.api.report;

import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.infrastructure.BatchBuffer;
import org.mlc.ledger.api.infrastructure.GlobalIndex;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.ledger.Postings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every posting of every value-moving event, as the accounting journal (FEC export, indicators
 * over time). It books any event record that has a {@code Postings postings} and an
 * {@code Instant at} component, so the capabilities added later are journaled without touching
 * this class.
 */
@Component
@ProcessingGroup(JournalProjection.GROUP)
public class JournalProjection {

    public static final String GROUP = "reports";

    /** Components that name an account or a place, not the business operation itself. */
    private static final Set<String> NOT_OPERATION_IDS = Set.of("accountId", "counterId", "participantId", "from",
            "to", "currency");

    /** The journal lines of the batch being handled, as a resource of its unit of work. */
    private static final String ROWS = JournalProjection.class.getName() + ".rows";

    private final JdbcTemplate jdbc;
    private final GlobalIndex globalIndex;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    public JournalProjection(JdbcTemplate jdbc, GlobalIndex globalIndex) {
        this.jdbc = jdbc;
        this.globalIndex = globalIndex;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        Shape shape = shapes.computeIfAbsent(event.getClass(), Shape::of);
        if (shape.postings == null) {
            return;
        }
        Postings postings = (Postings) shape.read(shape.postings, event);
        if (postings == null) {
            return;
        }
        Instant at = shape.at == null ? message.getTimestamp() : (Instant) shape.read(shape.at, event);
        String operationId = shape.operationId == null ? message.getIdentifier()
                : String.valueOf(shape.read(shape.operationId, event));
        long index = globalIndex.of(message);
        List<Object[]> rows = new ArrayList<>();
        int line = 0;
        for (Posting posting : postings.lines()) {
            var account = posting.account();
            rows.add(new Object[]{index, ++line, Timestamp.from(at), event.getClass().getSimpleName(),
                    operationId, account.code(), account.book().name(), account.currency(), account.kind().name(),
                    account.id(), posting.amountMinor()});
        }
        BatchBuffer.add(ROWS, () -> new Rows(jdbc), buffer -> buffer.rows.addAll(rows));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM journal_entry");
    }

    /** The journal lines of one processor batch, inserted in one JDBC batch. */
    private static final class Rows implements BatchBuffer {

        private final JdbcTemplate jdbc;
        private final List<Object[]> rows = new ArrayList<>();

        Rows(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void flush() {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO journal_entry (global_index, line, booked_at, event_type, operation_id, "
                        + "ledger_account, book, currency, kind, account_ref, amount_minor) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (global_index, line) DO NOTHING", rows);
                rows.clear();
            }
        }
    }

    /** Where an event type keeps its postings, time and operation id (looked up once per type). */
    private record Shape(RecordComponent postings, RecordComponent at, RecordComponent operationId) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                return new Shape(null, null, null);
            }
            RecordComponent postings = null;
            RecordComponent at = null;
            RecordComponent operationId = null;
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == Postings.class) {
                    postings = component;
                } else if (component.getName().equals("at") && component.getType() == Instant.class) {
                    at = component;
                } else if (operationId == null && component.getName().endsWith("Id")
                        && !NOT_OPERATION_IDS.contains(component.getName())) {
                    operationId = component;
                }
            }
            return new Shape(postings, at, operationId);
        }

        Object read(RecordComponent component, Object event) {
            try {
                // typed ids print as their value
                return component.getAccessor().invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component + " of " + event.getClass(), e);
            }
        }
    }
}
