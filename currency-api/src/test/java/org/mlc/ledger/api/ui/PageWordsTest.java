package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Endpoints;
import org.mlc.ledger.api.support.Endpoints.World;
import org.mlc.ledger.api.ui.PageSecurityTest.Session;

/**
 * Every page a person reaches from the menu, signed in as each role, speaks French and shows no
 * id: the text a person sees (not the attributes or links) holds no UUID and none of the English
 * words of a refusal. So do the error pages (an unknown page, a page of another role) and forms
 * sent with a refused value. A page added to the menu goes in {@link #PAGES}.
 */
class PageWordsTest extends IntegrationTest {

    /** The pages of the menu, per role: add a page here when you add it to the menu (layout.html). */
    static final Map<Role, List<String>> PAGES = new LinkedHashMap<>();

    static {
        List<String> association = List.of("/association", "/association/merchants", "/association/counters",
                "/association/notes", "/association/bank", "/association/users", "/territory",
                "/association/applications");
        List<String> platform = new java.util.ArrayList<>(association);
        platform.add("/platform");
        PAGES.put(Role.ADMIN, platform);
        PAGES.put(Role.CURRENCY_ADMIN, association);
        PAGES.put(Role.AUDITOR, association);
        PAGES.put(Role.COUNTER_AGENT, List.of("/counter", "/counter/convert", "/counter/deposit", "/counter/notes",
                "/counter/note-series", "/counter/closing", "/counter/day", "/counter/applications"));
        PAGES.put(Role.MEMBER, List.of("/account", "/pay"));
        PAGES.put(Role.MERCHANT, List.of("/account", "/pay", "/receive", "/reconversion"));
        PAGES.put(Role.CCAS, List.of("/account", "/pay", "/ccas"));
        PAGES.put(Role.COLLECTIVITE, List.of("/account", "/pay", "/receive", "/reconversion", "/ccas", "/territory",
                "/funder/issuances"));
        PAGES.put(Role.EMPLOYER, List.of("/account", "/pay", "/ccas", "/funder/issuances"));
    }

    static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** English words of refusals and raw codes or enum names that must not reach a French page. */
    static final List<String> ENGLISH = List.of("must", "required", "may not", "cannot", "unknown", "not found",
            "invalid", "holds", "available", "exceeds", "already", "refused", "forbidden", "error", "wrong",
            "is not", "only for", "too many", "no-budget", "validation", "not-found", "internal", "OPEN", "CLOSED",
            "PENDING", "COMPLETED", "ACTIVE", "APPROVED", "REGISTERED", "COUNTER_AGENT", "RUNNING", "FINISHED",
            "GRANTED", "CASH", "CARD", "CHEQUE", "UNMATCHED", "MISMATCHED");

    @Test
    void everyPageOfTheMenuTheErrorPagesAndARefusedFormSpeakFrenchWithoutIds() throws Exception {
        World world = Endpoints.world(ledger, api);
        String base = "http://localhost:" + port;
        List<String> failures = new ArrayList<>();
        Map<Role, Session> sessions = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            var user = world.byRole().get(role.name()).user();
            sessions.put(role, Session.signIn(base, user.username(), user.password()));
        }
        PAGES.forEach((role, paths) -> {
            for (String path : paths) {
                scan(failures, role + " " + path, sessions.get(role), path, 200);
            }
        });
        // the dashboard of a currency, with its figures
        scan(failures, "ADMIN /association?currency", sessions.get(Role.ADMIN),
                "/association?currency=" + world.currency(), 200);
        // the fonte explained in words, once the currency has one: on the dashboard and the public page
        var fund = ledger.participant("ASSOCIATION", "Fonds de projets", world.currency());
        assertThat(api.post("/api/v1/currencies/" + world.currency() + "/demurrage", """
                {"rate":"0.015","periodMonths":6,"firstDueOn":"%s","beneficiary":"%s"}""".formatted(
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusMonths(1), fund.id())).status())
                .isEqualTo(200);
        scan(failures, "ADMIN /association?currency (with a fonte)", sessions.get(Role.ADMIN),
                "/association?currency=" + world.currency(), 200);
        assertThat(visibleText(sessions.get(Role.ADMIN).get("/association?currency=" + world.currency()).body()))
                .contains("La fonte", "1,5 %", "Prochaine échéance", "Fonds de projets", "en timbres de billets");
        assertThat(visibleText(new Session(base).get("/public/" + world.currency()).body()))
                .contains("La fonte", "1,5 %", "Prochaine échéance", "Fonds de projets");
        // a revalidation of notes at the counter: its day lists the stamp, in words and euros
        Api.Response stamp = api.post("/api/v1/counters/" + world.counter() + "/note-revalidations",
                "{\"notes\":{\"10\":2},\"paidWith\":\"CASH\"}");
        assertThat(stamp.status()).as(stamp.toString()).isEqualTo(201);
        scan(failures, "COUNTER_AGENT /counter/day (a revalidation)", sessions.get(Role.COUNTER_AGENT), "/counter/day",
                200);
        assertThat(visibleText(sessions.get(Role.COUNTER_AGENT).get("/counter/day").body()))
                .contains("Timbres de fonte des billets", "Billets revalidés", "0,30");
        // the public pages, to anyone without an account: the figures, and the directory with a published profile
        assertThat(api.post("/api/v1/participants/" + world.merchant().id() + "/public-profile", """
                {"address":"3 rue du Marché","postcode":"64000","commune":"Pau","lat":"43.2951","lon":"-0.3708",
                 "openingHours":"mar.-sam. 9h-19h"}""").status()).isEqualTo(200);
        Session anonymous = new Session(base);
        scan(failures, "anonymous /public/{code}", anonymous, "/public/" + world.currency(), 200);
        scan(failures, "anonymous /public/{code}/annuaire", anonymous, "/public/" + world.currency() + "/annuaire",
                200);
        // another role's page: the refusal as a page
        scan(failures, "AUDITOR /counter (another role's page)", sessions.get(Role.AUDITOR), "/counter", 403);
        // links naming what does not exist: the refusal as a page, with a short reference at most
        scan(failures, "CCAS /ccas/program?id=", sessions.get(Role.CCAS), "/ccas/program?id=" + UUID.randomUUID(),
                404);
        scan(failures, "CCAS /ccas/batch?program=&batch=", sessions.get(Role.CCAS),
                "/ccas/batch?program=" + UUID.randomUUID() + "&batch=" + UUID.randomUUID(), 404);
        scan(failures, "COUNTER_AGENT /counter/z-report?closing=", sessions.get(Role.COUNTER_AGENT),
                "/counter/z-report?closing=" + UUID.randomUUID(), 404);

