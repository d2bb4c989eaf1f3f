package org.mlc.ledger.api.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, which also tells {@link GlobalIndex} the global index of every row
 * the processors' streams read: the projections then record it without one query per event.
 */
public class IndexRecordingEventStorageEngine extends JdbcEventStorageEngine {

    private final EventSchema schema;
    private final GlobalIndex globalIndex;

    public IndexRecordingEventStorageEngine(JdbcEventStorageEngine.Builder builder, EventSchema schema,
                                            GlobalIndex globalIndex) {
        super(builder);
        this.schema = schema;
        this.globalIndex = globalIndex;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
        globalIndex.remember(resultSet.getString(schema.eventIdentifierColumn()),
                resultSet.getLong(schema.globalIndexColumn()));
        return data;
    }
}
