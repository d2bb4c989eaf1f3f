package org.mlc.ledger.api.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notes half of docs/notes-and-fonte.md, step by step: a series printed, 1,000 notes sent to a
 * counter, 50 sold in notes, 10 of damaged notes withdrawn and destroyed before a witness, the
 * inventory adding up to what was printed and its circulation equal to the supply's paper; then
 * the series ends, its notes are exchanged for valid ones until the deadline, and refused after;
 * the units of those that never came back are released to the association's projects fund.
 */
class NotesWalkThroughTest extends IntegrationTest {

    private static final String PRINTED = "{\"1\":5000,\"2\":5000,\"5\":4000,\"10\":3000,\"20\":2000,\"50\":500}";

    @Autowired
    private MovableClock clock;

    @Test
    void aSeriesFromPrintToDestructionThenEndedExchangedAndRefused() {
        String code = ledger.currency("1", "1");
        String counter = ledger.counter(code);
        Party alice = ledger.participant("MEMBER", "Alice", code);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate lastDay = today.plusDays(30);
        try {
            // 1. the series "2026-A" is printed: every note is in the vault
            Api.Response printed = api.post("/api/v1/currencies/" + code + "/note-series", """
                    {"series":"2026-A","printed":%s,"validUntil":"%s",
                     "serials":{"10":{"from":"B000001","to":"B003000"}}}""".formatted(PRINTED, lastDay));
            assertThat(printed.status()).as(printed.toString()).isEqualTo(201);
            String seriesA = printed.get("id");
            assertThat(seriesA).isEqualTo(code + "-2026-A");
            assertProblem(api.post("/api/v1/currencies/" + code + "/note-series",
                    "{\"series\":\"2026-a\",\"printed\":{\"10\":1}}"), 409, "series-exists");
            assertThat(figure(code, seriesA, 10, "vault")).isEqualTo(3000);

            // 2. 1,000 notes sent to the counter: the vault holds fewer, nothing circulates
            Api.Response dispatch = api.post("/api/v1/note-series/" + seriesA + "/dispatches", """
                    {"counter":"%s","notes":{"1":300,"2":300,"5":200,"10":150,"20":40,"50":10}}""".formatted(counter));
            assertThat(dispatch.status()).as(dispatch.toString()).isEqualTo(201);
            assertThat(figure(code, seriesA, 50, "vault")).isEqualTo(490);
            assertThat(atCounter(code, seriesA, 50, counter)).isEqualTo(10);
            assertThat(ledger.supply(code).get("paper")).isEqualTo("0.00");

            // 3. 50 sold in notes at the counter: one 50 enters circulation
            assertThat(ledger.convertToNotes(counter, alice, "50.00").status()).isEqualTo(201);
            assertThat(figure(code, seriesA, 50, "inCirculation")).isEqualTo(1);
            assertThat(atCounter(code, seriesA, 50, counter)).isEqualTo(9);

            // 4. 10 of damaged notes withdrawn from the counter, destroyed by the admin before a witness
            assertThat(api.post("/api/v1/note-series/" + seriesA + "/withdrawals", """
                    {"counter":"%s","notes":{"10":1},"reason":"billet déchiré"}""".formatted(counter)).status())
                    .isEqualTo(201);
            assertProblem(api.post("/api/v1/note-series/" + seriesA + "/destructions",
                    "{\"notes\":{\"10\":1},\"reason\":\"broyé\",\"witness\":\"admin\"}"), 422, "same-witness");
            assertThat(api.post("/api/v1/note-series/" + seriesA + "/destructions",
                    "{\"notes\":{\"10\":1},\"reason\":\"broyé\",\"witness\":\"Claire Martin\"}").status())
                    .isEqualTo(201);
            assertThat(figure(code, seriesA, 10, "destroyed")).isEqualTo(1);
            assertThat(atCounter(code, seriesA, 10, counter)).isEqualTo(149);

            // 5. the inventory adds up, and its circulation is the supply's paper
            assertInventoryAddsUp(code);
            assertThat(inventory(code).get("inCirculation").asText()).isEqualTo("50.00");
            assertThat(ledger.supply(code).get("paper")).isEqualTo("50.00");

            // 6. a 20 of 2026-A is sold too; a second series "2027-A" comes, with no last day
            assertThat(ledger.convertToNotes(counter, alice, "20.00").status()).isEqualTo(201);
            Api.Response seriesB = api.post("/api/v1/currencies/" + code + "/note-series",
                    "{\"series\":\"2027-A\",\"printed\":{\"10\":100,\"50\":100}}");
            assertThat(seriesB.status()).as(seriesB.toString()).isEqualTo(201);
            String seriesBId = seriesB.get("id");
            assertThat(api.post("/api/v1/note-series/" + seriesBId + "/dispatches",
                    "{\"counter\":\"" + counter + "\",\"notes\":{\"50\":2,\"10\":5}}").status()).isEqualTo(201);

            // 7. past its last day 2026-A is no longer sold: a sale takes 2027-A
            clock.advance(Duration.ofDays(31));
            assertThat(ledger.convertToNotes(counter, alice, "50.00").status()).isEqualTo(201);
            assertThat(figure(code, seriesBId, 50, "inCirculation")).isEqualTo(1);
            assertThat(figure(code, seriesA, 50, "inCirculation")).isEqualTo(1);
            assertThat(seriesOf(code, seriesA).get("status").asText()).isEqualTo("ENDED");

            // 8. the 2026-A 50 is exchanged at par for a valid note: as much paper circulates
            assertProblem(api.post("/api/v1/counters/" + counter + "/note-exchanges",
                    "{\"series\":\"" + seriesBId + "\",\"notes\":{\"50\":1}}"), 422, "series-still-valid");
            Api.Response exchange = api.post("/api/v1/counters/" + counter + "/note-exchanges",
                    "{\"series\":\"" + seriesA + "\",\"notes\":{\"50\":1}}");
            assertThat(exchange.status()).as(exchange.toString()).isEqualTo(201);
            assertThat(exchange.get("units")).isEqualTo("50.00");
            assertThat(exchange.json().path("given").get(0).path("seriesId").asText()).isEqualTo(seriesBId);
            assertThat(figure(code, seriesA, 50, "inCirculation")).isZero();
            assertThat(figure(code, seriesBId, 50, "inCirculation")).isEqualTo(2);
            assertThat(ledger.supply(code).get("paper")).isEqualTo("120.00");
            assertInventoryAddsUp(code);
            // the counter's day report counts the exchange, though it books nothing
            LocalDate exchangedOn = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
            Api.Response day = api.get("/api/v1/reports/counters/" + counter + "/day?date=" + exchangedOn);
            assertThat(day.status()).as(day.toString()).isEqualTo(200);
            JsonNode exchanged = day.json().path("noteExchanges");
            assertThat(exchanged).hasSize(1);
            assertThat(exchanged.get(0).path("exchange").asText()).isEqualTo(exchange.get("id"));
            assertThat(exchanged.get(0).path("series").asText()).isEqualTo("2026-A");
            assertThat(exchanged.get(0).path("notes").asInt()).isEqualTo(1);
            assertThat(exchanged.get(0).path("units").asText()).isEqualTo("50.00");

            // 9. the exchange deadline passes: the 20 never came back, and is refused from now on
            Api.Response deadline = api.post("/api/v1/currencies/" + code + "/note-series/" + seriesA
                    + "/exchange-deadline", "{\"deadline\":\"" + lastDay.plusDays(10) + "\"}");
            assertThat(deadline.status()).as(deadline.toString()).isEqualTo(200);
            Party fund = ledger.participant("ASSOCIATION", "Fonds de projets", code);
            assertProblem(api.post("/api/v1/note-series/" + seriesA + "/release", """
                    {"beneficiary":"%s","on":"%s"}""".formatted(fund.accountId(), today)), 422,
                    "series-still-exchanged");
            clock.advance(Duration.ofDays(11));
            assertProblem(api.post("/api/v1/counters/" + counter + "/note-deposits", """
                    {"participant":"%s","notes":{"20":1},"series":"%s"}""".formatted(alice.id(), seriesA)), 422,
                    "series-expired");
            assertProblem(api.post("/api/v1/counters/" + counter + "/note-exchanges",
                    "{\"series\":\"" + seriesA + "\",\"notes\":{\"20\":1}}"), 422, "series-expired");
            JsonNode closed = seriesOf(code, seriesA);
            assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
            assertThat(closed.get("neverReturned").asText()).isEqualTo("20.00");
            assertThat(ledger.supply(code).get("paper")).isEqualTo("120.00");
            assertInventoryAddsUp(code);

            // 10. the 20 that never came back is released to the projects fund: paper to the fund's account
            LocalDate releasedOn = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
            assertProblem(api.post("/api/v1/note-series/" + seriesA + "/release", """
                    {"beneficiary":"%s","on":"%s"}""".formatted(alice.accountId(), releasedOn)), 422,
                    "not-an-association");
            assertProblem(api.post("/api/v1/note-series/" + seriesA + "/release", """
                    {"beneficiary":"%s","on":"%s"}""".formatted(fund.accountId(), lastDay.plusDays(10))), 400,
                    "validation");
            Api.Response release = api.post("/api/v1/note-series/" + seriesA + "/release", """
                    {"beneficiary":"%s","on":"%s"}""".formatted(fund.accountId(), releasedOn));
            assertThat(release.status()).as(release.toString()).isEqualTo(201);
            assertThat(release.get("units")).isEqualTo("20.00");
            assertThat(release.json().path("notes").path("20").asInt()).isEqualTo(1);
            assertProblem(api.post("/api/v1/note-series/" + seriesA + "/release", """
                    {"beneficiary":"%s","on":"%s"}""".formatted(fund.accountId(), releasedOn)), 409,
                    "already-released");
            JsonNode released = seriesOf(code, seriesA);
            assertThat(released.get("status").asText()).isEqualTo("RELEASED");
            assertThat(released.get("released").asText()).isEqualTo("20.00");
            assertThat(released.get("inCirculation").asText()).isEqualTo("0.00");
            assertThat(figure(code, seriesA, 20, "released")).isEqualTo(1);
            assertThat(figure(code, seriesA, 20, "inCirculation")).isZero();
            assertThat(ledger.balance(fund)).isEqualTo("20.00");
            assertThat(ledger.supply(code).get("paper")).isEqualTo("100.00");
            assertProblem(api.post("/api/v1/counters/" + counter + "/note-exchanges",
                    "{\"series\":\"" + seriesA + "\",\"notes\":{\"20\":1}}"), 422, "series-expired");
            assertInventoryAddsUp(code);
        } finally {
            clock.reset();
        }
        books.assertBalanced();
        books.assertBacked(code);
        books.assertJournalMatchesBalances(code);
    }

