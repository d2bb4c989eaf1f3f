package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class ViewLagTest extends IntegrationTest {

    @Autowired
    private ViewLag viewLag;
    @Autowired
    private DataSource dataSource;

    @Test
    void writersDoNotQueueBehindTheOneReadingTheDatabase() throws Exception {
        long before = viewLag.behindMillis();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        Future<Long> reading;
        // the store held by a transaction of the test: the next reading of its head waits for it
        Connection holder = dataSource.getConnection();
        try {
            holder.setAutoCommit(false);
            try (var statement = holder.createStatement()) {
                statement.execute("LOCK TABLE domain_event_entry IN ACCESS EXCLUSIVE MODE");
            }
            TimeUnit.NANOSECONDS.sleep(ViewLag.READING_TTL_NANOS + TimeUnit.MILLISECONDS.toNanos(5));
            reading = callers.submit(viewLag::behindMillis);
            await().atMost(Duration.ofSeconds(5)).until(viewLag::readingNow);
            TimeUnit.MILLISECONDS.sleep(100);
            assertThat(reading).isNotDone();

            // another writer asking meanwhile is answered the last reading at once
            Future<Long> other = callers.submit(viewLag::behindMillis);
            assertThat(other.get(2, TimeUnit.SECONDS)).isEqualTo(before);
            assertThat(reading).isNotDone();
        } finally {
            holder.rollback();
            holder.close();
        }
        assertThat(reading.get(10, TimeUnit.SECONDS)).isNotNegative();
        callers.shutdown();
    }
}
