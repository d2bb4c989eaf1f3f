package org.mlc.ledger.api.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/**
 * Direct issuances through the API: filed by a collectivité for its councillors and associations,
 * nothing issued until the euros are in, then each line issued once, at parity, backed.
 */
public class IssuanceTest extends IntegrationTest {

    private String code;
    private Party city;
    private User cityUser;
    private Party alice;
    private Party bob;
    private Party club;

    @BeforeEach
    void aCityItsCouncillorsAndAClub() {
        // a 20 % bonus on conversions: an issuance never takes it
        code = ledger.currency("10", "12");
        city = ledger.participant("COLLECTIVITE", "Ville", code);
        cityUser = ledger.user("COLLECTIVITE", city.id(), null);
        alice = ledger.participant("MEMBER", "Alice Conseillère", code);
        bob = ledger.participant("MEMBER", "Bob Conseiller", code);
        club = ledger.participant("ASSOCIATION", "Club", code);
    }

    public static String line(String key, String recipient, String units) {
        return """
                {"key":"%s","recipient":"%s","units":"%s","label":"indemnité"}""".formatted(key, recipient, units);
    }

    private Api.Response file(Api as, String funder, List<String> lines, String key) {
        return as.post("/api/v1/currencies/" + code + "/issuances", """
                {"funder":"%s","reference":"Indemnités mars","lines":[%s]}""".formatted(funder,
                String.join(",", lines)), key);
    }

    private Api.Response fileThree() {
        String aliceNumber = api.get("/api/v1/participants/" + alice.id()).get("number");
        return file(cityUser.api(), city.id(), List.of(line("a", aliceNumber, "300.00"), line("b", bob.id(), "300.00"),
                line("c", club.id(), "150.00")), UUID.randomUUID().toString());
    }

