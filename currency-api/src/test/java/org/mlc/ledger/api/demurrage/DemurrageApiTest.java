package org.mlc.ledger.api.demurrage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DemurrageRunId;
import org.mlc.ledger.demurrage.ChargeDemurrage;
import org.mlc.ledger.demurrage.StartDemurrageRun;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fonte half of docs/notes-and-fonte.md: a 2 % six-monthly fonte takes 2.00 from an account
 * holding 100.00 into the projects fund, circulation unchanged in total; the same period again does
 * nothing; a run interrupted midway and resent charges each account once.
 */
class DemurrageApiTest extends IntegrationTest {

    @Autowired
    private CommandGateway commandGateway;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private Api.Response policy(String code, String body) {
        return api.post("/api/v1/currencies/" + code + "/demurrage", body);
    }

    private Api.Response run(String code, LocalDate dueOn) {
        return api.post("/api/v1/demurrage-runs", "{\"currency\":\"%s\",\"dueOn\":\"%s\"}".formatted(code, dueOn));
    }

    @Test
    void aTwoPercentFonteMovesTwoFromAHundredToTheProjectsFundOncePerPeriod() {
        String code = ledger.currency("1", "1");
        String counter = ledger.counter(code);
        Party alice = ledger.fundedMember(code, counter, "100.00");
        Party shop = ledger.merchant("Épicerie", code);
        assertThat(ledger.convert(counter, shop, "30.00").status()).isEqualTo(201);
        Party fund = ledger.participant("ASSOCIATION", "Fonds de projets", code);
        String circulation = ledger.supply(code).get("inCirculation");

        // the policy, the beneficiary named by its member number
        String number = api.get("/api/v1/participants/" + fund.id()).get("number");
        Api.Response set = policy(code, """
                {"rate":"0.02","periodMonths":6,"firstDueOn":"%s","beneficiary":"%s"}""".formatted(today(), number));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.get("rate")).isEqualTo("0.02");
        assertThat(set.get("beneficiary")).isEqualTo(fund.id());
        JsonNode shown = api.get("/api/v1/currencies/" + code).json().path("demurrage");
        assertThat(shown.path("rate").asText()).isEqualTo("0.02");
        assertThat(shown.path("periodMonths").asInt()).isEqualTo(6);
        assertThat(shown.path("kinds").toString()).isEqualTo("[\"MEMBER\",\"MERCHANT\"]");

