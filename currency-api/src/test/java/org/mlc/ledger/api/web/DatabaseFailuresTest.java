package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseFailuresTest {

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailable() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        assertThat(DatabaseFailures.classify(new CannotCreateTransactionException("no connection", refused)))
                .contains(DatabaseFailures.UNAVAILABLE);
        assertThat(DatabaseFailures.classify(new CannotGetJdbcConnectionException("pool",
                new java.sql.SQLTransientConnectionException("Connection is not available, request timed out"))))
                .contains(DatabaseFailures.UNAVAILABLE);
        // PostgreSQL shutting down under a running statement: 57P01
        assertThat(DatabaseFailures.classify(new EventStoreException("append failed",
                new java.sql.SQLException("terminating connection due to administrator command", "57P01"))))
                .contains(DatabaseFailures.UNAVAILABLE);
    }

    @Test
    void aDatabaseThatRefusesWritesIsReadOnly() {
        java.sql.SQLException readOnly = new java.sql.SQLException("cannot execute INSERT in a read-only transaction",
                "25006");
        assertThat(DatabaseFailures.classify(new EventStoreException("append failed", readOnly)))
                .contains(DatabaseFailures.READ_ONLY);
        assertThat(DatabaseFailures.classify(new RuntimeException(new java.sql.SQLException("could not extend file", "53100"))))
                .contains(DatabaseFailures.READ_ONLY);
    }

    @Test
    void otherFailuresAreNotTheDatabasesAvailability() {
        assertThat(DatabaseFailures.classify(new DataIntegrityViolationException("dup",
                new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION)))).isEmpty();
        assertThat(DatabaseFailures.classify(new IllegalStateException("bug"))).isEmpty();
    }
}