    /** Polls the issuance until all its lines are done and the read side shows it. */
    public static Api.Response awaitIssued(Api api, String issuanceId) throws InterruptedException {
        Api.Response response = null;
        for (int i = 0; i < 300; i++) {
            response = api.get("/api/v1/issuances/" + issuanceId);
            if ("ISSUED".equals(response.get("status"))) {
                return response;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("issuance not issued: " + response);
    }

    @Test
    void aFiledIssuanceOwesItsEurosAndIssuesNothingUntilTheyAreIn() {
        Api.Response filed = fileThree();

        assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
        assertThat(filed.get("status")).isEqualTo("AWAITING_FUNDS");
        assertThat(filed.get("euros")).isEqualTo("750.00");
        assertThat(filed.json().path("lines")).hasSize(3);
        assertThat(filed.json().path("lines").get(0).path("recipientName").asText()).isEqualTo("Alice Conseillère");
        assertThat(ledger.balance(alice)).isEqualTo("0.00");
        assertThat(ledger.supply(code).get("guaranteeFund")).isEqualTo("0.00");
    }

    @Test
    void anAdminsConfirmationIssuesEachLineAtParityAndTheUnitsAreBacked() throws Exception {
        String id = fileThree().get("id");

        Api.Response confirmed = api.post("/api/v1/currencies/" + code + "/issuances/" + id + "/confirmation",
                "{\"bankReference\":\"VIR 2026-11-03\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(202);
        Api.Response issued = awaitIssued(cityUser.api(), id);

        assertThat(issued.get("issuedUnits")).isEqualTo("750.00");
        assertThat(issued.json().path("lines").findValuesAsText("status")).containsOnly("ISSUED");
        assertThat(ledger.balance(alice)).isEqualTo("300.00");
        assertThat(ledger.balance(bob)).isEqualTo("300.00");
        assertThat(ledger.balance(club)).isEqualTo("150.00");
        Api.Response supply = ledger.supply(code);
        assertThat(supply.get("guaranteeFund")).isEqualTo("750.00");
        assertThat(supply.get("coverageRatio")).isEqualTo("1.0000");
        books.assertBalanced();
        books.assertBacked(code);
    }

    @Test
    void aSecondConfirmationIsAConflictAndIssuesNothingMore() throws Exception {
        String id = fileThree().get("id");
        api.post("/api/v1/currencies/" + code + "/issuances/" + id + "/confirmation", "{}");
        awaitIssued(api, id);

        Api.Response again = api.post("/api/v1/currencies/" + code + "/issuances/" + id + "/confirmation", "{}");

        assertProblem(again, 409, "already-confirmed");
        assertThat(ledger.balance(alice)).isEqualTo("300.00");
        assertThat(ledger.supply(code).get("guaranteeFund")).isEqualTo("750.00");
    }

    @Test
    void aBankStatementLineWhoseReferenceIsTheIssuanceConfirmsIt() throws Exception {
        String id = fileThree().get("id");

        Api.Response imported = api.postCsv("/api/v1/currencies/" + code + "/bank-statements", """
                date,amount,label,reference
                2026-11-03,750.00,VIREMENT MAIRIE,%s
                """.formatted(id));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("matched").get(0).path("outcome").asText()).isEqualTo("MATCHED_ISSUANCE");
        awaitIssued(api, id);
        assertThat(ledger.balance(bob)).isEqualTo("300.00");
        assertThat(ledger.supply(code).get("coverageRatio")).isEqualTo("1.0000");
        books.assertBalanced();
    }

    @Test
    void resendingTheSameIssuanceCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        List<String> lines = List.of(line("a", alice.id(), "10.00"));

        Api.Response first = file(cityUser.api(), city.id(), lines, key);
        Api.Response again = file(cityUser.api(), city.id(), lines, key);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(cityUser.api().get("/api/v1/reports/issuances").json().path("issuances")).hasSize(1);
    }

    @Test
    void badLinesAreRefusedNamingTheLineAndNothingIsFiled() {
        String other = ledger.currency("1", "1");
        Party stranger = ledger.participant("MEMBER", "Ailleurs", other);
        Party shop = ledger.participant("COLLECTIVITE", "Autre ville", code);
        record Case(String funder, List<String> lines, int status, String field) {
        }
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add(line("k" + i, alice.id(), "1.00"));
        }
        String unknownNumber = code + "-999999";
        List<Case> cases = List.of(
                new Case(city.id(), List.of(line("a", alice.id(), "1.00"), line("b", unknownNumber, "1.00")), 404,
                        "lines[1].recipient"),
                new Case(city.id(), List.of(line("a", stranger.id(), "1.00")), 422, "lines[0].recipient"),
                new Case(city.id(), List.of(line("a", alice.id(), "1.00"), line("a", bob.id(), "1.00")), 400,
                        "lines[1].key"),
                new Case(city.id(), List.of(line("a", alice.id(), "1.001")), 400, "lines[0].units"),
                new Case(city.id(), List.of(line("a", alice.id(), "1.00"), line("b", shop.id(), "1.00")), 422,
                        "lines[1].recipient"),
                new Case(alice.id(), List.of(line("a", bob.id(), "1.00")), 422, "funder"),
                new Case(city.id(), tooMany, 400, "lines"));
        for (Case c : cases) {
            Api.Response refused = file(api, c.funder(), c.lines(), UUID.randomUUID().toString());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(c.status());
            assertThat(refused.get("field")).as(refused.toString()).isEqualTo(c.field());
        }
        assertThat(api.get("/api/v1/reports/issuances?funder=" + city.id()).json().path("issuances")).isEmpty();
        assertThat(api.get("/api/v1/reports/issuances?funder=" + alice.id()).json().path("issuances")).isEmpty();
    }

    @Test
    void aCollectiviteFilesOnlyForItselfAndSeesOnlyItsOwnIssuances() {
        Party otherCity = ledger.participant("COLLECTIVITE", "Autre ville", code);
        String id = fileThree().get("id");
        User otherUser = ledger.user("COLLECTIVITE", otherCity.id(), null);

        assertProblem(file(otherUser.api(), city.id(), List.of(line("a", alice.id(), "1.00")), "k-1"), 404,
                "not-found");
        assertThat(otherUser.api().get("/api/v1/issuances/" + id).status()).isEqualTo(404);
        assertThat(cityUser.api().get("/api/v1/issuances/" + id).status()).isEqualTo(200);
    }
}
