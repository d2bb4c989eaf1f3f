package org.mlc.ledger.api.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/** The yearly membership (adhésion) through the API: paid at a counter, and what it blocks. */
class MembershipTest extends IntegrationTest {

    private String currency;
    private String counter;
    private Party alice;
    private User agent;

    @BeforeEach
    void aCurrencyWhoseConversionsNeedAMembership() {
        currency = ledger.currency("1", "1"); // membership fee 3.00
        counter = ledger.counter(currency);
        alice = ledger.participant("MEMBER", "Alice", currency);
        agent = ledger.user("COUNTER_AGENT", null, counter);
        Api.Response policy = api.post("/api/v1/currencies/" + currency + "/membership",
                "{\"membershipFee\":\"3.00\",\"requiredForConversion\":true}");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        assertThat(policy.json().path("membershipRequiredForConversion").asBoolean()).isTrue();
    }

    private Api.Response payMembership(Api as, Party who, String paidWith) {
        return as.post("/api/v1/participants/" + who.id() + "/memberships", """
                {"counter":"%s","paidWith":"%s"}""".formatted(counter, paidWith));
    }

    private Api.Response payMembershipFor(Api as, Party who, String paidWith, String reason) {
        return as.post("/api/v1/participants/" + who.id() + "/memberships", """
                {"counter":"%s","paidWith":"%s","reason":"%s"}""".formatted(counter, paidWith, reason));
    }

    @Test
    void aMemberPaysItsFeeInCashAtTheCounterAndThenConverts() {
        assertProblem(ledger.convert(counter, alice, "20.00"), 422, "membership-expired");

        Api.Response paid = payMembership(agent.api(), alice, "CASH");

        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertThat(paid.get("validFrom")).isEqualTo(today.toString());
        assertThat(paid.get("validUntil")).isEqualTo(today.plusYears(1).minusDays(1).toString());
        assertThat(paid.get("fee")).isEqualTo("3.00");
        assertThat(api.get("/api/v1/participants/" + alice.id()).get("membershipValidUntil"))
                .isEqualTo(paid.get("validUntil"));
        assertThat(ledger.convert(counter, alice, "20.00").status()).isEqualTo(201);
        Api.Response supply = ledger.supply(currency);
        assertThat(supply.get("counterCash")).isEqualTo("23.00");
        assertThat(supply.get("membershipFees")).isEqualTo("3.00");
        assertThat(supply.get("coverageRatio")).isEqualTo("1.0000");
        Api.Response closing = ledger.close(counter, "23.00");
        assertThat(closing.json().path("totalDiscrepancy").asText()).isEqualTo("0.00");
        books.assertBalanced();
        books.assertBacked(currency);
    }

    @Test
    void aFeePaidInUnitsLeavesTheAccountAndNeverBlocksTheBalance() {
        api.post("/api/v1/currencies/" + currency + "/membership", "{\"membershipFee\":\"3.00\",\"requiredForConversion\":false}");
        assertThat(ledger.convert(counter, alice, "10.00").status()).isEqualTo(201);

        User aliceUser = ledger.user("MEMBER", alice.id(), null);

        Api.Response paid = payMembership(aliceUser.api(), alice, "UNITS");

        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(ledger.balance(alice)).isEqualTo("7.00");
        Api.Response entries = api.get("/api/v1/accounts/" + alice.accountId() + "/entries");
        assertThat(entries.text()).contains("MEMBERSHIP");
        books.assertBalanced();
        books.assertBacked(currency);
    }

    @Test
    void legalPersonsJoinAtTheirKindsFeeAndACcasStaysExempt() {
        Api.Response fees = api.post("/api/v1/currencies/" + currency + "/membership", """
                {"membershipFee":"3.00","requiredForConversion":true,
                 "feesByKind":{"COLLECTIVITE":"50.00","MERCHANT":"30.00"}}""");
        assertThat(fees.status()).as(fees.toString()).isEqualTo(200);
        assertThat(fees.json().path("membershipFeesByKind").path("COLLECTIVITE").asText()).isEqualTo("50.00");
        Party town = ledger.participant("COLLECTIVITE", "Ville", currency);
        Party grocer = ledger.merchant("Epicerie", currency);
        Party employer = ledger.participant("EMPLOYER", "Entreprise", currency);
        Party association = ledger.participant("ASSOCIATION", "Amis du Sol", currency);

        assertThat(payMembership(agent.api(), town, "CHEQUE").get("fee")).isEqualTo("50.00");
        assertThat(payMembership(agent.api(), grocer, "CASH").get("fee")).isEqualTo("30.00");
        assertThat(payMembership(agent.api(), employer, "CARD").get("fee")).isEqualTo("3.00");
        assertThat(payMembership(agent.api(), association, "CASH").get("fee")).isEqualTo("3.00");

        assertThat(api.get("/api/v1/participants/" + town.id()).get("membershipValidUntil")).isNotNull();
        assertThat(ledger.supply(currency).get("membershipFees")).isEqualTo("86.00");
        Api.Response ccasFee = api.post("/api/v1/currencies/" + currency + "/membership", """
                {"membershipFee":"3.00","requiredForConversion":true,"feesByKind":{"CCAS":"10.00"}}""");
        assertProblem(ccasFee, 400, "validation");
        assertThat(ccasFee.get("field")).isEqualTo("feesByKind");
        Api.Response unknownKind = api.post("/api/v1/currencies/" + currency + "/membership", """
                {"membershipFee":"3.00","requiredForConversion":true,"feesByKind":{"MAIRIE":"10.00"}}""");
        assertProblem(unknownKind, 400, "validation");
        assertThat(unknownKind.get("field")).isEqualTo("feesByKind");
        books.assertBalanced();
        books.assertBacked(currency);
    }

