package org.mlc.ledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/**
 * A valid request for every API endpoint, keyed {@code "METHOD /pattern"} as the controller
 * mappings name it, made for a caller of a given role from what that caller owns. The security
 * matrix and the fuzz test are generated from the mappings and look their samples up here: a
 * new endpoint without a sample fails them, naming it. Add one here with each new endpoint.
 */
public final class Endpoints {

    private Endpoints() {
    }

    public record Call(String method, String path, String body) {
    }

    /** A caller and what it owns (or, for ADMIN, AUDITOR and agents, what it acts on). */
    public record Who(String role, User user, Party party, Party payee, String counter, String payment) {
    }

    /** One currency with a counter, a member, a merchant, a CCAS and a collectivité, all funded. */
    public record World(String currency, String counter, Party member, Party merchant, Party ccas,
                        Party collectivite, Map<String, Who> byRole) {
    }

    public static World world(Ledger admin, Api adminApi) {
        String currency = admin.currency("10", "10");
        String counter = admin.counter(currency);
        Party member = admin.fundedMember(currency, counter, "100.00");
        Party merchant = funded(admin, "MERCHANT", currency, counter);
        Party ccas = funded(admin, "CCAS", currency, counter);
        Party collectivite = funded(admin, "COLLECTIVITE", currency, counter);
        String memberPayment = paid(admin, member, merchant);
        String ccasPayment = paid(admin, ccas, collectivite);
        Map<String, Who> byRole = new LinkedHashMap<>();
        User adminUser = new User("admin", Api.ADMIN_PASSWORD, adminApi);
        byRole.put("ADMIN", new Who("ADMIN", adminUser, member, merchant, counter, memberPayment));
        byRole.put("AUDITOR", new Who("AUDITOR", admin.user("AUDITOR", null, null), member, merchant, counter,
                memberPayment));
        byRole.put("COUNTER_AGENT", new Who("COUNTER_AGENT", admin.user("COUNTER_AGENT", null, counter), member,
                merchant, counter, memberPayment));
        byRole.put("MEMBER", new Who("MEMBER", admin.user("MEMBER", member.id(), null), member, merchant, counter,
                memberPayment));
        byRole.put("MERCHANT", new Who("MERCHANT", admin.user("MERCHANT", merchant.id(), null), merchant, member,
                counter, memberPayment));
        byRole.put("CCAS", new Who("CCAS", admin.user("CCAS", ccas.id(), null), ccas, collectivite, counter,
                ccasPayment));
        byRole.put("COLLECTIVITE", new Who("COLLECTIVITE", admin.user("COLLECTIVITE", collectivite.id(), null),
                collectivite, ccas, counter, ccasPayment));
        return new World(currency, counter, member, merchant, ccas, collectivite, byRole);
    }

    private static Party funded(Ledger admin, String kind, String currency, String counter) {
        Party party = admin.participant(kind, kind + " test", currency);
        Api.Response conversion = admin.convert(counter, party, "100.00");
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
        return party;
    }

    private static String paid(Ledger admin, Party from, Party to) {
        Api.Response payment = admin.pay(from, to, "1.00");
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        return payment.get("id");
    }

