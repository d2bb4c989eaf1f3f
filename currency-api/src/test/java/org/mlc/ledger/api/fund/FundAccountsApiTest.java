package org.mlc.ledger.api.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.springframework.beans.factory.annotation.Autowired;

/** La Roue's euros "à la NEF ou au Crédit Municipal": two accounts, each its balance, together the fund. */
class FundAccountsApiTest extends IntegrationTest {

    private static final String NEF = "FR76 3000 6000 0112 3456 7890 189";
    private static final String CREDIT_MUNICIPAL = "FR784255900001000012345678902";

    @Autowired
    private FundAccountQueries queries;

    private String roue;
    private String counter;

    @BeforeEach
    void aCounterWithCash() {
        roue = ledger.currency("10", "12");
        counter = ledger.counter(roue);
        Party member = ledger.participant("MEMBER", "Member", roue);
        assertThat(ledger.convert(counter, member, "100.00").status()).isEqualTo(201);
    }

    private Api.Response declare(String bank, String iban) {
        return api.post("/api/v1/currencies/" + roue + "/fund-accounts", """
                {"bank":"%s","iban":"%s"}""".formatted(bank, iban));
    }

    private String remitted(String euros) {
        String remittance = ledger.remit(counter, euros).get("id");
        assertThat(api.request("POST", "/api/v1/counters/" + counter + "/remittances/" + remittance + "/remitted",
                null, true, "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(200);
        return remittance;
    }

    @Test
    void aRemittanceToEachAccountShowsOnThatAccountAndTheAccountsAddUpToTheFund() {
        Api.Response nef = declare("NEF", NEF);
        Api.Response cm = declare("Crédit Municipal", CREDIT_MUNICIPAL);
        assertThat(nef.status()).as(nef.toString()).isEqualTo(201);
        assertThat(nef.get("id")).isEqualTo("1");
        assertThat(nef.get("iban")).isEqualTo("FR7630006000011234567890189");
        assertThat(cm.get("id")).isEqualTo("2");

        String byHand = remitted("30.00");
        Api.Response confirmed = api.post("/api/v1/counters/" + counter + "/remittances/" + byHand
                + "/confirmation", "{\"bankReference\":\"NEF-1\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String byStatement = remitted("50.00");
        Api.Response imported = api.postCsv("/api/v1/currencies/" + roue + "/bank-statements?fundAccount=2",
                "date,amount,label,reference\n2026-11-02,50.00,REMISE,%s\n".formatted(byStatement));
        assertThat(imported.json().path("matched")).as(imported.toString()).hasSize(1);

        Api.Response listed = api.get("/api/v1/currencies/" + roue + "/fund-accounts");
        assertThat(listed.json().path("accounts").findValuesAsText("balance")).containsExactly("30.00", "50.00");
        assertThat(listed.json().path("accounts").findValuesAsText("bank")).containsExactly("NEF",
                "Crédit Municipal");
        assertThat(listed.get("total")).isEqualTo("80.00").isEqualTo(ledger.supply(roue).get("guaranteeFund"));
        assertThat(queries.balances(roue)).extracting(FundAccountQueries.FundAccountBalance::balanceMinor)
                .containsExactly(30_00L, 50_00L);
        // the supply shows the fund per bank, adding up to the fund
        Api.Response supply = ledger.supply(roue);
        assertThat(supply.json().path("fundByBank").findValuesAsText("bank")).containsExactly("NEF",
                "Crédit Municipal");
        assertThat(supply.json().path("fundByBank").findValuesAsText("guaranteeFund")).containsExactly("30.00",
                "50.00");

        Party grocer = ledger.merchant("Epicerie", roue);
        Party payer = ledger.participant("MEMBER", "Payer", roue);
        assertThat(ledger.convert(counter, payer, "20.00").status()).isEqualTo(201);
        assertThat(ledger.pay(payer, grocer, "20.00").status()).isEqualTo(201);
        Api.Response reconverted = api.post("/api/v1/reconversions", """
                {"merchant":"%s","units":"20.00","fundAccount":"2"}""".formatted(grocer.id()));
        assertThat(reconverted.status()).as(reconverted.toString()).isEqualTo(201);
        String paidOut = reconverted.get("euros");
        Api.Response after = api.get("/api/v1/currencies/" + roue + "/fund-accounts");
        assertThat(after.json().path("accounts").get(0).path("balance").asText()).isEqualTo("30.00");
        assertThat(after.json().path("accounts").get(1).path("balance").asText())
                .isEqualTo(new BigDecimal("50.00").subtract(new BigDecimal(paidOut)).toPlainString());
        assertThat(after.get("total")).isEqualTo(ledger.supply(roue).get("guaranteeFund"));
        books.assertBalanced();
    }

    @Test
    void aCurrencyThatDeclaredNoneHasItsImplicitAccount() {
        String remittance = remitted("40.00");
        assertThat(api.post("/api/v1/counters/" + counter + "/remittances/" + remittance + "/confirmation", "{}")
                .status()).isEqualTo(200);

        Api.Response listed = api.get("/api/v1/currencies/" + roue + "/fund-accounts");

        assertThat(listed.json().path("accounts")).hasSize(1);
        assertThat(listed.json().path("accounts").get(0).path("id").asText()).isEqualTo("1");
        assertThat(listed.json().path("accounts").get(0).path("iban").isNull()).isTrue();
        assertThat(listed.get("total")).isEqualTo("40.00");
        // declaring the first names that account: its figures stay
        declare("NEF", NEF);
        assertThat(api.get("/api/v1/currencies/" + roue + "/fund-accounts").json().path("accounts").get(0)
                .path("balance").asText()).isEqualTo("40.00");
    }

    @Test
    void aWrongIbanOrOneDeclaredAlreadyIsRefusedAndAnAuditorSeesItsLastFourCharactersOnly() {
        Api.Response wrongDigits = declare("NEF", "FR7630006000011234567890188");
        Api.Response missingBank = api.post("/api/v1/currencies/" + roue + "/fund-accounts",
                "{\"iban\":\"" + NEF + "\"}");
        assertProblem(wrongDigits, 400, "validation");
        assertThat(wrongDigits.get("field")).isEqualTo("iban");
        assertThat(missingBank.get("field")).isEqualTo("bank");
        assertThat(declare("NEF", NEF).status()).isEqualTo(201);
        assertProblem(declare("NEF bis", NEF.toLowerCase()), 409, "iban-already-declared");
        assertProblem(api.postCsv("/api/v1/currencies/" + roue + "/bank-statements?fundAccount=2",
                "date,amount,label,reference\n2026-11-02,5.00,X,Y\n"), 400, "validation");

        Api auditor = ledger.user("AUDITOR", null, null).api();
        Api.Response seen = auditor.get("/api/v1/currencies/" + roue + "/fund-accounts");
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        assertThat(seen.json().path("accounts").get(0).path("iban").asText()).isEqualTo("***********************0189");
    }
}
