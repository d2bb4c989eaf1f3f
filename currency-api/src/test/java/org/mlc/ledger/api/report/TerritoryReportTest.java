package org.mlc.ledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.issuance.IssuanceTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/** The territory report: figures per commune, and a collectivité sees its own communes only. */
class TerritoryReportTest extends IntegrationTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Paris")).toString();

    private Party register(String kind, String name, String currency, String commune, String epci) {
        Api.Response response = api.post("/api/v1/participants", """
                {"kind":"%s","name":"%s","currency":"%s","commune":"%s"%s%s}""".formatted(kind, name, currency,
                commune, epci == null ? "" : ",\"epci\":\"" + epci + "\"",
                "MERCHANT".equals(kind) ? ",\"filiere\":\"ALIMENTATION\"" : ""));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Party(response.get("id"), response.get("accountId"));
    }

    private static JsonNode commune(Api.Response report, String commune) {
        for (JsonNode line : report.json().path("communes")) {
            if (line.path("commune").asText().equals(commune)) {
                return line;
            }
        }
        return null;
    }

    @Test
    void eachCommuneShowsItsMembersMerchantsConversionsPaymentsB2bShareAndAidSpent() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party alice = register("MEMBER", "Alice", currency, "69123", "200046977");
        Party bob = register("MEMBER", "Bob", currency, "69266", "200046977");
        Party grocer = register("MERCHANT", "Epicerie", currency, "69123", "200046977");
        Party baker = register("MERCHANT", "Boulangerie", currency, "69266", "200046977");
        Party ccas = register("CCAS", "CCAS", currency, "69123", "200046977");
        assertThat(ledger.convert(counter, alice, "100.00").status()).isEqualTo(201);
        assertThat(ledger.convert(counter, bob, "40.00").status()).isEqualTo(201);
        assertThat(ledger.pay(alice, grocer, "30.00").status()).isEqualTo(201);
        assertThat(ledger.pay(bob, grocer, "10.00").status()).isEqualTo(201);
        assertThat(ledger.pay(grocer, baker, "15.00").status()).isEqualTo(201);
        User ccasUser = ledger.user("CCAS", ccas.id(), null);
        String program = ledger.aidProgram(ccas, currency, "ALIMENTATION");
        ledger.fundAidProgram(program, "50.00");
        assertThat(Ledger.grant(ccasUser.api(), program, bob, "20.00").status()).isEqualTo(201);
        assertThat(ledger.pay(bob, baker, "45.00").status()).isEqualTo(201); // 20.00 of aid, 25.00 of his own

        Api.Response report = api.get("/api/v1/reports/territory?currency=" + currency + "&from=" + TODAY + "&to="
                + TODAY);

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode lyon = commune(report, "69123");
        assertThat(lyon.path("members").asLong()).isEqualTo(1);
        assertThat(lyon.path("merchants").asLong()).isEqualTo(1);
        assertThat(lyon.path("conversionsEuros").asText()).isEqualTo("100.00");
        assertThat(lyon.path("payments").asLong()).isEqualTo(2);
        assertThat(lyon.path("paymentsVolume").asText()).isEqualTo("40.00");
        assertThat(lyon.path("b2bShare").asText()).isEqualTo("0.0000");
        assertThat(lyon.path("aidSpent").asText()).isEqualTo("0.00");
        JsonNode villeurbanne = commune(report, "69266");
        assertThat(villeurbanne.path("conversionsEuros").asText()).isEqualTo("40.00");
        assertThat(villeurbanne.path("payments").asLong()).isEqualTo(2);
        assertThat(villeurbanne.path("paymentsVolume").asText()).isEqualTo("60.00");
        assertThat(villeurbanne.path("b2bShare").asText()).isEqualTo("0.2500");
        assertThat(villeurbanne.path("aidSpent").asText()).isEqualTo("20.00");
        // the programme's own report says the same, commune by commune
        JsonNode programReport = api.get("/api/v1/reports/aid-programs/" + program).json();
        assertThat(programReport.path("spentByCommune")).hasSize(1);
        assertThat(programReport.path("spentByCommune").get(0).path("commune").asText()).isEqualTo("69266");
        assertThat(programReport.path("spentByCommune").get(0).path("units").asText()).isEqualTo("20.00");

        // a day before: nothing happened then, the participants are counted still
        String yesterday = LocalDate.parse(TODAY).minusDays(1).toString();
        JsonNode before = commune(api.get("/api/v1/reports/territory?currency=" + currency + "&from=" + yesterday
                + "&to=" + yesterday), "69123");
        assertThat(before.path("payments").asLong()).isZero();
        assertThat(before.path("members").asLong()).isEqualTo(1);

        Api.Response french = api.get("/api/v1/reports/territory?currency=" + currency + "&from=" + TODAY + "&to="
                + TODAY + "&format=csv&dialect=fr");
        assertThat(french.status()).isEqualTo(200);
        assertThat(french.text()).contains("commune;adhérents;prestataires").contains("69266;1;1;40,00;2;60,00;");
        Api.Response machine = api.get("/api/v1/reports/territory?currency=" + currency + "&from=" + TODAY + "&to="
                + TODAY + "&format=csv");
        assertThat(machine.text()).contains("commune,members,merchants,conversionsEuros,payments,paymentsVolume")
                .contains("69123,1,1,100.00,2,40.00,0.0000,0.00,0.00");
    }

    @Test
    void theUnitsOfADirectIssuanceCountWhereTheyAreSpentUpToWhatWasIssued() throws InterruptedException {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party city = register("COLLECTIVITE", "Ville de Lyon", currency, "69123", null);
        User cityUser = ledger.user("COLLECTIVITE", city.id(), null);
        Party alice = register("MEMBER", "Alice", currency, "69123", null);
        Party grocer = register("MERCHANT", "Epicerie", currency, "69123", null);
        Party baker = register("MERCHANT", "Boulangerie", currency, "69266", null);
        Api.Response filed = cityUser.api().post("/api/v1/currencies/" + currency + "/issuances", """
                {"funder":"%s","reference":"Indemnités","lines":[%s]}""".formatted(city.id(),
                IssuanceTest.line("a", alice.id(), "100.00")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
        api.post("/api/v1/currencies/" + currency + "/issuances/" + filed.get("id") + "/confirmation", "{}");
        IssuanceTest.awaitIssued(api, filed.get("id"));
        assertThat(ledger.convert(counter, alice, "20.00").status()).isEqualTo(201);
        assertThat(ledger.pay(alice, grocer, "30.00").status()).isEqualTo(201);
        assertThat(ledger.pay(alice, baker, "80.00").status()).isEqualTo(201); // 70.00 issued, 10.00 her own

        Api.Response report = api.get("/api/v1/reports/territory?currency=" + currency + "&from=" + TODAY + "&to="
                + TODAY);

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(commune(report, "69123").path("issuanceSpent").asText()).isEqualTo("30.00");
        assertThat(commune(report, "69266").path("issuanceSpent").asText()).isEqualTo("70.00");
        String tomorrow = LocalDate.parse(TODAY).plusDays(1).toString();
        assertThat(commune(api.get("/api/v1/reports/territory?currency=" + currency + "&from=" + tomorrow + "&to="
                + tomorrow), "69266").path("issuanceSpent").asText()).isEqualTo("0.00");
    }

    @Test
    void aCollectiviteSeesItsOwnCommuneAndThoseOfItsEpciOnly() {
        String currency = ledger.currency("1", "1");
        register("MEMBER", "Alice", currency, "69123", "200046977");
        register("MEMBER", "Bob", currency, "69266", "200046977");
        register("MEMBER", "Carla", currency, "62160", "246200364");
        Party lyon = register("COLLECTIVITE", "Ville de Lyon", currency, "69123", null);
        Party metropole = register("COLLECTIVITE", "Métropole", currency, "69123", "200046977");
        User lyonUser = ledger.user("COLLECTIVITE", lyon.id(), null);
        User metropoleUser = ledger.user("COLLECTIVITE", metropole.id(), null);
        String query = "/api/v1/reports/territory?currency=" + currency + "&from=" + TODAY + "&to=" + TODAY;

        Api.Response ownCommune = lyonUser.api().get(query);
        Api.Response ownEpci = metropoleUser.api().get(query);

        assertThat(ownCommune.json().path("communes").findValuesAsText("commune")).containsExactly("69123");
        assertThat(ownEpci.json().path("communes").findValuesAsText("commune")).containsExactly("69123", "69266");
        assertThat(api.get(query).json().path("communes").findValuesAsText("commune"))
                .containsExactly("62160", "69123", "69266");
        String other = ledger.currency("1", "1");
        assertProblem(lyonUser.api().get("/api/v1/reports/territory?currency=" + other + "&from=" + TODAY + "&to="
                + TODAY), 404, "not-found");
    }

    @Test
    void aBadPeriodOrCurrencyIsRefusedNamingTheParameter() {
        String currency = ledger.currency("1", "1");

        Api.Response reversed = api.get("/api/v1/reports/territory?currency=" + currency
                + "&from=2026-02-01&to=2026-01-31");
        Api.Response missing = api.get("/api/v1/reports/territory?currency=" + currency + "&to=2026-01-31");

        assertProblem(reversed, 400, "validation");
        assertThat(reversed.get("field")).isEqualTo("to");
        assertProblem(missing, 400, "validation");
        assertThat(missing.get("field")).isEqualTo("from");
        assertProblem(api.get("/api/v1/reports/territory?currency=NOPE&from=2026-01-01&to=2026-01-31"), 404,
                "not-found");
    }
}
