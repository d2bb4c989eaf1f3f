package org.mlc.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/**
 * A statement is read newest first on the pages and on request in the API ({@code order=newest});
 * the API's default stays the booking order its clients and CSV readers rely on. Pages are cut
 * from the chosen order, and the date filter applies in both.
 */
class StatementOrderTest extends IntegrationTest {

    private List<Long> lines(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<Long> lines = new ArrayList<>();
        for (JsonNode entry : response.json().get("entries")) {
            lines.add(entry.get("line").asLong());
        }
        return lines;
    }

    @Test
    void theApiAnswersBookingOrderByDefaultAndNewestFirstOnRequestPageByPage() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "50.00");
        Party merchant = ledger.merchant("Boulangerie", currency);
        for (String amount : List.of("1.00", "2.00", "3.00")) {
            assertThat(ledger.pay(member, merchant, amount).status()).isEqualTo(201);
        }
        String entries = "/api/v1/accounts/" + member.accountId() + "/entries";

        assertThat(lines(api.get(entries))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines(api.get(entries + "?order=oldest"))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines(api.get(entries + "?order=newest"))).containsExactly(4L, 3L, 2L, 1L);
        assertThat(lines(api.get(entries + "?order=newest&size=3&page=0"))).containsExactly(4L, 3L, 2L);
        assertThat(lines(api.get(entries + "?order=newest&size=3&page=1"))).containsExactly(1L);
        assertThat(lines(api.get(entries + "?order=newest&from=2000-01-01&to=2000-12-31"))).isEmpty();
        String csv = api.get(entries + "?format=csv&order=newest").text();
        assertThat(csv.indexOf(",-3.00,")).as(csv).isLessThan(csv.indexOf(",-1.00,"));
        Api.Response sideways = api.get(entries + "?order=sideways");
        Api.assertProblem(sideways, 400, "validation");
        assertThat(sideways.get("field")).isEqualTo("order");
    }
}
