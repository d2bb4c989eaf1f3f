package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.ui.PageSecurityTest.Session;

/** The Z report names its period and who closed it, shows a short reference and is found by it. */
class ZReportPageTest extends IntegrationTest {

    @Test
    void theZReportShowsItsPeriodAndCloserAndIsFoundByItsShortReference() throws Exception {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party member = ledger.participant("MEMBER", "Alice", currency);
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        assertThat(ledger.convert(counter, member, "10.00").status()).isEqualTo(201);
        Api.Response closed = agent.api().post("/api/v1/counters/" + counter + "/closings",
                "{\"countedCash\":\"10.00\",\"countedCard\":\"0.00\",\"countedCheque\":\"0.00\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
        String closingId = closed.get("id");
        String reference = ShortReference.of('Z', closingId);

        Session session = Session.signIn("http://localhost:" + port, agent.username(), agent.password());
        HttpResponse<String> byId = session.get("/counter/z-report?closing=" + closingId);
        assertThat(byId.statusCode()).isEqualTo(200);
        String text = byId.body().replaceAll("<[^>]*>", " ");
        assertThat(text).contains("Référence : " + reference).doesNotContain(closingId)
                .contains("Période du ").contains("clôturée par " + agent.username());
        HttpResponse<String> byReference = session.get("/counter/z-report?closing=" + reference.toLowerCase());
        assertThat(byReference.statusCode()).isEqualTo(200);
        assertThat(byReference.body()).contains("Référence : " + reference);
        String unknown = "Z-ZZZZZZ".equals(reference) ? "Z-000000" : "Z-ZZZZZZ";
        assertThat(session.get("/counter/z-report?closing=" + unknown).statusCode()).isEqualTo(404);
    }
}
