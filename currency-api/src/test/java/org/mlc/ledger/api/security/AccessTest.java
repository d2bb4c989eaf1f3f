package org.mlc.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.security.SecurityMatrixTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** What each role may touch, checked on the resource itself, and the trail of who did what. */
class AccessTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private String currency;
    private String counterA;
    private String counterB;
    private Party member;

    @BeforeEach
    void world() {
        currency = ledger.currency("10", "10");
        counterA = ledger.counter(currency);
        counterB = ledger.counter(currency);
        member = ledger.participant("MEMBER", "Alice", currency);
    }

    @Test
    void anAgentOfCounterACannotConvertAtCounterB() {
        User agent = ledger.user("COUNTER_AGENT", null, counterA);
        String before = books.fingerprint();
        Api.Response refused = agent.api().post("/api/v1/counters/" + counterB + "/conversions", """
                {"participant":"%s","euros":"20.00","paidBy":"CASH"}""".formatted(member.id()));
        assertProblem(refused, 403, "forbidden");
        assertThat(books.fingerprint()).isEqualTo(before);
        Api.Response allowed = agent.api().post("/api/v1/counters/" + counterA + "/conversions", """
                {"participant":"%s","euros":"20.00","paidBy":"CASH"}""".formatted(member.id()));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
        assertProblem(agent.api().get("/api/v1/counters/" + counterB), 403, "forbidden");
    }

    @Test
    void aMerchantCannotReadAnotherMerchantsStatement() {
        Party shop = ledger.merchant("Shop", currency);
        Party other = ledger.merchant("Other shop", currency);
        User shopUser = ledger.user("MERCHANT", shop.id(), null);
        assertThat(shopUser.api().get("/api/v1/accounts/" + shop.accountId() + "/entries").status()).isEqualTo(200);
        // another's account answers exactly like an unknown one: ids cannot be probed
        assertProblem(shopUser.api().get("/api/v1/accounts/" + other.accountId() + "/entries"), 404, "not-found");
        assertProblem(shopUser.api().get("/api/v1/accounts/" + other.accountId()), 404, "not-found");
        assertProblem(shopUser.api().get("/api/v1/participants/" + other.id()), 404, "not-found");
    }

    @Test
    void aMemberCannotSeeOrSpendAnotherMembersAccount() {
        ledger.convert(counterA, member, "10.00");
        Party bob = ledger.participant("MEMBER", "Bob", currency);
        User bobUser = ledger.user("MEMBER", bob.id(), null);
        assertProblem(bobUser.api().get("/api/v1/accounts/" + member.accountId()), 404, "not-found");
        String before = books.fingerprint();
        Api.Response theft = bobUser.api().post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"5.00"}""".formatted(member.accountId(), bob.accountId()));
        assertProblem(theft, 404, "not-found");
        assertThat(theft.get("field")).isEqualTo("from");
        assertThat(books.fingerprint()).isEqualTo(before);
        assertThat(ledger.balance(member)).isEqualTo("10.00");
    }

    @Test
    void anAuditorReadsTheAuditTrailAndChangesNothing() {
        User agent = ledger.user("COUNTER_AGENT", null, counterA);
        Api.Response conversion = agent.api().request("POST", "/api/v1/counters/" + counterA + "/conversions", """
                {"participant":"%s","euros":"20.00","paidBy":"CASH"}""".formatted(member.id()), true,
                "Content-Type", "application/json", "Idempotency-Key", "audit-conv-" + counterA,
                "X-Correlation-Id", "corr-" + counterA);
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
        Party shop = ledger.merchant("Shop", currency);
        User memberUser = ledger.user("MEMBER", member.id(), null);
        Api.Response payment = memberUser.api().request("POST", "/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"5.00"}""".formatted(member.accountId(), shop.accountId()), true,
                "Content-Type", "application/json", "Idempotency-Key", "audit-pay-" + counterA,
                "X-Correlation-Id", "pay-" + counterA);
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);

        User auditor = ledger.user("AUDITOR", null, null);
        Api.Response trail = auditor.api().get("/api/v1/audit?correlationId=corr-" + counterA);
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        trail.json().path("entries").forEach(entries::add);
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.path("user").asText()).isEqualTo(agent.username());
            assertThat(entry.path("role").asText()).isEqualTo("COUNTER_AGENT");
            assertThat(entry.path("counter").asText()).isEqualTo(counterA);
            assertThat(entry.path("idempotencyKey").asText()).isEqualTo("audit-conv-" + counterA);
        });
        assertThat(entries).extracting(e -> e.path("event").asText()).contains("EurosConverted");
        // the saga's follow-up events carry the payer's trail too
        Api.Response paymentTrail = auditor.api().get("/api/v1/audit?correlationId=pay-" + counterA);
        List<String> events = new ArrayList<>();
        paymentTrail.json().path("entries").forEach(e -> {
            events.add(e.path("event").asText());
            assertThat(e.path("user").asText()).isEqualTo(memberUser.username());
        });
        assertThat(events).contains("TransferDebited", "TransferCredited");
        assertThat(auditor.api().get("/api/v1/audit?user=" + memberUser.username()).json().path("entries").size())
                .isEqualTo(events.size());

        String before = books.fingerprint();
        assertProblem(auditor.api().post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"1.00"}""".formatted(member.accountId(), shop.accountId())),
                403, "forbidden");
        assertProblem(auditor.api().post("/api/v1/users", "{}"), 403, "forbidden");
        assertThat(books.fingerprint()).isEqualTo(before);
        assertProblem(memberUser.api().get("/api/v1/audit"), 403, "forbidden");
    }

    @Test
    void aDisabledUserCannotLogInAndAResetPasswordReplacesTheOldOne() {
        User auditor = ledger.user("AUDITOR", null, null);
        assertThat(auditor.api().get("/api/v1/currencies/" + currency).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/users/" + auditor.username() + "/disable", "").status()).isEqualTo(200);
        assertProblem(auditor.api().get("/api/v1/currencies/" + currency), 401, "unauthorized");
        assertThat(api.post("/api/v1/users/" + auditor.username() + "/enable", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/users/" + auditor.username() + "/password",
                "{\"password\":\"a-brand-new-password\"}").status()).isEqualTo(200);
        assertProblem(auditor.api().get("/api/v1/currencies/" + currency), 401, "unauthorized");
        assertThat(auditor.api().as(auditor.username(), "a-brand-new-password")
                .get("/api/v1/currencies/" + currency).status()).isEqualTo(200);
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class,
                auditor.username());
        assertThat(hash).startsWith("$2").doesNotContain("a-brand-new-password");
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabled() {
        // other tests of the shared context make administrators of their own: admin is the last one once
        // they are disabled (through the API, each of them while another is still enabled)
        for (String other : jdbc.queryForList("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled "
                + "AND username <> 'admin'", String.class)) {
            assertThat(api.post("/api/v1/users/" + other + "/disable", "").status()).isEqualTo(200);
        }
        assertProblem(api.post("/api/v1/users/admin/disable", ""), 409, "last-administrator");
        assertThat(api.get("/api/v1/users/admin").get("enabled")).isEqualTo("true");
    }

    @Test
    void aUserIsBoundToWhatItsRoleRequires() {
        Party shop = ledger.merchant("Shop", currency);
        assertProblem(api.post("/api/v1/users", """
                {"username":"bad-binding","password":"long-enough-password","role":"MEMBER","participant":"%s"}"""
                .formatted(shop.id())), 400, "validation");
        assertProblem(api.post("/api/v1/users", """
                {"username":"no-counter","password":"long-enough-password","role":"COUNTER_AGENT"}"""), 400,
                "validation");
        assertProblem(api.post("/api/v1/users", """
                {"username":"short-pw","password":"short","role":"AUDITOR"}"""), 400, "validation");
        assertProblem(api.post("/api/v1/users", """
                {"username":"admin","password":"long-enough-password","role":"AUDITOR"}"""), 409, "already-exists");
    }

    @Test
    void repeatedFailedLoginsAreThrottledThenAllowedAgain() throws InterruptedException {
        User auditor = ledger.user("AUDITOR", null, null);
        Api wrong = auditor.api().as(auditor.username(), "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertProblem(wrong.get("/api/v1/currencies/" + currency), 401, "unauthorized");
        }
        // even the right password waits now
        assertProblem(auditor.api().get("/api/v1/currencies/" + currency), 429, "login-throttled");
        Thread.sleep(1_100);
        assertThat(auditor.api().get("/api/v1/currencies/" + currency).status()).isEqualTo(200);
        // a success clears the streak
        assertProblem(wrong.get("/api/v1/currencies/" + currency), 401, "unauthorized");
        assertThat(auditor.api().get("/api/v1/currencies/" + currency).status()).isEqualTo(200);
    }

    @Test
    void everyErrorIsAProblemWithoutInternals() {
        assertProblem(api.getAnonymously("/api/v1/currencies/" + currency), 401, "unauthorized");
        assertProblem(api.request("DELETE", "/api/v1/accounts/" + member.accountId(), null, true),
                405, "method-not-allowed");
        assertProblem(api.request("POST", "/api/v1/payments", "x", true, "Content-Type", "text/plain",
                "Idempotency-Key", "k-415-" + currency), 415, "unsupported-media-type");
        assertProblem(api.get("/api/v1/no-such-thing"), 404, "not-found");
        assertProblem(api.post("/api/v1/payments", "{\"from\":"), 400, "malformed");
        assertProblem(api.post("/api/v1/payments", "{\"a\":\"" + "x".repeat(300_000) + "\"}"), 413,
                "payload-too-large");
        assertProblem(api.get("/api/v1/accounts/" + member.accountId() + "/entries?page=abc"), 400, "validation");
        assertProblem(api.request("GET", "/api/v1/currencies/" + currency, null, true, "X-Correlation-Id", "a b"),
                400, "validation");
        Api.Response echoed = api.request("GET", "/api/v1/currencies/" + currency, null, true);
        assertThat(echoed.status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpointWithItsRoles() {
        Api.Response docs = api.getAnonymously("/v3/api-docs");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        SecurityMatrixTest.apiEndpoints(mappings).keySet().forEach(endpoint -> {
            String[] methodAndPath = endpoint.split(" ");
            assertThat(paths.path(methodAndPath[1]).has(methodAndPath[0].toLowerCase()))
                    .as(endpoint + " in /v3/api-docs").isTrue();
        });
        assertThat(paths.has("/api/v1/payments")).isTrue();
        assertThat(paths.has("/api/v1/audit")).isTrue();
        assertThat(paths.path("/api/v1/counters/{id}/conversions").path("post").path("x-roles").asText())
                .isEqualTo("ADMIN, COUNTER_AGENT");
        assertThat(api.getAnonymously("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