    @Test
    void aDepositNamingItsSeriesReturnsTheNotesToThatSeriesAtTheCounter() {
        String code = ledger.currency("1", "1");
        String counter = ledger.counter(code);
        Party alice = ledger.participant("MEMBER", "Alice", code);
        String series = api.post("/api/v1/currencies/" + code + "/note-series",
                "{\"series\":\"S1\",\"printed\":{\"10\":100}}").get("id");
        assertThat(api.post("/api/v1/note-series/" + series + "/dispatches",
                "{\"counter\":\"" + counter + "\",\"notes\":{\"10\":10}}").status()).isEqualTo(201);
        assertThat(ledger.convertToNotes(counter, alice, "30.00").status()).isEqualTo(201);

        Api.Response deposit = api.post("/api/v1/counters/" + counter + "/note-deposits", """
                {"participant":"%s","notes":{"10":2},"series":"%s"}""".formatted(alice.id(), series));

        assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
        assertThat(figure(code, series, 10, "inCirculation")).isEqualTo(1);
        assertProblem(api.post("/api/v1/counters/" + counter + "/note-deposits", """
                {"participant":"%s","notes":{"10":2},"series":"%s"}""".formatted(alice.id(), series)), 422,
                "not-in-circulation");
        assertThat(atCounter(code, series, 10, counter)).isEqualTo(9);
        assertThat(ledger.supply(code).get("paper")).isEqualTo("10.00");
        assertInventoryAddsUp(code);
        assertThat(api.post("/api/v1/note-series/" + series + "/returns",
                "{\"counter\":\"" + counter + "\",\"notes\":{\"10\":9}}").status()).isEqualTo(201);
        assertThat(figure(code, series, 10, "vault")).isEqualTo(99);
        assertInventoryAddsUp(code);
        books.assertBalanced();
    }

