package org.mlc.ledger.api.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/**
 * Revalidation stamps of paper notes (docs/notes-and-fonte.md, "Paper: revalidation stamps"): the
 * holder of notes pays the fonte's rate of their face value in euros at a counter; the same sum is
 * issued in units to the projects fund, so backing and circulation grow alike and both books balance.
 */
class NoteRevalidationApiTest extends IntegrationTest {

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private Api.Response revalidate(String counter, String body) {
        return api.post("/api/v1/counters/" + counter + "/note-revalidations", body);
    }

    private Api.Response inFrench(String counter, String body) {
        return api.request("POST", "/api/v1/counters/" + counter + "/note-revalidations", body, true,
                "Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString(),
                "Accept-Language", "fr-FR,fr;q=0.9");
    }

    private Party fonte(String code, String rate, LocalDate firstDueOn) {
        Party fund = ledger.participant("ASSOCIATION", "Fonds de projets", code);
        Api.Response set = api.post("/api/v1/currencies/" + code + "/demurrage", """
                {"rate":"%s","periodMonths":6,"firstDueOn":"%s","beneficiary":"%s"}""".formatted(rate, firstDueOn,
                fund.id()));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return fund;
    }

    @Test
    void theHolderPaysTheRateOfTheFaceValueInEurosAndTheFundReceivesItInUnits() {
        String code = ledger.currency("1", "1");
        String counter = ledger.counter(code);
        ledger.noteStock(counter, "{\"10\":10,\"5\":4}");
        Party alice = ledger.participant("MEMBER", "Alice", code);
        assertThat(ledger.convertToNotes(counter, alice, "35.00").status()).isEqualTo(201);
        LocalDate dueOn = today().plusMonths(1);
        Party fund = fonte(code, "0.015", dueOn);
        String paper = ledger.supply(code).get("paper");

        // 35.00 at 1.5 % is 0.525: the fee is rounded up, 0.53
        String key = UUID.randomUUID().toString();
        String body = "{\"notes\":{\"10\":3,\"5\":1},\"paidWith\":\"CASH\"}";
        Api.Response done = api.post("/api/v1/counters/" + counter + "/note-revalidations", body, key);
        assertThat(done.status()).as(done.toString()).isEqualTo(201);
        assertThat(done.get("faceValue")).isEqualTo("35.00");
        assertThat(done.get("fee")).isEqualTo("0.53");
        assertThat(done.get("paidWith")).isEqualTo("CASH");
        assertThat(done.get("dueOn")).isEqualTo(dueOn.toString());
        assertThat(done.get("periodFrom")).isEqualTo(dueOn.minusMonths(6).toString());
        assertThat(done.get("beneficiary")).isEqualTo(fund.accountId());
        assertThat(ledger.balance(fund)).isEqualTo("0.53");

        // the same request again: the same answer, nothing more
        Api.Response again = api.post("/api/v1/counters/" + counter + "/note-revalidations", body, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.get("id")).isEqualTo(done.get("id"));
        assertThat(ledger.balance(fund)).isEqualTo("0.53");

        // the notes stay with their holder: paper unchanged; 0.53 more units, 0.53 more euros in the drawer
        Api.Response supply = ledger.supply(code);
        assertThat(supply.get("paper")).isEqualTo(paper);
        assertThat(supply.get("counterCash")).isEqualTo("35.53");
        assertThat(supply.get("inCirculation")).isEqualTo("35.53");

        // the counter's day lists it, its fee in the drawer
        assertThat(jdbc.queryForList("SELECT counter_id, revalidated_at FROM note_revalidation WHERE currency = ?",
                code).toString()).contains(counter);
        JsonNode day = api.get("/api/v1/reports/counters/" + counter + "/day?date=" + today()).json();
        assertThat(day.path("noteRevalidations").size()).as(day.toString()).isEqualTo(1);
        assertThat(day.path("noteRevalidations")).hasSize(1);
        JsonNode line = day.path("noteRevalidations").get(0);
        assertThat(line.path("notes").asInt()).isEqualTo(4);
        assertThat(line.path("fee").asText()).isEqualTo("0.53");
        assertThat(line.path("periodTo").asText()).isEqualTo(dueOn.minusDays(1).toString());
        assertThat(day.path("revalidationFees").asText()).isEqualTo("0.53");
        assertThat(day.path("drawerAtEnd").path("CASH").asText()).isEqualTo("35.53");

        // the fund's statement says what it is
        JsonNode entries = api.get("/api/v1/accounts/" + fund.accountId() + "/entries").json().path("entries");
        assertThat(entries.get(0).path("kind").asText()).isEqualTo("REVALIDATION_FEE");
        assertThat(entries.get(0).path("amount").asText()).isEqualTo("0.53");

        // closing counts the fee as cash expected
        Api.Response closing = ledger.close(counter, "35.53");
        assertThat(closing.status()).as(closing.toString()).isEqualTo(201);
        assertThat(closing.get("totalDiscrepancy")).isEqualTo("0.00");

        books.assertBalanced();
        books.assertBacked(code);
        books.assertJournalMatchesBalances(code);
    }

