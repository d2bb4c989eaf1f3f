package org.mlc.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/** The Bou'Sol walk-through of the README, through HTTP. */
class BousolWalkThroughTest extends IntegrationTest {

    @Test
    void aMemberConvertsEurosAndPaysAMerchant() {
        String code = "BOUSOL";
        Api.Response defined = api.post("/api/v1/currencies", """
                {"code":"BOUSOL","name":"Bou'Sol","conversion":{"euros":"20","units":"21"},
                 "reconversionFee":"0.05","membershipFee":"3.00"}""", "define-bousol");
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        assertThat(defined.json().path("conversion").path("units").asText()).isEqualTo("21.00");

        Party member = ledger.participant("MEMBER", "Alice", code);
        Party merchant = ledger.merchant("Epicerie du port", code);
        String counter = ledger.counter(code);
        ledger.sponsorBudget(code, "1000.00", null);

        Api.Response conversion = ledger.convert(counter, member, "20.00");
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
        assertThat(conversion.get("euros")).isEqualTo("20.00");
        assertThat(conversion.get("units")).isEqualTo("21.00");
        assertThat(conversion.get("bonus")).isEqualTo("1.00");
        assertThat(ledger.balance(member)).isEqualTo("21.00");

        String payment = """
                {"from":"%s","to":"%s","amount":"12.50","reference":"panier"}"""
                .formatted(member.accountId(), merchant.accountId());
        Api.Response paid = api.post("/api/v1/payments", payment, "pay-once");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.get("status")).isEqualTo("COMPLETED");
        assertThat(ledger.balance(member)).isEqualTo("8.50");
        assertThat(ledger.balance(merchant)).isEqualTo("12.50");

        Api.Response repeated = api.post("/api/v1/payments", payment, "pay-once");
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.get("id")).isEqualTo(paid.get("id"));
        assertThat(ledger.balance(member)).isEqualTo("8.50");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM transfer_view WHERE from_account = ?", Long.class,
                member.accountId())).isEqualTo(1);

        Api.Response supply = api.get("/api/v1/currencies/BOUSOL/supply");
        assertThat(supply.get("inCirculation")).isEqualTo("21.00");
        assertThat(supply.get("electronic")).isEqualTo("21.00");
        assertThat(supply.get("inTransit")).isEqualTo("0.00");
        assertThat(supply.get("counterCash")).isEqualTo("20.00");

        Api.Response statement = api.get("/api/v1/accounts/" + member.accountId() + "/entries");
        assertThat(statement.json().path("entries")).hasSize(2);
        assertThat(statement.json().path("entries").get(1).path("balance").asText()).isEqualTo("8.50");
        assertThat(statement.json().path("entries").get(1).path("counterparty").asText())
                .isEqualTo(merchant.accountId());

        Api.Response csv = api.get("/api/v1/accounts/" + member.accountId() + "/entries?format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text().split("\r\n")).hasSize(3);
        assertThat(csv.text()).contains(",-12.50,8.50");
        books.assertBalanced();
    }
}