    /** The samples; {@code admin} sets up what a sample needs (a fresh account, a fresh user). */
    public static Map<String, BiFunction<World, Who, Call>> samples(Ledger admin) {
        Map<String, BiFunction<World, Who, Call>> samples = new LinkedHashMap<>();
        samples.put("POST /api/v1/currencies", (w, who) -> new Call("POST", "/api/v1/currencies", """
                {"code":"%s","name":"Sample","conversion":{"euros":"20","units":"21"},"reconversionFee":"0.05",
                 "membershipFee":"3.00"}""".formatted(
                "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase())));
        samples.put("GET /api/v1/currencies/{code}", (w, who) -> get("/api/v1/currencies/" + w.currency()));
        samples.put("GET /api/v1/currencies/{code}/supply",
                (w, who) -> get("/api/v1/currencies/" + w.currency() + "/supply"));
        samples.put("POST /api/v1/participants", (w, who) -> new Call("POST", "/api/v1/participants", """
                {"kind":"MEMBER","name":"Sample member","currency":"%s"}""".formatted(w.currency())));
        samples.put("GET /api/v1/participants/{id}", (w, who) -> get("/api/v1/participants/" + who.party().id()));
        samples.put("POST /api/v1/counters", (w, who) -> new Call("POST", "/api/v1/counters", """
                {"name":"Sample counter","currency":"%s"}""".formatted(w.currency())));
        samples.put("GET /api/v1/counters/{id}", (w, who) -> get("/api/v1/counters/" + who.counter()));
        samples.put("POST /api/v1/counters/{id}/conversions", (w, who) -> new Call("POST",
                "/api/v1/counters/" + who.counter() + "/conversions", """
                {"participant":"%s","euros":"1.00","paidBy":"CASH","payout":"ACCOUNT"}""".formatted(
                w.member().id())));
        samples.put("POST /api/v1/payments", (w, who) -> new Call("POST", "/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"0.01","reference":"sample"}""".formatted(
                who.party().accountId(), who.payee().accountId())));
        samples.put("GET /api/v1/payments/{id}", (w, who) -> get("/api/v1/payments/" + who.payment()));
        samples.put("GET /api/v1/accounts/{id}", (w, who) -> get("/api/v1/accounts/" + who.party().accountId()));
        samples.put("GET /api/v1/accounts/{id}/entries",
                (w, who) -> get("/api/v1/accounts/" + who.party().accountId() + "/entries"));
        samples.put("POST /api/v1/accounts/{id}/freeze", (w, who) -> reason("/api/v1/accounts/"
                + admin.participant("MEMBER", "To freeze", w.currency()).accountId() + "/freeze"));
        samples.put("POST /api/v1/accounts/{id}/unfreeze", (w, who) -> {
            String account = admin.participant("MEMBER", "To unfreeze", w.currency()).accountId();
            Api.Response frozen = admin.api().post("/api/v1/accounts/" + account + "/freeze", "{\"reason\":\"x\"}");
            assertThat(frozen.status()).as(frozen.toString()).isEqualTo(200);
            return reason("/api/v1/accounts/" + account + "/unfreeze");
        });
        samples.put("POST /api/v1/accounts/{id}/close", (w, who) -> reason("/api/v1/accounts/"
                + admin.participant("MEMBER", "To close", w.currency()).accountId() + "/close"));
        samples.put("POST /api/v1/users", (w, who) -> new Call("POST", "/api/v1/users", """
                {"username":"%s","password":"a-long-enough-password","role":"AUDITOR"}""".formatted(
                "sample-" + UUID.randomUUID().toString().substring(0, 8))));
        samples.put("GET /api/v1/users", (w, who) -> get("/api/v1/users"));
        samples.put("GET /api/v1/users/{username}", (w, who) -> get("/api/v1/users/admin"));
        samples.put("POST /api/v1/users/{username}/disable", (w, who) -> new Call("POST",
                "/api/v1/users/" + admin.user("AUDITOR", null, null).username() + "/disable", null));
        samples.put("POST /api/v1/users/{username}/enable", (w, who) -> new Call("POST",
                "/api/v1/users/" + admin.user("AUDITOR", null, null).username() + "/enable", null));
        samples.put("POST /api/v1/users/{username}/password", (w, who) -> new Call("POST",
                "/api/v1/users/" + admin.user("AUDITOR", null, null).username() + "/password",
                "{\"password\":\"another-long-password\"}"));
        samples.put("GET /api/v1/audit", (w, who) -> get("/api/v1/audit?size=10"));
        samples.put("GET /api/v1/reports/indicators",
                (w, who) -> get("/api/v1/reports/indicators?currency=" + w.currency()));
        samples.put("GET /api/v1/reports/counters/{id}/day",
                (w, who) -> get("/api/v1/reports/counters/" + who.counter() + "/day"));
        samples.put("GET /api/v1/reports/merchants/{id}/monthly",
                (w, who) -> get("/api/v1/reports/merchants/" + who.party().id() + "/monthly"));
        samples.put("GET /api/v1/status", (w, who) -> get("/api/v1/status"));
        return samples;
    }

    private static Call get(String path) {
        return new Call("GET", path, null);
    }

    private static Call reason(String path) {
        return new Call("POST", path, "{\"reason\":\"sample\"}");
    }
}