        // an unknown page, asked by a browser: an HTML page in French, not problem+json
        HttpResponse<String> unknown = browserGet(base, "/no-such-page");
        assertThat(unknown.statusCode()).isIn(302, 404);
        Session member = sessions.get(Role.MEMBER);
        HttpResponse<String> missing = member.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(visibleText(missing.body())).contains("Cette page n'existe pas");
        check(failures, "MEMBER /no-such-page", visibleText(missing.body()));

        // a form sent with an amount typed wrong: the refusal shown on the form, in French
        member.get("/pay");
        HttpResponse<String> refused = member.post("/pay", Map.of("to", world.merchant().accountId(), "amount", "abc",
                "key", "page-" + UUID.randomUUID()), member.csrf);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(visibleText(refused.body())).contains("Montant");
        check(failures, "MEMBER POST /pay amount=abc", visibleText(refused.body()));
        // a form sent naming a participant that cannot take this role: named by its name
        Session admin = sessions.get(Role.ADMIN);
        admin.get("/association/users");
        HttpResponse<String> wrongRole = admin.post("/association/users", Map.of("username", "x" + port + "y",
                "password", "long-enough-password", "role", "MEMBER", "participant", world.merchant().id(),
                "counter", "", "key", "page-" + UUID.randomUUID()), admin.csrf);
        String wrongRoleText = visibleText(wrongRole.body());
        assertThat(wrongRoleText).contains("prestataire, il ne peut pas avoir le profil adhérent");
        check(failures, "ADMIN POST /association/users (a merchant as a member)", wrongRoleText);

        assertThat(failures).isEmpty();
    }

    private void scan(List<String> failures, String what, Session session, String path, int expected) {
        try {
            HttpResponse<String> page = session.get(path);
            if (page.statusCode() != expected) {
                failures.add(what + " → " + page.statusCode() + ", expected " + expected);
                return;
            }
            check(failures, what, visibleText(page.body()));
        } catch (Exception e) {
            failures.add(what + ": " + e);
        }
    }

    /** Adds what the text shows that it must not: a UUID, an English word of a refusal, a raw code. */
    static void check(List<String> failures, String what, String text) {
        Matcher uuid = UUID_PATTERN.matcher(text);
        if (uuid.find()) {
            failures.add(what + " shows the id " + uuid.group() + " in: " + around(text, uuid.start()));
        }
        for (String word : ENGLISH) {
            boolean caseMatters = word.equals(word.toUpperCase(Locale.ROOT));
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}_-])",
                    caseMatters ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            Matcher found = pattern.matcher(text);
            if (found.find()) {
                failures.add(what + " shows \"" + word + "\" in: " + around(text, found.start()));
            }
        }
    }

    private static String around(String text, int at) {
        return "…" + text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 80)).replace('\n', ' ') + "…";
    }

    /**
     * The text a person sees: without the head, scripts, styles and tags (so without attributes and
     * links), entities decoded.
     */
    static String visibleText(String html) {
        String text = html.replaceAll("(?is)<head\\b.*?</head>", " ")
                .replaceAll("(?is)<script\\b.*?</script>", " ")
                .replaceAll("(?is)<style\\b.*?</style>", " ")
                .replaceAll("(?is)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        text = text.replace("&nbsp;", " ").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#x27;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }

    private static HttpResponse<String> browserGet(String base, String path) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
