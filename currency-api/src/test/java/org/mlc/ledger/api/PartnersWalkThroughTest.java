package org.mlc.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.issuance.FunderBilanTest;
import org.mlc.ledger.api.issuance.IssuanceTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/**
 * docs/partners.md, step by step: a Lyon-like "Gonette", the city joins the association and pays
 * its councillors' indemnités in the currency by direct issuance, an employer runs an earmarked
 * programme for its staff, and the territory's figures and the city's bilan show it.
 */
class PartnersWalkThroughTest extends IntegrationTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Paris")).toString();

    private Party register(String kind, String name, String currency) {
        Api.Response response = api.post("/api/v1/participants", """
                {"kind":"%s","name":"%s","currency":"%s","commune":"69123"}""".formatted(kind, name, currency));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Party(response.get("id"), response.get("accountId"));
    }

    @Test
    void theCityPaysItsCouncillorsInGonettesBackedEuroForEuroAndFilesItsBilan() throws Exception {
        // 1. the currency, one euro for one Gonette, a collectivité's membership at 50 €
        String gonette = ledger.currency("1", "1");
        Api.Response fees = api.post("/api/v1/currencies/" + gonette + "/membership", """
                {"membershipFee":"3.00","requiredForConversion":false,"feesByKind":{"COLLECTIVITE":"50.00"}}""");
        assertThat(fees.status()).as(fees.toString()).isEqualTo(200);
        String counter = ledger.counter(gonette);

        // 2. the city (commune 69123) joins the association for 50 €
        Party city = register("COLLECTIVITE", "Ville de Lyon", gonette);
        Api.Response joined = api.post("/api/v1/participants/" + city.id() + "/memberships", """
                {"counter":"%s","paidWith":"CHEQUE"}""".formatted(counter));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(joined.get("fee")).isEqualTo("50.00");
        User cityUser = ledger.user("COLLECTIVITE", city.id(), null);

        // 3. it files an issuance of three indemnités of 300.00 Gonettes
        List<Party> councillors = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String name : List.of("Conseillère A", "Conseiller B", "Conseillère C")) {
            Party councillor = register("MEMBER", name, gonette);
            councillors.add(councillor);
            lines.add(IssuanceTest.line("indemnite-" + councillors.size(), councillor.id(), "300.00"));
        }
        Api.Response filed = cityUser.api().post("/api/v1/currencies/" + gonette + "/issuances", """
                {"funder":"%s","reference":"Indemnités de novembre","lines":[%s]}""".formatted(city.id(),
                String.join(",", lines)));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
        assertThat(filed.get("status")).isEqualTo("AWAITING_FUNDS");
        assertThat(filed.get("euros")).isEqualTo("900.00");
        String issuance = filed.get("id");

        // 4. the bank statement line bearing its reference confirms it
        Api.Response statement = api.postCsv("/api/v1/currencies/" + gonette + "/bank-statements", """
                date,amount,label,reference
                %s,900.00,VIREMENT VILLE DE LYON,%s
                """.formatted(TODAY, issuance));
        assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
        assertThat(statement.json().path("matched").get(0).path("outcome").asText()).isEqualTo("MATCHED_ISSUANCE");
        IssuanceTest.awaitIssued(cityUser.api(), issuance);

        // 5. each councillor holds 300.00, no bonus anywhere, every unit backed
        for (Party councillor : councillors) {
            assertThat(ledger.balance(councillor)).isEqualTo("300.00");
        }
        Api.Response supply = ledger.supply(gonette);
        assertThat(supply.get("guaranteeFund")).isEqualTo("900.00");
        assertThat(supply.get("coverageRatio")).isEqualTo("1.0000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%BonusDrawn'"
                + " AND convert_from(payload, 'UTF8') LIKE ?", Long.class, "%" + gonette + "%")).isZero();
        books.assertBalanced();
        books.assertBacked(gonette);

        // 6. an employer runs an earmarked "transition énergétique" programme for its staff
        Party employer = register("EMPLOYER", "Entreprise du Rhône", gonette);
        User employerUser = ledger.user("EMPLOYER", employer.id(), null);
        Api.Response programme = employerUser.api().post("/api/v1/aid-programs", """
                {"funder":"%s","currency":"%s","name":"Transition énergétique",
                 "filieres":["MOBILITE_DOUCE","HABITAT_DURABLE"],"validityDays":365}""".formatted(employer.id(),
                gonette));
        assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
        assertThat(programme.get("name")).isEqualTo("Transition énergétique");

        // 7. the territory report and the city's issuance report show the figures
        Api.Response territory = cityUser.api().get("/api/v1/reports/territory?currency=" + gonette + "&from="
                + TODAY + "&to=" + TODAY);
        assertThat(territory.status()).as(territory.toString()).isEqualTo(200);
        JsonNode lyon = null;
        for (JsonNode line : territory.json().path("communes")) {
            if (line.path("commune").asText().equals("69123")) {
                lyon = line;
            }
        }
        assertThat(lyon).as(territory.toString()).isNotNull();
        assertThat(lyon.path("members").asLong()).isEqualTo(3);
        Api.Response report = cityUser.api().get("/api/v1/reports/issuances?from=" + TODAY + "&to=" + TODAY);
        assertThat(report.get("recipients")).isEqualTo("3");
        assertThat(report.get("unitsIssued")).isEqualTo("900.00");

        // 8. the PDF bilan opens, with the city's name and figures
        HttpResponse<byte[]> bilan = FunderBilanTest.pdf(port, cityUser.username(), cityUser.password(),
                "/api/v1/reports/funders/" + city.id() + "/bilan.pdf?from=" + TODAY + "&to=" + TODAY);
        assertThat(bilan.statusCode()).isEqualTo(200);
        assertThat(FunderBilanTest.text(bilan.body())).contains("Bilan de Ville de Lyon", "Indemnités de novembre",
                "900,00");
    }
}