    @Test
    void refusalsNameTheirFieldAndReadInFrench() {
        String code = ledger.currency("1", "1");
        String counter = ledger.counter(code);
        String ok = "{\"notes\":{\"10\":1},\"paidWith\":\"CASH\"}";

        Api.Response off = inFrench(counter, ok);
        assertProblem(off, 422, "demurrage-off");
        assertThat(off.get("detail")).contains("n'a pas de fonte");

        fonte(code, "0.02", today());
        Api.Response unknown = revalidate(counter, "{\"notes\":{\"3\":1},\"paidWith\":\"CASH\"}");
        assertProblem(unknown, 400, "validation");
        assertThat(unknown.get("field")).isEqualTo("notes");
        Api.Response zero = inFrench(counter, "{\"notes\":{\"10\":2,\"5\":0},\"paidWith\":\"CASH\"}");
        assertProblem(zero, 400, "validation");
        assertThat(zero.get("field")).isEqualTo("notes");
        assertThat(zero.get("detail")).contains("supérieur à zéro");
        assertProblem(revalidate(counter, "{\"notes\":{\"10\":-1},\"paidWith\":\"CASH\"}"), 400, "validation");
        Api.Response noMeans = revalidate(counter, "{\"notes\":{\"10\":1}}");
        assertProblem(noMeans, 400, "validation");
        assertThat(noMeans.get("field")).isEqualTo("paidWith");
        assertProblem(revalidate(counter, "{\"notes\":{\"10\":1},\"paidWith\":\"UNITS\"}"), 400, "validation");
        assertProblem(api.post("/api/v1/counters/" + counter + "/note-revalidations", ok, null), 400,
                "idempotency-key-missing");

        // notes of a series: only while it is sold, and never more than it has in circulation
        Api.Response series = api.post("/api/v1/currencies/" + code + "/note-series",
                "{\"series\":\"2020-A\",\"printed\":{\"10\":10},\"validUntil\":\"2020-01-31\"}");
        assertThat(series.status()).as(series.toString()).isEqualTo(201);
        Api.Response ended = inFrench(counter, "{\"notes\":{\"10\":1},\"paidWith\":\"CASH\",\"series\":\""
                + series.get("id") + "\"}");
        assertProblem(ended, 422, "series-expired");
        assertThat(ended.get("detail")).contains("ne se revalident plus");
        Api.Response valid = api.post("/api/v1/currencies/" + code + "/note-series",
                "{\"series\":\"2099-A\",\"printed\":{\"10\":10}}");
        assertProblem(revalidate(counter, "{\"notes\":{\"10\":1},\"paidWith\":\"CASH\",\"series\":\""
                + valid.get("id") + "\"}"), 422, "not-in-circulation");
        assertProblem(revalidate(counter, "{\"notes\":{\"10\":1},\"paidWith\":\"CASH\",\"series\":\""
                + code + "-NOPE\"}"), 404, "not-found");

        assertThat(ledger.close(counter, "0.00").status()).isEqualTo(201);
        Api.Response closed = inFrench(counter, ok);
        assertProblem(closed, 422, "counter-closed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note_revalidation WHERE currency = ?", Long.class, code))
                .isZero();
    }

    @Test
    void notesDepositedWithoutTheStampOfThePeriodThatEndedAreCreditedLessTheFee() {
        String code = ledger.currency("1", "1");
        String counter = ledger.counter(code);
        ledger.noteStock(counter, "{\"10\":10}");
        Party alice = ledger.participant("MEMBER", "Alice", code);
        assertThat(ledger.convertToNotes(counter, alice, "30.00").status()).isEqualTo(201);
        Party fund = fonte(code, "0.02", today());

        Api.Response tooMany = api.post("/api/v1/counters/" + counter + "/note-deposits", """
                {"participant":"%s","notes":{"10":3},"unstamped":{"10":4}}""".formatted(alice.id()));
        assertProblem(tooMany, 400, "validation");
        assertThat(tooMany.get("field")).isEqualTo("unstamped");

        Api.Response deposit = api.post("/api/v1/counters/" + counter + "/note-deposits", """
                {"participant":"%s","notes":{"10":3},"unstamped":{"10":2}}""".formatted(alice.id()));
        assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
        assertThat(deposit.get("units")).isEqualTo("29.60");
        assertThat(deposit.get("fee")).isEqualTo("0.40");
        assertThat(ledger.balance(alice)).isEqualTo("29.60");
        assertThat(ledger.balance(fund)).isEqualTo("0.40");
        Api.Response supply = ledger.supply(code);
        assertThat(supply.get("paper")).isEqualTo("0.00");
        assertThat(supply.get("inCirculation")).isEqualTo("30.00");
        JsonNode entries = api.get("/api/v1/accounts/" + fund.accountId() + "/entries").json().path("entries");
        assertThat(entries.get(0).path("kind").asText()).isEqualTo("UNSTAMPED_NOTES_FEE");

        books.assertBalanced();
        books.assertBacked(code);
        books.assertJournalMatchesBalances(code);
    }
}
