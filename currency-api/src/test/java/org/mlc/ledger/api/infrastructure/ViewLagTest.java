package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.web.DatabaseFailures;
import org.springframework.beans.factory.annotation.Autowired;

class ViewLagTest extends IntegrationTest {

    /** What a reading of the views' lag asks first, held by the test's lock on the store. */
    private static final String HEAD_QUERY = "SELECT max(global_index) FROM domain_event_entry";

    @Autowired
    private ViewLag viewLag;
    @Autowired
    private DataSource dataSource;

    private final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void writersDoNotQueueBehindTheOneReadingTheDatabase() throws Exception {
        long before = viewLag.behindMillis();
        Future<Long> reading;
        try (Connection holder = storeHeld()) {
            TimeUnit.NANOSECONDS.sleep(ViewLag.READING_TTL_NANOS + TimeUnit.MILLISECONDS.toNanos(5));
            reading = callers.submit(viewLag::behindMillis);
            awaitReading();

            // another writer asking meanwhile is answered the last reading at once
            Future<Long> other = callers.submit(viewLag::behindMillis);
            assertThat(other.get(2, TimeUnit.SECONDS)).isEqualTo(before);
            assertThat(reading).isNotDone();
            holder.rollback();
        }
        assertThat(reading.get(10, TimeUnit.SECONDS)).isNotNegative();
    }

    @Test
    void aWriterWaitsForASlowReadingAndIsToldItsFailureAsTheDatabases() throws Exception {
        viewLag.behindMillis();
        // pg_stat_activity is read from a connection of its own: within one transaction it is a snapshot
        try (Connection holder = storeHeld(); Connection observer = dataSource.getConnection()) {
            observer.setAutoCommit(true);
            List<Integer> alreadyWaiting = backendsWaitingOnTheHead(observer);
            TimeUnit.NANOSECONDS.sleep(ViewLag.MAX_SHARED_READING_AGE_NANOS + TimeUnit.MILLISECONDS.toNanos(20));
            Future<Long> reading = callers.submit(viewLag::behindMillis);
            awaitReading();

            // the last reading is too old to be given: the other writer waits for this one
            Future<Long> other = callers.submit(viewLag::behindMillis);
            TimeUnit.MILLISECONDS.sleep(200);
            assertThat(other).isNotDone();

            // the reading's connection is cut, as when the database goes down
            List<Integer> reader = backendsWaitingOnTheHead(observer);
            reader.removeAll(alreadyWaiting);
            assertThat(reader).as("the reading's backend among %s", activity(observer)).hasSize(1);
            try (var statement = observer.prepareStatement("SELECT pg_terminate_backend(?)")) {
                statement.setInt(1, reader.get(0));
                statement.execute();
            }
            assertThat(DatabaseFailures.classify(failureOf(reading))).contains(DatabaseFailures.UNAVAILABLE);
            assertThat(DatabaseFailures.classify(failureOf(other))).contains(DatabaseFailures.UNAVAILABLE);
            holder.rollback();
        }
        // the failure is not remembered past its reading's time
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> viewLag.behindMillis() >= 0);
    }

    /** A connection of the test holding the event store: the next reading of its head waits for it. */
    private Connection storeHeld() throws SQLException {
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (var statement = holder.createStatement()) {
            statement.execute("LOCK TABLE domain_event_entry IN ACCESS EXCLUSIVE MODE");
        }
        return holder;
    }

    private void awaitReading() {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2)).until(viewLag::readingNow);
    }

    private static List<Integer> backendsWaitingOnTheHead(Connection observer) throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (var statement = observer.prepareStatement("SELECT pid FROM pg_stat_activity WHERE query = ? "
                + "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
            statement.setString(1, HEAD_QUERY);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
        }
        return pids;
    }

    /** What the other backends are doing, for a failure's message. */
    private static List<String> activity(Connection observer) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (var statement = observer.createStatement();
             var found = statement.executeQuery("SELECT pid, state, wait_event_type, wait_event, query "
                     + "FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            while (found.next()) {
                rows.add(found.getInt(1) + " " + found.getString(2) + " " + found.getString(3) + "/"
                        + found.getString(4) + ": " + found.getString(5));
            }
        }
        return rows;
    }

    private static Throwable failureOf(Future<Long> call) throws Exception {
        try {
            call.get(10, TimeUnit.SECONDS);
            throw new AssertionError("no failure");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
