package org.mlc.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/**
 * One deployment hosting two associations (a Bou'Sol-like and a Roue-like currency), each with
 * its currency admin, agent, member and auditor: each sees and changes its own currency only,
 * gets 404 for the other's resources and 403 for the platform's endpoints; the platform's ADMIN
 * acts in both, each act in that currency's audit (issue #23, "Done when").
 */
class CurrencyIsolationTest extends IntegrationTest {

    /** One hosted association: its currency, counter, member, and its users. */
    record Association(String currency, String counter, Party member, Party merchant, String payment,
                       User admin, User agent, User memberUser, User auditor) {
    }

    private Association association() {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "50.00");
        Party merchant = ledger.merchant("Épicerie", currency);
        Api.Response payment = ledger.pay(member, merchant, "1.00");
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        return new Association(currency, counter, member, merchant, payment.get("id"),
                ledger.currencyUser("CURRENCY_ADMIN", currency), ledger.user("COUNTER_AGENT", null, counter),
                ledger.user("MEMBER", member.id(), null), ledger.currencyUser("AUDITOR", currency));
    }

    @Test
    void aCurrencyAdminAdministersItsOwnCurrency() {
        Association bousol = association();
        Api admin = bousol.admin().api();
        Api.Response participant = admin.post("/api/v1/participants", """
                {"kind":"MEMBER","name":"Nouvelle adhérente","currency":"%s"}""".formatted(bousol.currency()));
        assertThat(participant.status()).as(participant.toString()).isEqualTo(201);
        Api.Response counter = admin.post("/api/v1/counters", """
                {"name":"Comptoir du marché","currency":"%s"}""".formatted(bousol.currency()));
        assertThat(counter.status()).as(counter.toString()).isEqualTo(201);
        Api.Response agent = admin.post("/api/v1/users", """
                {"username":"agent-%s","password":"a-long-enough-password","role":"COUNTER_AGENT","counter":"%s"}"""
                .formatted(bousol.currency().toLowerCase(), counter.get("id")));
        assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
        assertThat(agent.get("currency")).isEqualTo(bousol.currency());
        Api.Response freeze = admin.post("/api/v1/accounts/" + bousol.member().accountId() + "/freeze",
                "{\"reason\":\"contrôle\"}");
        assertThat(freeze.status()).as(freeze.toString()).isEqualTo(200);
        assertThat(admin.get("/api/v1/currencies/" + bousol.currency() + "/supply").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/payments/" + bousol.payment()).status()).isEqualTo(200);
    }

    @Test
    void everyUserOfOneCurrencyGets404ForTheOthersResources() {
        Association bousol = association();
        Association roue = association();
        List<String> roueResources = List.of(
                "/api/v1/currencies/" + roue.currency(),
                "/api/v1/currencies/" + roue.currency() + "/supply",
                "/api/v1/participants/" + roue.member().id(),
                "/api/v1/accounts/" + roue.member().accountId(),
                "/api/v1/accounts/" + roue.member().accountId() + "/entries",
                "/api/v1/counters/" + roue.counter(),
                "/api/v1/payments/" + roue.payment(),
                "/api/v1/reports/counters/" + roue.counter() + "/day?date=2026-11-02",
                "/api/v1/reports/indicators?currency=" + roue.currency() + "&from=2026-01&to=2026-12",
                "/api/v1/participants?currency=" + roue.currency(),
                "/api/v1/users/" + roue.admin().username());
        // the admin and the auditor may read all of these in their own currency: 404 for the other's
        for (User user : List.of(bousol.admin(), bousol.auditor())) {
            for (String path : roueResources) {
                assertProblem(user.api().get(path), 404, "not-found");
            }
        }
        // an agent and a member: 404 where their role may read such a resource, 403 where it may not
        for (User user : List.of(bousol.agent(), bousol.memberUser())) {
            for (String path : roueResources) {
                Api.Response response = user.api().get(path);
                assertThat(response.status()).as(path + " " + response).isIn(403, 404);
            }
        }
        assertProblem(bousol.agent().api().get("/api/v1/counters/" + roue.counter()), 404, "not-found");
        assertProblem(bousol.agent().api().get("/api/v1/participants?currency=" + roue.currency()), 404,
                "not-found");
        assertProblem(bousol.memberUser().api().get("/api/v1/accounts/" + roue.member().accountId()), 404,
                "not-found");
        assertProblem(bousol.memberUser().api().get("/api/v1/currencies/" + roue.currency()), 404, "not-found");
        // and changes: a payment to a Roue account, a Roue member frozen, a Roue counter's conversion
        assertProblem(bousol.admin().api().post("/api/v1/accounts/" + roue.member().accountId() + "/freeze",
                "{\"reason\":\"x\"}"), 404, "not-found");
        assertProblem(bousol.admin().api().post("/api/v1/counters/" + roue.counter() + "/conversions", """
                {"participant":"%s","euros":"1.00","paidBy":"CASH","payout":"ACCOUNT"}""".formatted(
                roue.member().id())), 404, "not-found");
        assertProblem(bousol.memberUser().api().post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"0.01"}""".formatted(bousol.member().accountId(),
                roue.merchant().accountId())), 404, "not-found");
        assertProblem(bousol.admin().api().post("/api/v1/users", """
                {"username":"intrus-%s","password":"a-long-enough-password","role":"CURRENCY_ADMIN","currency":"%s"}"""
                .formatted(bousol.currency().toLowerCase(), roue.currency())), 404, "not-found");
        assertProblem(bousol.admin().api().post("/api/v1/users/" + roue.agent().username() + "/disable", "{}"),
                404, "not-found");
        // an unknown id is as absent as another currency's
        assertProblem(bousol.admin().api().get("/api/v1/participants/00000000-0000-0000-0000-000000000000"), 404,
                "not-found");
    }

    @Test
    void platformEndpointsAreRefusedToEveryoneBoundToACurrency() {
        Association bousol = association();
        for (User user : List.of(bousol.admin(), bousol.auditor())) {
            assertProblem(user.api().get("/api/v1/status"), 403, "forbidden");
        }
        assertProblem(bousol.admin().api().post("/api/v1/currencies", """
                {"code":"PIRATE%s","name":"Pirate","conversion":{"euros":"1","units":"1"},"reconversionFee":"0"}"""
                .formatted(bousol.currency().substring(1, 5))), 403, "forbidden");
        // an ADMIN of the whole platform, or an unbound user, is not the currency admin's to create
        assertProblem(bousol.admin().api().post("/api/v1/users", """
                {"username":"root-%s","password":"a-long-enough-password","role":"AUDITOR"}""".formatted(
                bousol.currency().toLowerCase())), 403, "forbidden");
        assertThat(api.get("/api/v1/status").status()).isEqualTo(200);
        User platformAuditor = ledger.user("AUDITOR", null, null);
        assertThat(platformAuditor.api().get("/api/v1/status").status()).isEqualTo(200);
        // the metrics tell every currency's volumes: the platform's too
        assertThat(bousol.auditor().api().get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(platformAuditor.api().get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void listsShowTheCallersCurrencyOnly() {
        Association bousol = association();
        Association roue = association();
        for (User user : List.of(bousol.admin(), bousol.auditor())) {
            Api api = user.api();
            assertThat(api.get("/api/v1/currencies").text()).contains(bousol.currency())
                    .doesNotContain(roue.currency());
            assertThat(api.get("/api/v1/participants?size=100").text()).contains(bousol.member().id())
                    .doesNotContain(roue.currency());
            assertThat(api.get("/api/v1/counters").text()).contains(bousol.counter()).doesNotContain(roue.counter());
            assertThat(api.get("/api/v1/merchants").text()).contains(bousol.merchant().id())
                    .doesNotContain(roue.currency());
            assertThat(api.get("/api/v1/users").text()).contains(bousol.agent().username())
                    .doesNotContain(roue.agent().username()).doesNotContain("\"admin\"");
            assertThat(api.get("/api/v1/audit?size=500").text()).contains(bousol.currency())
                    .doesNotContain(roue.currency());
        }
        assertThat(bousol.memberUser().api().get("/api/v1/currencies").text()).doesNotContain(roue.currency());
        assertThat(api.get("/api/v1/currencies").text()).contains(bousol.currency()).contains(roue.currency());
    }

    @Test
    void thePlatformAdminsActsAreInTheAuditOfTheCurrencyTheyConcern() {
        Association bousol = association();
        Association roue = association();
        Api.Response freeze = api.post("/api/v1/accounts/" + roue.member().accountId() + "/freeze",
                "{\"reason\":\"réquisition\"}");
        assertThat(freeze.status()).as(freeze.toString()).isEqualTo(200);
        String roueAudit = roue.auditor().api().get("/api/v1/audit?user=admin&aggregate="
                + roue.member().accountId()).text();
        assertThat(roueAudit).contains("AccountFrozen");
        assertThat(bousol.auditor().api().get("/api/v1/audit?user=admin&aggregate="
                + roue.member().accountId()).text()).doesNotContain("AccountFrozen");
    }

    @Test
    void aCurrencyAdminNeedsAnExistingCurrencyAndOnlyItsRolesTakeOne() {
        assertProblem(api.post("/api/v1/users", """
                {"username":"sans-monnaie","password":"a-long-enough-password","role":"CURRENCY_ADMIN"}"""), 400,
                "validation");
        assertProblem(api.post("/api/v1/users", """
                {"username":"monnaie-inconnue","password":"a-long-enough-password","role":"CURRENCY_ADMIN",
                 "currency":"NOPE999"}"""), 404, "not-found");
        String currency = ledger.currency("1", "1");
        assertProblem(api.post("/api/v1/users", """
                {"username":"admin-lie","password":"a-long-enough-password","role":"ADMIN","currency":"%s"}"""
                .formatted(currency)), 400, "validation");
    }
}