    private JsonNode inventory(String code) {
        Api.Response response = api.get("/api/v1/currencies/" + code + "/notes");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode seriesOf(String code, String seriesId) {
        for (JsonNode series : inventory(code).get("series")) {
            if (seriesId.equals(series.path("id").asText())) {
                return series;
            }
        }
        throw new AssertionError("no series " + seriesId + " in " + inventory(code));
    }

    private JsonNode denomination(String code, String seriesId, int denomination) {
        for (JsonNode row : seriesOf(code, seriesId).get("denominations")) {
            if (row.get("denomination").asInt() == denomination) {
                return row;
            }
        }
        throw new AssertionError("no note of " + denomination + " in series " + seriesId);
    }

    private long figure(String code, String seriesId, int denomination, String place) {
        return denomination(code, seriesId, denomination).get(place).asLong();
    }

    private long atCounter(String code, String seriesId, int denomination, String counter) {
        for (JsonNode at : denomination(code, seriesId, denomination).get("counters")) {
            if (counter.equals(at.get("counter").asText())) {
                return at.get("notes").asLong();
            }
        }
        return 0;
    }

    /** printed = vault + counters + inCirculation + withdrawn + destroyed + released, for every series and denomination. */
    private void assertInventoryAddsUp(String code) {
        for (JsonNode series : inventory(code).get("series")) {
            for (JsonNode row : series.get("denominations")) {
                long counters = 0;
                for (JsonNode at : row.get("counters")) {
                    counters += at.get("notes").asLong();
                }
                assertThat(row.get("vault").asLong() + counters + row.get("inCirculation").asLong()
                        + row.get("withdrawn").asLong() + row.get("destroyed").asLong() + row.get("released").asLong())
                        .as("series %s, notes of %s", series.path("id").asText(), row.get("denomination"))
                        .isEqualTo(row.get("printed").asLong());
            }
        }
    }
}
