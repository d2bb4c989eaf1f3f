package org.mlc.ledger.api.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #6's walk-through through the API: a CCAS funds a programme with 1,000.00 € (ALIMENTATION,
 * 90 days), grants 50.00 to a beneficiary, who pays an approved grocer 30.00; paying a cinema 10.00
 * is 422 earmark-not-allowed; when the clock passes the expiry, 20.00 returns to the programme; the
 * report shows funded 1,000.00, granted 50.00, spent 30.00 in ALIMENTATION, returned 20.00.
 */
class AidWalkThroughTest extends IntegrationTest {

    @Autowired
    private MovableClock clock;

    @Test
    void ccasFundsGrantsBeneficiarySpendsAtTheGrocerAndTheRestExpires() {
        String currency = ledger.currency("1", "1");
        Party ccas = ledger.participant("CCAS", "CCAS de Boulogne", currency);
        User ccasUser = ledger.user("CCAS", ccas.id(), null);
        Party beneficiary = ledger.participant("MEMBER", "Beneficiaire", currency);
        User beneficiaryUser = ledger.user("MEMBER", beneficiary.id(), null);
        Party grocer = ledger.merchant("Epicerie du port", currency);
        Party cinema = ledger.participant("MERCHANT", "Cinema Les Variétés", currency);
        assertThat(ledger.approve(cinema, "LOISIRS_CULTURE").status()).isEqualTo(200);

        // the CCAS opens its programme and pays 1,000.00 € into the fund; the association confirms it
        Ledger asCcas = new Ledger(ccasUser.api());
        String program = asCcas.aidProgram(ccas, currency, "ALIMENTATION");
        Api.Response funding = ccasUser.api().post("/api/v1/aid-programs/" + program + "/fundings",
                "{\"euros\":\"1000.00\",\"reference\":\"mandat 2026-118\"}");
        assertThat(funding.status()).as(funding.toString()).isEqualTo(201);
        assertThat(funding.get("status")).isEqualTo("ANNOUNCED");
        assertThat(ccasUser.api().get("/api/v1/aid-programs/" + program).get("balance")).isEqualTo("0.00");
        assertProblem(ccasUser.api().post("/api/v1/aid-programs/" + program + "/fundings/" + funding.get("id")
                + "/confirmation", "{}"), 403, "forbidden");
        Api.Response confirmed = api.post("/api/v1/aid-programs/" + program + "/fundings/" + funding.get("id")
                + "/confirmation", "{\"bankReference\":\"NEF 2026-03-02\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.get("status")).isEqualTo("RECEIVED");
        Api.Response supply = ledger.supply(currency);
        assertThat(supply.get("inCirculation")).isEqualTo("1000.00");
        assertThat(supply.get("guaranteeFund")).isEqualTo("1000.00");

        // a grant of 50.00: an earmarked lot on the beneficiary's account
        Api.Response grant = Ledger.grant(ccasUser.api(), program, beneficiary, "50.00");
        assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
        assertThat(grant.get("outcome")).isEqualTo("GRANTED");
        LocalDate expires = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(90);
        assertThat(grant.get("expires")).isEqualTo(expires.toString());
        JsonNode account = beneficiaryUser.api().get("/api/v1/accounts/" + beneficiary.accountId()).json();
        assertThat(account.get("balance").asText()).isEqualTo("50.00");
        assertThat(account.get("free").asText()).isEqualTo("0.00");
        assertThat(account.get("earmarked").get(0).get("units").asText()).isEqualTo("50.00");
        assertThat(account.get("earmarked").get(0).get("filieres").get(0).asText()).isEqualTo("ALIMENTATION");
        assertThat(account.get("earmarked").get(0).get("expires").asText()).isEqualTo(expires.toString());

        // spent at the grocer; refused at the cinema
        Ledger asBeneficiary = new Ledger(beneficiaryUser.api());
        Api.Response groceries = asBeneficiary.pay(beneficiary, grocer, "30.00");
        assertThat(groceries.status()).as(groceries.toString()).isEqualTo(201);
        assertThat(groceries.get("status")).isEqualTo("COMPLETED");
        assertProblem(asBeneficiary.pay(beneficiary, cinema, "10.00"), 422, "earmark-not-allowed");
        assertThat(ledger.balance(beneficiary)).isEqualTo("20.00");
        assertThat(ledger.balance(grocer)).isEqualTo("30.00");

        // nothing expires before the date; once the clock passes it, 20.00 returns to the programme
        Api.Response early = api.post("/api/v1/aid-expiry-runs", "{}");
        assertThat(early.status()).as(early.toString()).isEqualTo(200);
        assertThat(ledger.balance(beneficiary)).isEqualTo("20.00");
        clock.advance(Duration.ofDays(91));
        try {
            Api.Response run = api.post("/api/v1/aid-expiry-runs", "{}");
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            assertThat(run.json().get("lots").asInt()).isGreaterThanOrEqualTo(1);
            Api.Response again = api.post("/api/v1/aid-expiry-runs", "{}");
            assertThat(again.json().get("units").asText()).isEqualTo("0.00");
        } finally {
            clock.reset();
        }
        assertThat(ledger.balance(beneficiary)).isEqualTo("0.00");
        JsonNode statement = beneficiaryUser.api().get("/api/v1/accounts/" + beneficiary.accountId() + "/entries")
                .json().get("entries");
        JsonNode last = statement.get(statement.size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("AID_EXPIRY");
        assertThat(last.get("amount").asText()).isEqualTo("-20.00");
        assertThat(ccasUser.api().get("/api/v1/aid-programs/" + program).get("balance")).isEqualTo("970.00");

        // the programme's report: no beneficiary named
        Api.Response report = ccasUser.api().get("/api/v1/reports/aid-programs/" + program);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode figures = report.json();
        assertThat(figures.get("funded").asText()).isEqualTo("1000.00");
        assertThat(figures.get("granted").asText()).isEqualTo("50.00");
        assertThat(figures.get("spent").asText()).isEqualTo("30.00");
        assertThat(figures.get("spentByFiliere").get(0).get("filiere").asText()).isEqualTo("ALIMENTATION");
        assertThat(figures.get("spentByFiliere").get(0).get("units").asText()).isEqualTo("30.00");
        assertThat(figures.get("spentByMerchant").get(0).get("merchant").asText()).isEqualTo(grocer.id());
        assertThat(figures.get("returned").asText()).isEqualTo("20.00");
        assertThat(figures.get("beneficiaries").asInt()).isEqualTo(1);
        assertThat(report.text()).doesNotContain(beneficiary.id()).doesNotContain(beneficiary.accountId());
        Api.Response csv = api.get("/api/v1/reports/aid-programs/" + program + "?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith("measure,filiere,merchant,merchantName,value")
                .contains("funded,,,,1000.00").contains("spentByFiliere,ALIMENTATION,,,30.00")
                .contains("returned,,,,20.00").doesNotContain(beneficiary.id());

        // beneficiaries are the CCAS's: the admin does not grant; a member does not see the programme
        assertProblem(Ledger.grant(api, program, beneficiary, "1.00"), 403, "forbidden");
        assertProblem(beneficiaryUser.api().get("/api/v1/aid-programs/" + program), 403, "forbidden");

        books.assertBalanced();
        books.assertBacked(currency);
    }
}
