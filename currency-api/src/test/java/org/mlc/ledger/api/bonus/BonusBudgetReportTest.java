package org.mlc.ledger.api.bonus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/** The sponsor's impact report: what its bonus budget drew, what was paid in, whom it reached. */
class BonusBudgetReportTest extends IntegrationTest {

    private static final String MONTH = LocalDate.now(ZoneId.of("Europe/Paris")).toString().substring(0, 7);

    @Test
    void theReportCountsDrawsPaymentsMembersAndTheLeverageOfTheBonus() {
        String code = ledger.currency("10", "12");
        Party city = ledger.participant("COLLECTIVITE", "Grand Avignon", code);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Api.Response committed = api.post("/api/v1/currencies/" + code + "/bonus-budgets", """
                {"sponsor":"%s","euros":"100.00","from":"%s","to":"%s"}""".formatted(city.id(), today.minusDays(1),
                today.plusDays(300)));
        assertThat(committed.status()).as(committed.toString()).isEqualTo(201);
        String budget = committed.get("id");
        String counter = ledger.counter(code);
        Party alice = ledger.participant("MEMBER", "Alice", code);
        Party bob = ledger.participant("MEMBER", "Bob", code);
        assertThat(ledger.convert(counter, alice, "50.00").status()).isEqualTo(201);
        assertThat(ledger.convert(counter, bob, "25.00").status()).isEqualTo(201);
        Api.Response paid = api.post("/api/v1/currencies/" + code + "/bonus-budgets/" + budget + "/payments",
                "{\"euros\":\"10.00\"}");
        assertThat(paid.status()).as(paid.toString()).isLessThan(300);
        User cityUser = ledger.user("COLLECTIVITE", city.id(), null);
        Party grocer = ledger.merchant("Epicerie", code);
        assertThat(ledger.pay(alice, grocer, "12.00").status()).isEqualTo(201); // her 10.00 of bonus and more
        assertThat(ledger.pay(bob, grocer, "3.00").status()).isEqualTo(201); // 3.00 of his 5.00

        Api.Response report = cityUser.api().get("/api/v1/reports/bonus-budgets/" + budget);

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.get("committed")).isEqualTo("100.00");
        assertThat(report.get("drawn")).isEqualTo("15.00");
        assertThat(report.get("paidIn")).isEqualTo("10.00");
        assertThat(report.get("receivable")).isEqualTo("5.00");
        assertThat(report.get("conversions")).isEqualTo("2");
        assertThat(report.get("membersReached")).isEqualTo("2");
        assertThat(report.get("eurosConverted")).isEqualTo("75.00");
        assertThat(report.get("leverage")).isEqualTo("5.0000");
        assertThat(report.json().path("months")).hasSize(1);
        assertThat(report.json().path("months").get(0).path("month").asText()).isEqualTo(MONTH);
        assertThat(report.json().path("spentByFiliere")).hasSize(1);
        assertThat(report.json().path("spentByFiliere").get(0).path("filiere").asText()).isEqualTo("ALIMENTATION");
        assertThat(report.json().path("spentByFiliere").get(0).path("units").asText()).isEqualTo("13.00");
    }

    @Test
    void anotherCollectiviteDoesNotSeeTheSponsorsReport() {
        String code = ledger.currency("10", "12");
        String budget = ledger.sponsorBudget(code, "COLLECTIVITE", "Sponsor", "100.00", null);
        Party other = ledger.participant("COLLECTIVITE", "Autre", code);
        User otherUser = ledger.user("COLLECTIVITE", other.id(), null);

        assertThat(otherUser.api().get("/api/v1/reports/bonus-budgets/" + budget).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reports/bonus-budgets/" + budget).status()).isEqualTo(200);
    }
}
