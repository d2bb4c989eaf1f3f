package org.mlc.ledger.api.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/**
 * Bulk grants and their bad input: the good lines are granted, each bad one is reported with why,
 * nothing is half-applied, and a file sent again grants nothing twice. Also the single grant's
 * refusals and a collectivité's bulk payments.
 */
class AidBulkGrantsTest extends IntegrationTest {

    /** Polls the job until it is finished and the read side shows it; its last view. */
    static JsonNode finished(Api api, String path) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            if ("FINISHED".equals(response.get("status")) && "true".equals(response.get("caughtUp"))) {
                return response.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + path + " did not finish (and show) in 60 s");
    }

    private static Map<Integer, JsonNode> byLine(JsonNode job) {
        Map<Integer, JsonNode> lines = new HashMap<>();
        job.get("lines").forEach(line -> lines.put(line.get("line").asInt(), line));
        return lines;
    }

    @Test
    void aBulkFileGrantsItsGoodLinesReportsTheBadOnesAndCanBeSentAgain() throws Exception {
        String currency = ledger.currency("1", "1");
        Party ccas = ledger.participant("CCAS", "CCAS", currency);
        User ccasUser = ledger.user("CCAS", ccas.id(), null);
        Party alice = ledger.participant("MEMBER", "Alice", currency);
        Party bob = ledger.participant("MEMBER", "Bob", currency);
        Party grocer = ledger.merchant("Epicerie", currency);
        String program = ledger.aidProgram(ccas, currency, "ALIMENTATION");
        ledger.fundAidProgram(program, "100.00");
        String path = "/api/v1/aid-programs/" + program + "/grant-batches";
        String csv = "key,beneficiary,units,expires\r\n"
                + "a-1," + alice.id() + ",30.00,\r\n"          // 1 granted
                + "b-1," + bob.id() + ",20.00,2099-01-01\r\n"   // 2 granted? no: beyond ten years
                + "b-2," + bob.id() + ",abc,\r\n"              // 3 malformed units
                + "x-1,no-such-participant,5.00,\r\n"          // 4 unknown beneficiary
                + "m-1," + grocer.id() + ",5.00,\r\n"          // 5 not a member
                + "a-1," + alice.id() + ",30.00,\r\n"          // 6 key twice in the file
                + "b-3," + bob.id() + ",80.00,\r\n"            // 7 more than the programme holds then
                + "b-4," + bob.id() + ",20.00,2020-01-01\r\n"  // 8 expiry in the past
                + "b-5," + bob.id() + ",25.00\r\n"             // 9 granted (no expires column value)
                + ",," + "\r\n";                               // 10 no key
        Api.Response sent = ccasUser.api().postCsv(path, csv);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.get("total")).isEqualTo("10");
        JsonNode job = finished(ccasUser.api(), path + "/" + sent.get("id"));
        Map<Integer, JsonNode> lines = byLine(job);
        assertThat(lines.get(1).get("status").asText()).isEqualTo("DONE");
        assertThat(lines.get(2).get("code").asText()).isEqualTo("validation");
        assertThat(lines.get(3).get("code").asText()).isEqualTo("validation");
        assertThat(lines.get(3).get("detail").asText()).startsWith("units");
        assertThat(lines.get(4).get("code").asText()).isEqualTo("not-found");
        assertThat(lines.get(5).get("code").asText()).isEqualTo("beneficiary-not-member");
        assertThat(lines.get(6).get("detail").asText()).contains("already on line 1");
        assertThat(lines.get(7).get("code").asText()).isEqualTo("insufficient-programme-funds");
        assertThat(lines.get(8).get("code").asText()).isEqualTo("validation");
        assertThat(lines.get(9).get("status").asText()).isEqualTo("DONE");
        assertThat(lines.get(10).get("status").asText()).isEqualTo("REFUSED");
        assertThat(job.get("succeeded").asInt()).isEqualTo(2);
        assertThat(job.get("refused").asInt()).isEqualTo(8);
        assertThat(ledger.balance(alice)).isEqualTo("30.00");
        assertThat(ledger.balance(bob)).isEqualTo("25.00");
        assertThat(api.get("/api/v1/aid-programs/" + program).get("balance")).isEqualTo("45.00");

        // the same file again, under a new key: the good lines were granted, nothing more is
        Api.Response resent = ccasUser.api().postCsv(path, csv);
        assertThat(resent.status()).isEqualTo(202);
        assertThat(resent.get("id")).isNotEqualTo(sent.get("id"));
        JsonNode again = finished(ccasUser.api(), path + "/" + resent.get("id"));
        assertThat(byLine(again).get(1).get("status").asText()).isEqualTo("ALREADY_DONE");
        assertThat(byLine(again).get(9).get("status").asText()).isEqualTo("ALREADY_DONE");
        assertThat(ledger.balance(alice)).isEqualTo("30.00");
        assertThat(ledger.balance(bob)).isEqualTo("25.00");
        // under the same key: the same job
        Api.Response replay = ccasUser.api().post(path, "{\"lines\":[]}", "replayed-key");
        assertProblem(replay, 400, "validation");
        Api.Response first = ccasUser.api().post(path, "{\"lines\":[{\"key\":\"j-1\",\"beneficiary\":\""
                + alice.id() + "\",\"units\":\"1.00\"}]}", "bulk-key-" + program);
        Api.Response second = ccasUser.api().post(path, "{\"lines\":[{\"key\":\"j-1\",\"beneficiary\":\""
                + alice.id() + "\",\"units\":\"1.00\"}]}", "bulk-key-" + program);
        assertThat(second.get("id")).isEqualTo(first.get("id"));
        finished(ccasUser.api(), path + "/" + first.get("id"));
        assertThat(ledger.balance(alice)).isEqualTo("31.00");

        // a file that is no upload at all is refused whole
        assertProblem(ccasUser.api().postCsv(path, "who,what\r\nx,y\r\n"), 400, "validation");
        assertProblem(ccasUser.api().post(path, "[1,2"), 400, "malformed");
        // another CCAS does not see the programme nor its jobs
        Party other = ledger.participant("CCAS", "Autre CCAS", currency);
        User otherUser = ledger.user("CCAS", other.id(), null);
        assertProblem(otherUser.api().get(path + "/" + sent.get("id")), 404, "not-found");
        books.assertBalanced();
    }

    @Test
    void singleGrantsAndProgrammesRefuseBadInputClearly() {
        String currency = ledger.currency("1", "1");
        Party ccas = ledger.participant("CCAS", "CCAS", currency);
        User ccasUser = ledger.user("CCAS", ccas.id(), null);
        Party alice = ledger.participant("MEMBER", "Alice", currency);
        Party town = ledger.participant("COLLECTIVITE", "Ville", currency);
        Api.Response unknownFiliere = api.post("/api/v1/aid-programs", """
                {"ccas":"%s","currency":"%s","name":"Aide","filieres":["BOULANGERIE"],"validityDays":90}"""
                .formatted(ccas.id(), currency));
        assertProblem(unknownFiliere, 422, "unknown-filiere");
        assertThat(api.post("/api/v1/currencies/" + currency + "/filieres", "{\"filiere\":\"BOULANGERIE\"}").status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/aid-programs", """
                {"ccas":"%s","currency":"%s","name":"Pain","filieres":["BOULANGERIE"],"validityDays":30}"""
                .formatted(ccas.id(), currency)).status()).isEqualTo(201);
        assertProblem(api.post("/api/v1/aid-programs", """
                {"ccas":"%s","currency":"%s","name":"Aide","filieres":["ALIMENTATION"],"validityDays":90}"""
                .formatted(alice.id(), currency)), 422, "funder-not-allowed");
        assertProblem(api.post("/api/v1/aid-programs", """
                {"ccas":"%s","currency":"%s","name":"Aide","filieres":["alimentation"],"validityDays":90}"""
                .formatted(ccas.id(), currency)), 400, "validation");
        assertProblem(api.post("/api/v1/aid-programs", """
                {"ccas":"%s","currency":"%s","name":"Aide","filieres":["ALIMENTATION"],"validityDays":0}"""
                .formatted(ccas.id(), currency)), 400, "validation");
        String program = ledger.aidProgram(ccas, currency, "ALIMENTATION");
        ledger.fundAidProgram(program, "10.00");
        assertProblem(Ledger.grant(ccasUser.api(), program, alice, "10.01"), 422, "insufficient-programme-funds");
        assertProblem(Ledger.grant(ccasUser.api(), program, town, "1.00"), 422, "beneficiary-not-member");
        assertProblem(Ledger.grant(ccasUser.api(), program, new Party("nobody", "nothing"), "1.00"), 404,
                "not-found");
        assertProblem(ccasUser.api().post("/api/v1/aid-programs/" + program + "/grants", """
                {"beneficiary":"%s","units":"1.00","expires":"2020-01-01"}""".formatted(alice.id())), 400,
                "validation");
        assertProblem(ccasUser.api().post("/api/v1/aid-programs/" + program + "/grants", """
                {"beneficiary":"%s","units":"-1"}""".formatted(alice.id())), 400, "validation");
        // nothing moved
        assertThat(ledger.balance(alice)).isEqualTo("0.00");
        assertThat(api.get("/api/v1/aid-programs/" + program).get("balance")).isEqualTo("10.00");
        // closing: the 10.00 go back to euros for the CCAS, out of the fund, without fee
        Api.Response closed = ccasUser.api().post("/api/v1/aid-programs/" + program + "/closing", "{}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.get("status")).isEqualTo("CLOSED");
        assertThat(closed.get("closedUnits")).isEqualTo("10.00");
        Api.Response payouts = api.get("/api/v1/currencies/" + currency + "/payouts");
        assertThat(payouts.text()).contains(closed.get("payout")).contains("\"euros\":\"10.00\"");
        assertProblem(Ledger.grant(ccasUser.api(), program, alice, "1.00"), 422, "programme-closed");
        assertThat(ledger.supply(currency).get("inCirculation")).isEqualTo("0.00");
        books.assertBalanced();
        books.assertBacked(currency);
    }

    @Test
    void aCollectivitePaysSubsidiesAndIndemnitesInBulk() throws Exception {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party town = ledger.participant("COLLECTIVITE", "Communauté d'agglomération", currency);
        assertThat(ledger.convert(counter, town, "100.00").status()).isEqualTo(201);
        User townUser = ledger.user("COLLECTIVITE", town.id(), null);
        Party club = ledger.participant("ASSOCIATION", "Club de voile", currency);
        Party mayor = ledger.participant("MEMBER", "Élu", currency);
        String path = "/api/v1/accounts/" + town.accountId() + "/payment-batches";
        String body = """
                {"lines":[{"key":"sub-1","to":"%s","amount":"60.00","reference":"subvention 2026"},
                          {"key":"ind-1","to":"%s","amount":"30.00","reference":"indemnité mars"},
                          {"key":"ind-2","to":"%s","amount":"30.00"}]}""".formatted(club.accountId(),
                mayor.accountId(), mayor.accountId());
        Api.Response sent = townUser.api().post(path, body);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        JsonNode job = finished(townUser.api(), path + "/" + sent.get("id"));
        Map<Integer, JsonNode> lines = byLine(job);
        assertThat(lines.get(1).get("status").asText()).isEqualTo("DONE");
        assertThat(lines.get(2).get("status").asText()).isEqualTo("DONE");
        assertThat(lines.get(3).get("code").asText()).isEqualTo("insufficient-funds");
        Api.Response resent = townUser.api().post(path, body);
        JsonNode again = finished(townUser.api(), path + "/" + resent.get("id"));
        assertThat(byLine(again).get(1).get("status").asText()).isEqualTo("ALREADY_DONE");
        assertThat(ledger.balance(club)).isEqualTo("60.00");
        assertThat(ledger.balance(mayor)).isEqualTo("30.00");
        assertThat(ledger.balance(town)).isEqualTo("10.00");
        // a member does not pay in bulk
        Party member = ledger.participant("MEMBER", "Membre", currency);
        assertProblem(api.post("/api/v1/accounts/" + member.accountId() + "/payment-batches", body), 422,
                "bulk-payments-not-allowed");
        books.assertBalanced();
    }

    @Test
    void aFundingIsConfirmedByTheFundsBankStatementLikeAnyBankMovement() {
        String currency = ledger.currency("1", "1");
        Party ccas = ledger.participant("CCAS", "CCAS", currency);
        String program = ledger.aidProgram(ccas, currency, "ALIMENTATION");
        Api.Response funding = api.post("/api/v1/aid-programs/" + program + "/fundings", "{\"euros\":\"250.00\"}");
        assertThat(funding.status()).as(funding.toString()).isEqualTo(201);
        Api.Response other = api.post("/api/v1/aid-programs/" + program + "/fundings", "{\"euros\":\"40.00\"}");
        String statement = "date,amount,label,reference\r\n"
                + "2026-03-02,250.00,VIR CCAS,"  + funding.get("id") + "\r\n"
                + "2026-03-02,41.00,VIR CCAS," + other.get("id") + "\r\n";
        Api.Response imported = api.postCsv("/api/v1/currencies/" + currency + "/bank-statements", statement);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode answer = imported.json();
        assertThat(answer.get("matched").get(0).get("outcome").asText()).isEqualTo("MATCHED_AID_FUNDING");
        assertThat(answer.get("mismatched").get(0).get("reason").asText()).isEqualTo("aid funding of 40.00");
        JsonNode view = api.get("/api/v1/aid-programs/" + program).json();
        assertThat(view.get("balance").asText()).isEqualTo("250.00");
        assertThat(view.get("fundings").get(0).get("status").asText()).isEqualTo("RECEIVED");
        assertThat(ledger.supply(currency).get("guaranteeFund")).isEqualTo("250.00");
        books.assertBalanced();
        books.assertBacked(currency);
    }
}