        // the run: 2.00 from Alice, 0.60 from the shop, to the fund
        Api.Response first = run(code, today());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("accountsCharged").asInt()).isEqualTo(2);
        assertThat(first.get("total")).isEqualTo("2.60");
        assertThat(first.get("beneficiary")).isEqualTo(fund.id());
        assertThat(first.json().path("alreadyRun").asBoolean()).isFalse();
        assertThat(ledger.balance(alice)).isEqualTo("98.00");
        assertThat(ledger.balance(shop)).isEqualTo("29.40");
        assertThat(ledger.balance(fund)).isEqualTo("2.60");
        assertThat(ledger.supply(code).get("inCirculation")).isEqualTo(circulation);

        // the statement says it in words
        JsonNode entries = api.get("/api/v1/accounts/" + alice.accountId() + "/entries").json().path("entries");
        JsonNode fonte = entries.get(entries.size() - 1);
        if (!fonte.path("kind").asText().equals("DEMURRAGE")) {
            fonte = entries.get(0);
        }
        assertThat(fonte.path("kind").asText()).isEqualTo("DEMURRAGE");
        assertThat(fonte.path("amount").asText()).isEqualTo("-2.00");
        assertThat(fonte.path("reference").asText()).isEqualTo("période du %s au %s".formatted(
                day(today().minusMonths(6)), day(today().minusDays(1))));

        // the same period again does nothing and answers the first run's figures
        Api.Response second = run(code, today());
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().path("alreadyRun").asBoolean()).isTrue();
        assertThat(second.get("total")).isEqualTo("2.60");
        assertThat(ledger.balance(alice)).isEqualTo("98.00");
        assertThat(ledger.balance(fund)).isEqualTo("2.60");

        // the supply and the indicators show the fonte collected
        JsonNode collected = ledger.supply(code).json().path("fonteCollected");
        assertThat(collected).hasSize(1);
        assertThat(collected.get(0).path("collected").asText()).isEqualTo("2.60");
        assertThat(collected.get(0).path("dueOn").asText()).isEqualTo(today().toString());
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        JsonNode indicators = api.get("/api/v1/reports/indicators?currency=" + code + "&from=" + month + "&to="
                + month).json().path("months").get(0);
        assertThat(indicators.path("fonteCollected").asText()).isEqualTo("2.60");

        books.assertBalanced();
        books.assertBacked(code);
        books.assertJournalMatchesBalances(code);
    }

    @Test
    void aRunInterruptedMidwayAndResentChargesEachAccountOnce() {
        String code = ledger.currency("1", "1");
        String counter = ledger.counter(code);
        List<Party> members = List.of(ledger.fundedMember(code, counter, "100.00"),
                ledger.fundedMember(code, counter, "50.00"), ledger.fundedMember(code, counter, "10.00"));
        Party fund = ledger.participant("ASSOCIATION", "Fonds", code);
        assertThat(policy(code, """
                {"rate":"0.10","periodMonths":3,"firstDueOn":"%s","beneficiary":"%s"}""".formatted(today(),
                fund.id())).status()).isEqualTo(200);

        // a node started the run and charged the first account, then died before the others
        commandGateway.sendAndWait(new StartDemurrageRun(CurrencyCode.of(code), today(), today(),
                java.time.Instant.now()));
        commandGateway.sendAndWait(new ChargeDemurrage(DemurrageRunId.of(CurrencyCode.of(code), today()),
                AccountId.of(members.get(0).accountId()), java.time.Instant.now()));

        Api.Response resumed = run(code, today());
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().path("resumed").asBoolean()).isTrue();
        assertThat(resumed.json().path("accountsCharged").asInt()).isEqualTo(3);
        assertThat(resumed.get("total")).isEqualTo("16.00");
        assertThat(ledger.balance(members.get(0))).isEqualTo("90.00");
        assertThat(ledger.balance(members.get(1))).isEqualTo("45.00");
        assertThat(ledger.balance(members.get(2))).isEqualTo("9.00");
        assertThat(ledger.balance(fund)).isEqualTo("16.00");
        assertThat(run(code, today()).json().path("alreadyRun").asBoolean()).isTrue();
        assertThat(ledger.balance(members.get(0))).isEqualTo("90.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM demurrage_charge WHERE run_id = ?", Long.class,
                code + "-" + today())).isEqualTo(3);
        books.assertBalanced();
        books.assertBacked(code);
        books.assertJournalMatchesBalances(code);
    }

    @Autowired
    private DemurrageJob job;

    @Test
    void theNightlyJobRunsTheLatestDueDateThatHasComeOnce() {
        String code = ledger.currency("1", "1");
        String counter = ledger.counter(code);
        Party alice = ledger.fundedMember(code, counter, "100.00");
        Party fund = ledger.participant("ASSOCIATION", "Fonds", code);
        assertThat(policy(code, """
                {"rate":"0.05","periodMonths":1,"firstDueOn":"%s","beneficiary":"%s"}""".formatted(
                today().minusMonths(2), fund.id())).status()).isEqualTo(200);

        assertThat(job.runDue()).isPositive();
        assertThat(ledger.balance(alice)).isEqualTo("95.00");
        job.runDue();

        assertThat(ledger.balance(alice)).isEqualTo("95.00");
        assertThat(ledger.balance(fund)).isEqualTo("5.00");
        JsonNode periods = ledger.supply(code).json().path("fonteCollected");
        assertThat(periods).hasSize(1);
        assertThat(LocalDate.parse(periods.get(0).path("dueOn").asText())).isAfter(today().minusMonths(1).minusDays(1))
                .isBeforeOrEqualTo(today());
        assertThat(periods.get(0).path("completed").asBoolean()).isTrue();
    }

    @Test
    void thePolicyIsRefusedNamingItsFieldAndARunOnlyForADueDateThatHasCome() {
        String code = ledger.currency("1", "1");
        Party fund = ledger.participant("ASSOCIATION", "Fonds", code);
        Party member = ledger.participant("MEMBER", "Bob", code);
        String base = "\"periodMonths\":6,\"firstDueOn\":\"%s\",\"beneficiary\":\"%s\"".formatted(today(), fund.id());

        assertField(policy(code, "{\"rate\":\"0.6\"," + base + "}"), 400, "rate");
        assertField(policy(code, "{\"rate\":\"abc\"," + base + "}"), 400, "rate");
        assertField(policy(code, "{\"rate\":0.02,\"periodMonths\":13,\"firstDueOn\":\"%s\",\"beneficiary\":\"%s\"}"
                .formatted(today(), fund.id())), 400, "periodMonths");
        assertField(policy(code, "{\"rate\":\"0.02\",\"periodMonths\":6,\"beneficiary\":\"%s\"}".formatted(fund.id())),
                400, "firstDueOn");
        assertField(policy(code, "{\"rate\":\"0.02\",\"kinds\":[\"NOBODY\"]," + base + "}"), 400, "kinds");
        Api.Response notAssociation = policy(code, "{\"rate\":\"0.02\",\"periodMonths\":6,\"firstDueOn\":\"%s\","
                .formatted(today()) + "\"beneficiary\":\"%s\"}".formatted(member.id()));
        assertProblem(notAssociation, 422, "beneficiary-not-association");
        assertThat(notAssociation.get("field")).isEqualTo("beneficiary");
        assertProblem(run(code, today()), 422, "demurrage-off");

        assertThat(policy(code, "{\"rate\":\"0.02\"," + base + "}").status()).isEqualTo(200);
        assertField(run(code, today().plusDays(1)), 400, "dueOn");
        assertField(run(code, today().plusMonths(6)), 422, "dueOn");
        assertField(api.post("/api/v1/demurrage-runs", "{\"currency\":\"%s\"}".formatted(code)), 400, "dueOn");

        Api.Response off = policy(code, "{\"rate\":\"0\"}");
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.get("rate")).isEqualTo("0");
        assertThat(api.get("/api/v1/currencies/" + code).json().path("demurrage").isNull()).isTrue();
    }

    private static void assertField(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.get("field")).as(response.toString()).isEqualTo(field);
    }

    private static String day(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