    @Test
    void wrongMembershipRequestsAreRefusedWithTheirReason() {
        Party ccas = ledger.participant("CCAS", "CCAS", currency);
        String otherCounter = ledger.counter(currency);

        assertProblem(payMembership(api, ccas, "CASH"), 422, "membership-not-applicable");
        assertProblem(payMembershipFor(api, alice, "UNITS", "she asked at the desk"), 422, "insufficient-funds");
        Api.Response badMeans = payMembership(api, alice, "BITCOIN");
        assertProblem(badMeans, 400, "validation");
        assertThat(badMeans.get("field")).isEqualTo("paidWith");
        assertProblem(agent.api().post("/api/v1/participants/" + alice.id() + "/memberships", """
                {"counter":"%s","paidWith":"CASH"}""".formatted(otherCounter)), 403, "forbidden");
        assertThat(payMembership(api, alice, "CARD").status()).isEqualTo(201);
        assertThat(payMembership(api, alice, "CARD").status()).isEqualTo(201); // a year ahead: allowed
        assertProblem(payMembership(api, alice, "CARD"), 422, "membership-already-paid");
        Api.Response badFee = api.post("/api/v1/currencies/" + currency + "/membership",
                "{\"membershipFee\":\"500.01\",\"requiredForConversion\":true}");
        assertProblem(badFee, 400, "validation");
    }

    @Test
    void anAgentCannotTakeAMembersUnitsButStillTakesEuros() {
        api.post("/api/v1/currencies/" + currency + "/membership", "{\"membershipFee\":\"3.00\",\"requiredForConversion\":false}");
        assertThat(ledger.convert(counter, alice, "10.00").status()).isEqualTo(201);

        assertProblem(payMembership(agent.api(), alice, "UNITS"), 403, "forbidden");
        assertProblem(payMembershipFor(agent.api(), alice, "UNITS", "she said so"), 403, "forbidden");

        assertThat(ledger.balance(alice)).isEqualTo("10.00");
        assertThat(payMembership(agent.api(), alice, "CASH").status()).isEqualTo(201);
    }

    @Test
    void anAdminTakesAMembersUnitsOnlyWithAReasonKeptInTheRecord() {
        api.post("/api/v1/currencies/" + currency + "/membership", "{\"membershipFee\":\"3.00\",\"requiredForConversion\":false}");
        assertThat(ledger.convert(counter, alice, "10.00").status()).isEqualTo(201);

        Api.Response withoutReason = payMembership(api, alice, "UNITS");
        assertProblem(withoutReason, 400, "validation");
        assertThat(withoutReason.get("field")).isEqualTo("reason");
        assertProblem(payMembershipFor(api, alice, "UNITS", "  "), 400, "validation");
        assertThat(ledger.balance(alice)).isEqualTo("10.00");

        Api.Response paid = payMembershipFor(api, alice, "UNITS", "asked by phone, cannot sign in");

        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(ledger.balance(alice)).isEqualTo("7.00");
        String recorded = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%MembershipPaidOnBehalf'", String.class,
                alice.id());
        assertThat(recorded).contains("asked by phone, cannot sign in");
        Api.Response audit = api.get("/api/v1/audit?aggregate=" + alice.id());
        assertThat(audit.text()).contains("MembershipPaidOnBehalf").contains("\"role\":\"ADMIN\"");
    }

    @Test
    void aMemberSpendsItsOwnUnitsOnlyAndPaysNoEurosThroughTheApi() {
        api.post("/api/v1/currencies/" + currency + "/membership", "{\"membershipFee\":\"3.00\",\"requiredForConversion\":false}");
        Party bruno = ledger.participant("MEMBER", "Bruno", currency);
        assertThat(ledger.convert(counter, bruno, "10.00").status()).isEqualTo(201);
        User aliceUser = ledger.user("MEMBER", alice.id(), null);

        assertProblem(payMembership(aliceUser.api(), bruno, "UNITS"), 404, "not-found");
        assertProblem(payMembership(aliceUser.api(), alice, "CASH"), 403, "forbidden");

        assertThat(ledger.balance(bruno)).isEqualTo("10.00");
    }
}
