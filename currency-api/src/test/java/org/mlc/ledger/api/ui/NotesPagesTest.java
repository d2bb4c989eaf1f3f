package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.ui.PageSecurityTest.Session;

/** The association prints a series and sends notes to a counter from its notes page; the agent sees them by series. */
class NotesPagesTest extends IntegrationTest {

    @Test
    void theAssociationPrintsASeriesAndSendsNotesToACounterWhoseAgentSeesThemBySeries() throws Exception {
        String code = ledger.currency("1", "1");
        String counter = ledger.counter(code);
        User admin = ledger.user("ADMIN", null, null);
        Session session = Session.signIn("http://localhost:" + port, admin.username(), admin.password());
        String key = UUID.randomUUID().toString();

        HttpResponse<String> printed = session.post("/association/notes/series", Map.of("currency", code,
                "series", "2026-p", "validUntil", "", "n10", "100", "n50", "20", "key", key + "-1"), session.csrf);
        assertThat(printed.statusCode()).as(printed.body()).isEqualTo(302);
        String seriesId = code + "-2026-P";
        HttpResponse<String> tooMany = session.post("/association/notes/dispatch", Map.of("currency", code,
                "seriesId", seriesId, "counter", counter, "n10", "101", "key", key + "-2"), session.csrf);
        assertThat(tooMany.statusCode()).isEqualTo(200);
        assertThat(tooMany.body()).contains("id=\"problem\"").contains("data-code=\"vault-short\"");
        HttpResponse<String> sent = session.post("/association/notes/dispatch", Map.of("currency", code,
                "seriesId", seriesId, "counter", counter, "n10", "10", "key", key + "-3"), session.csrf);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

        String page = session.get("/association/notes?currency=" + code).body();
        assertThat(page).contains("2026-P").contains("Réserve").contains("juste").doesNotContain("écart");
        Api.Response inventory = api.get("/api/v1/currencies/" + code + "/notes");
        assertThat(inventory.json().path("series").get(0).path("denominations").get(0).path("vault").asLong())
                .isEqualTo(90);

        User agent = ledger.user("COUNTER_AGENT", null, counter);
        Session atCounter = Session.signIn("http://localhost:" + port, agent.username(), agent.password());
        String stock = atCounter.get("/counter/note-series").body();
        assertThat(stock).contains("2026-P").contains("Billets du comptoir par série");
    }
}
