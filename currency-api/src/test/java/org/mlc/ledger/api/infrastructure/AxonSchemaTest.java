package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Flyway's Axon tables are the ones Axon's own PostgreSQL generators would create. */
class AxonSchemaTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "saga_entry", "association_value_entry");

    @Autowired
    DataSource dataSource;
    @Autowired
    EventSchema eventSchema;
    @Autowired
    TokenSchema tokenSchema;
    @Autowired
    SagaSqlSchema sagaSqlSchema;

    @Test
    void flywayCreatesTheTablesAxonsGeneratorsWould() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS axon_generated CASCADE");
            connection.createStatement().execute("CREATE SCHEMA axon_generated");
            connection.createStatement().execute("SET search_path TO axon_generated");
            PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, eventSchema).execute();
            PostgresEventTableFactory.INSTANCE.createSnapshotEventTable(connection, eventSchema).execute();
            PostgresTokenTableFactory.INSTANCE.createTable(connection, tokenSchema).execute();
            sagaSqlSchema.sql_createTableSagaEntry(connection).execute();
            sagaSqlSchema.sql_createTableAssocValueEntry(connection).execute();
            connection.createStatement().execute("SET search_path TO public");
        }
        for (String table : TABLES) {
            assertThat(columns("public", table)).as(table).isEqualTo(columns("axon_generated", table));
        }
        jdbc.execute("DROP SCHEMA axon_generated CASCADE");
    }

    @Test
    void payloadsAreByteaNeverLargeObjects() {
        assertThat(jdbc.queryForList("SELECT table_name || '.' || column_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND data_type = 'oid'", String.class)).isEmpty();
    }

    private List<Map<String, Object>> columns(String schema, String table) {
        return jdbc.queryForList("SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? ORDER BY column_name", schema, table);
    }
}
