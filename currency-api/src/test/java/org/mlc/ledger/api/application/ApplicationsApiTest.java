package org.mlc.ledger.api.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.api.support.ProxyClient;
import org.mlc.ledger.api.support.TestMail;

/**
 * Applications made without an account, their review, and the e-mails they cause, read from the
 * test JVM's SMTP server. Anonymous requests come through the trusted proxy, each test from a
 * client address of its own (the per-address limit is the application's default).
 */
class ApplicationsApiTest extends IntegrationTest {

    /** A SIRET with a valid check digit. */
    static final String SIRET = "73282932000074";

    private ProxyClient proxy;
    private String client;

    @BeforeEach
    void anonymousClient() {
        proxy = new ProxyClient(ProxyClient.TRUSTED, port);
        client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250) + ", 203.0.113."
                + ThreadLocalRandom.current().nextInt(1, 250);
        client = "203.0." + ThreadLocalRandom.current().nextInt(0, 256) + "." + ThreadLocalRandom.current().nextInt(1, 250);
    }

    static String email() {
        return "a" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static String merchantApplication(String currency, String name, String siret, String email, boolean charter) {
        return """
                {"currency":"%s","name":"%s","siret":"%s","address":"1 quai Est","postcode":"17000",
                 "commune":"La Rochelle","lat":46.1591,"lon":-1.152,"filiere":"ALIMENTATION","email":"%s",
                 "phone":"05 46 00 00 00","description":"Épicerie de produits locaux","website":"https://epicerie.example",
                 "charterAccepted":%s}""".formatted(currency, name, siret, email, charter);
    }

    private Api.Response anonymous(String path, String json) throws Exception {
        return proxy.postJson(path, json, client).api();
    }

    @Test
    void aMerchantAppliesTheAdminApprovesAndTheWelcomeLinkSetsItsPasswordOnce() throws Exception {
        String currency = ledger.currency("10", "10");
        String email = email();

        Api.Response applied = anonymous("/api/v1/public/merchant-applications",
                merchantApplication(currency, "Épicerie du Port", SIRET, email, true));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(202);
        assertThat(applied.get("status")).isEqualTo("PENDING");
        String id = applied.get("id");
        TestMail.Mail received = TestMail.await(email, 1).get(0);
        assertThat(received.subject()).contains("bien reçu votre candidature");
        assertThat(received.from()).isEqualTo("bousol@test.example");

        Api.Response pending = api.get("/api/v1/merchant-applications?currency=" + currency + "&status=PENDING");
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.json().path("applications").get(0).path("siret").asText()).isEqualTo(SIRET);
        assertThat(pending.json().path("applications").get(0).path("lat").asText()).isEqualTo("46.1591");

        // (another query than below's: the public directory is cached)
        assertThat(api.getAnonymously("/api/v1/public/merchants?currency=" + currency + "&filiere=ALIMENTATION").text())
                .as("nothing public before approval").doesNotContain("Épicerie du Port");
        Api.Response approved = api.post("/api/v1/merchant-applications/" + id + "/approval",
                "{\"filiere\":\"ALIMENTATION\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String participant = approved.get("participant");
        String username = approved.get("username");
        assertThat(username).isEqualTo("epicerie.du.port");
        assertThat(approved.get("accountId")).isNotBlank();
        assertThat(api.get("/api/v1/participants/" + participant).get("kind")).isEqualTo("MERCHANT");
        assertThat(jdbc.queryForList("SELECT merchant_status, status_decided_by FROM participant_view "
                + "WHERE participant_id = ?", participant)).containsExactly(
                java.util.Map.of("merchant_status", "APPROVED", "status_decided_by", "admin"));
        assertThat(api.get("/api/v1/merchant-applications?currency=" + currency + "&status=APPROVED").json()
                .path("applications").get(0).path("decidedBy").asText()).isEqualTo("admin");

        // the fields the applicant gave are its public profile from the approval on
        assertThat(api.getAnonymously("/api/v1/public/merchants?currency=" + currency).text())
                .contains("Épicerie du Port").contains("La Rochelle").contains("Épicerie de produits locaux")
                .doesNotContain(email).doesNotContain(SIRET);
        TestMail.Mail welcome = TestMail.await(email, 2).get(1);
        assertThat(welcome.subject()).contains("candidature est acceptée");
        assertThat(welcome.body()).contains(username);
        String link = welcome.link("/password/new?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM password_token WHERE token_hash = ?", Long.class, token))
                .as("the token is kept hashed only").isZero();
        Api.Response before = api.as(username, "a-password-long-enough").get("/api/v1/merchants");
        assertThat(before.status()).as("no password before the link is used").isEqualTo(401);

        Api.Response set = anonymous("/api/v1/public/passwords",
                "{\"token\":\"" + token + "\",\"password\":\"a-password-long-enough\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.get("username")).isEqualTo(username);
        assertThat(api.as(username, "a-password-long-enough").get("/api/v1/merchants").status()).isEqualTo(200);
        Api.Response again = anonymous("/api/v1/public/passwords",
                "{\"token\":\"" + token + "\",\"password\":\"another-password-long\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.get("field")).isEqualTo("token");

        Api.Response twice = api.post("/api/v1/merchant-applications/" + id + "/approval", "{}");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(TestMail.to(email)).hasSize(2);
    }

    @Test
    void aBadSiretOrAnUnacceptedCharterIsRefusedNamingItsFieldAndLaPostesSiretsAreAccepted() throws Exception {
        String currency = ledger.currency("10", "10");

        Api.Response badSiret = anonymous("/api/v1/public/merchant-applications",
                merchantApplication(currency, "Boulangerie", "73282932000075", email(), true));
        assertThat(badSiret.status()).as(badSiret.toString()).isEqualTo(400);
        assertThat(badSiret.get("field")).isEqualTo("siret");
        Api.Response shortSiret = anonymous("/api/v1/public/merchant-applications",
                merchantApplication(currency, "Boulangerie", "7328293200007", email(), true));
        assertThat(shortSiret.get("field")).isEqualTo("siret");
        Api.Response noCharter = anonymous("/api/v1/public/merchant-applications",
                merchantApplication(currency, "Boulangerie", SIRET, email(), false));
        assertThat(noCharter.status()).isEqualTo(400);
        assertThat(noCharter.get("field")).isEqualTo("charterAccepted");
        Api.Response unknownCurrency = anonymous("/api/v1/public/merchant-applications",
                merchantApplication("NOPE" + currency, "Boulangerie", SIRET, email(), true));
        assertThat(unknownCurrency.status()).isEqualTo(404);
        Api.Response laPoste = anonymous("/api/v1/public/merchant-applications",
                merchantApplication(currency, "Bureau de poste", "35600000049837", email(), true));
        assertThat(laPoste.status()).as(laPoste.toString()).isEqualTo(202);
        assertThat(api.get("/api/v1/merchant-applications?currency=" + currency).json().path("applications"))
                .hasSize(1);
    }

    @Test
    void aRejectionKeepsWhoAndWhyAndTellsTheApplicantTheReason() throws Exception {
        String currency = ledger.currency("10", "10");
        String email = email();
        String id = anonymous("/api/v1/public/merchant-applications",
                merchantApplication(currency, "Station service", SIRET, email, true)).get("id");

        Api.Response noReason = api.post("/api/v1/merchant-applications/" + id + "/rejection", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.get("field")).isEqualTo("reason");
        Api.Response rejected = api.post("/api/v1/merchant-applications/" + id + "/rejection",
                "{\"reason\":\"Hors du territoire de la monnaie\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.get("status")).isEqualTo("REJECTED");
        assertThat(rejected.get("decidedBy")).isEqualTo("admin");
        assertThat(rejected.get("reason")).isEqualTo("Hors du territoire de la monnaie");
        TestMail.Mail mail = TestMail.await(email, 2).get(1);
        assertThat(mail.subject()).contains("n'est pas retenue");
        assertThat(mail.body()).contains("Motif : Hors du territoire de la monnaie");
        assertThat(api.post("/api/v1/merchant-applications/" + id + "/approval", "{}").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/merchant-applications/" + UUID.randomUUID() + "/approval", "{}").status())
                .isEqualTo(404);
    }

    @Test
    void aMembershipApplicationIsFoundByItsNumberAndCompletedByAnAgentOfItsCurrencyOnly() throws Exception {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        User agent = ledger.user("COUNTER_AGENT", null, counter);
        User otherAgent = ledger.user("COUNTER_AGENT", null, ledger.counter(ledger.currency("10", "10")));
        String email = email();

        Api.Response applied = anonymous("/api/v1/public/membership-applications", """
                {"currency":"%s","name":"Jeanne Martin","email":"%s","commune":"Aytré"}""".formatted(currency, email));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(202);
        String number = applied.get("number");
        assertThat(number).matches("A-[0-9A-Z]{6}");
        assertThat(TestMail.await(email, 1).get(0).body()).contains(number);

        Api.Response found = agent.api().get("/api/v1/membership-applications?number=" + number.toLowerCase()
                .replace("-", ""));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("applications").get(0).path("name").asText()).isEqualTo("Jeanne Martin");
        assertThat(otherAgent.api().get("/api/v1/membership-applications?number=" + number).json()
                .path("applications")).as("another currency's agent does not find it").isEmpty();
        assertThat(otherAgent.api().post("/api/v1/membership-applications/" + number + "/approval", "{}").status())
                .as("another currency's application does not exist for its agent").isEqualTo(404);

        Api.Response completed = agent.api().post("/api/v1/membership-applications/" + number + "/approval", "{}");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.get("number")).startsWith(currency + "-");
        Api.Response member = api.get("/api/v1/participants/" + completed.get("participant"));
        assertThat(member.get("kind")).isEqualTo("MEMBER");
        assertThat(member.get("name")).isEqualTo("Jeanne Martin");
        assertThat(TestMail.await(email, 2).get(1).body()).contains(completed.get("number"))
                .contains("/password/new?token=");
        // the member then converts and pays the fee as any member does
        assertThat(ledger.convert(counter, new org.mlc.ledger.api.support.Ledger.Party(completed.get("participant"),
                completed.get("accountId")), "20.00").status()).isBetween(200, 299);
    }

    @Test
    void aForgottenPasswordGetsTheSameAnswerForAnyAddressAndAResetLinkOnlyForAKnownOne() throws Exception {
        String email = email();
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        assertThat(api.post("/api/v1/users", """
                {"username":"%s","password":"an-old-password-1","role":"AUDITOR","email":"%s"}"""
                .formatted(username, email)).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/users/" + username).get("email")).isEqualTo(email);
        assertThat(api.post("/api/v1/users", """
                {"username":"x%s","password":"an-old-password-1","role":"AUDITOR","email":"not-an-address"}"""
                .formatted(username)).get("field")).isEqualTo("email");

        Api.Response known = anonymous("/api/v1/public/password-resets", "{\"email\":\"" + email.toUpperCase() + "\"}");
        String unknownEmail = email();
        Api.Response unknown = anonymous("/api/v1/public/password-resets", "{\"email\":\"" + unknownEmail + "\"}");
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.text()).isEqualTo(unknown.text());
        assertThat(TestMail.to(unknownEmail)).isEmpty();

        TestMail.Mail mail = TestMail.await(email, 1).get(0);
        assertThat(mail.body()).contains(username).contains("30 minutes");
        String link = mail.link("/password/new?token=");
        Api.Response set = anonymous("/api/v1/public/passwords", "{\"token\":\"" + link.substring(link.indexOf("token=") + 6)
                + "\",\"password\":\"a-new-password-22\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(api.as(username, "a-new-password-22").get("/api/v1/users").status()).isEqualTo(200);
        assertThat(api.as(username, "an-old-password-1").get("/api/v1/users").status()).isEqualTo(401);

        // throttled: three links an hour for one user, then the same answer and no e-mail
        anonymous("/api/v1/public/password-resets", "{\"email\":\"" + email + "\"}");
        anonymous("/api/v1/public/password-resets", "{\"email\":\"" + email + "\"}");
        assertThat(anonymous("/api/v1/public/password-resets", "{\"email\":\"" + email + "\"}").status())
                .isEqualTo(202);
        Thread.sleep(300);
        assertThat(TestMail.to(email)).hasSize(3);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        String email = email();
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        api.post("/api/v1/users", """
                {"username":"%s","password":"an-old-password-1","role":"AUDITOR","email":"%s"}"""
                .formatted(username, email));
        anonymous("/api/v1/public/password-resets", "{\"email\":\"" + email + "\"}");
        String link = TestMail.await(email, 1).get(0).link("token=");
        jdbc.update("UPDATE password_token SET expires_at = now() - interval '1 second' WHERE username = ?", username);

        Api.Response expired = anonymous("/api/v1/public/passwords", "{\"token\":\"" + link.substring(link.indexOf("token=") + 6)
                + "\",\"password\":\"a-new-password-22\"}");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.get("code")).isEqualTo("validation");
        assertThat(expired.get("field")).isEqualTo("token");
    }

    @Test
    void aFilledHoneypotIsAnsweredAsUsualAndRecordsNothing() throws Exception {
        String currency = ledger.currency("10", "10");
        String json = merchantApplication(currency, "Robot", SIRET, email(), true)
                .replace("}", ",\"confirmEmail\":\"bot@example.org\"}");

        Api.Response answered = anonymous("/api/v1/public/merchant-applications", json);

        assertThat(answered.status()).isEqualTo(202);
        assertThat(api.get("/api/v1/merchant-applications?currency=" + currency).json().path("applications")).isEmpty();
    }

    @Test
    void anonymousPostsAreLimitedPerClientAddressWithRetryAfter() throws Exception {
        List<Integer> statuses = new java.util.ArrayList<>();
        ProxyClient.Response last = null;
        for (int i = 0; i < 11; i++) {
            last = proxy.postJson("/api/v1/public/password-resets", "{\"email\":\"" + email() + "\"}", client);
            statuses.add(last.status());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(202);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.api().get("code")).isEqualTo("rate-limited");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
        // another client behind the same proxy is not limited by it; a signed-in caller is not limited
        assertThat(proxy.postJson("/api/v1/public/password-resets", "{\"email\":\"" + email() + "\"}",
                "192.0.2.77").status()).isEqualTo(202);
        assertThat(api.post("/api/v1/public/password-resets", "{\"email\":\"" + email() + "\"}").status())
                .isEqualTo(202);
        // a body above the anonymous limit is refused before it is read
        Api.Response large = new ProxyClient(ProxyClient.TRUSTED, port).postJson("/api/v1/public/password-resets",
                "{\"email\":\"" + "x".repeat(20_000) + "\"}", "192.0.2.78").api();
        assertThat(large.status()).isEqualTo(413);
    }

    @Test
    void applicationsAreReadByTheAssociationOnly() throws Exception {
        User member = ledger.user("AUDITOR", null, null);
        assertThat(member.api().get("/api/v1/merchant-applications").status()).isEqualTo(200);
        assertThat(api.getAnonymously("/api/v1/merchant-applications").status()).isEqualTo(401);
        assertThat(api.getAnonymously("/api/v1/outbox").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/outbox").status()).isEqualTo(200);
    }
}
