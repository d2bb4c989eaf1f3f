package org.mlc.ledger.api.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Ledger.Party;

/**
 * V21 fills the drawer's movements per means from the events stored before it: on a day of
 * conversions (cash and card), a closing short of cash and a remittance, its statements write the
 * same rows as the projection.
 */
class DrawerHistoryMigrationTest extends IntegrationTest {

    private static final String MIGRATION = "db/migration/V21__counter_closing_corrections.sql";

    @Test
    void theMigrationRebuildsTheDrawerOfEventsStoredBeforeItAsTheProjectionWritesIt() throws IOException {
        String roue = ledger.currency("10", "12");
        String counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Member", roue);
        assertThat(ledger.convert(counter, member, "30.00").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/counters/" + counter + "/conversions", """
                {"participant":"%s","euros":"20.00","paidBy":"CARD","payout":"ACCOUNT"}""".formatted(member.id()))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/counters/" + counter + "/closings", """
                {"countedCash":"28.50","countedCard":"20.00"}""").status()).isEqualTo(201);
        assertThat(ledger.remit(counter, "25.00").status()).isEqualTo(201);
        List<Map<String, Object>> projected = movements(counter);
        assertThat(projected).hasSize(4);

        jdbc.update("DELETE FROM counter_drawer_movement WHERE counter_id = ?", counter);
        for (String statement : backfill()) {
            jdbc.update(statement);
        }

        assertThat(movements(counter)).isEqualTo(projected);
    }

    private List<Map<String, Object>> movements(String counter) {
        return jdbc.queryForList("SELECT movement_id, means, amount_minor, moved_at FROM counter_drawer_movement "
                + "WHERE counter_id = ? ORDER BY movement_id, means", counter);
    }

    /** The migration's INSERT statements (those that read the event store). */
    private static List<String> backfill() throws IOException {
        try (InputStream in = DrawerHistoryMigrationTest.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(sql.split(";")).map(String::strip)
                    .map(s -> s.substring(Math.max(0, s.indexOf("INSERT INTO"))))
                    .filter(s -> s.startsWith("INSERT INTO counter_drawer_movement")).toList();
        }
    }
}
