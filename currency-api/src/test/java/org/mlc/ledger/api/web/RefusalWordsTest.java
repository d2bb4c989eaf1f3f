package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DomainException.Wording;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.money.Money;

/**
 * A refusal answers in the language the client asks for: French words with
 * {@code Accept-Language: fr}, English without it (the API's clients and their tests read English),
 * the same stable code either way; participants named by their names and member numbers, never
 * by a whole UUID.
 */
class RefusalWordsTest extends IntegrationTest {

    private static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Api.Response createUser(String body, String language) {
        return api.request("POST", "/api/v1/users", body, true, "Content-Type", "application/json",
                "Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", language);
    }

    @Test
    void theSameRefusalIsFrenchWhenAskedInFrenchAndEnglishOtherwiseNamingTheParticipantByName() {
        String currency = ledger.currency("1", "1");
        String name = "Épicerie Lafont " + currency.substring(1, 6);
        Party merchant = ledger.merchant(name, currency);
        String number = api.get("/api/v1/participants/" + merchant.id()).get("number");
        assertThat(number).startsWith(currency + "-");
        String body = """
                {"username":"u%s","password":"long-enough-password","role":"MEMBER","participant":"%s"}"""
                .formatted(currency.toLowerCase(), merchant.id());

        Api.Response french = createUser(body, "fr-FR,fr;q=0.9,en;q=0.5");
        Api.Response english = createUser(body, null);
        Api.Response preferringEnglish = createUser(body, "en-GB,fr;q=0.5");

        assertProblem(french, 400, "validation");
        assertProblem(english, 400, "validation");
        assertThat(french.get("field")).isEqualTo(english.get("field")).isEqualTo("participant");
        assertThat(french.get("detail")).isEqualTo("Participant : " + name + " (" + number
                + ") est inscrit comme prestataire, il ne peut pas avoir le profil adhérent");
        assertThat(english.get("detail")).isEqualTo("participant " + name + " (" + number
                + ") is a MERCHANT, not a MEMBER");
        assertThat(preferringEnglish.get("detail")).isEqualTo(english.get("detail"));
        assertThat(french.get("detail")).doesNotContain(merchant.id());
    }

    @Test
    void theApisOwnRefusalsHaveFrenchWords() {
        Api.Response missing = createUser("{\"role\":\"MEMBER\"}", "fr");
        assertProblem(missing, 400, "validation");
        assertThat(missing.get("detail")).isEqualTo("Identifiant : valeur obligatoire");
        assertThat(createUser("{\"role\":\"MEMBER\"}", null).get("detail")).isEqualTo("username is required");

        Api.Response unknownField = createUser("{\"role\":\"MEMBER\",\"colour\":\"red\"}", "fr");
        assertProblem(unknownField, 400, "validation");
        assertThat(unknownField.get("detail")).isEqualTo("Champ inconnu : colour");

        Api.Response noKey = api.request("POST", "/api/v1/users", "{}", true, "Content-Type", "application/json",
                "Accept-Language", "fr");
        assertProblem(noKey, 400, "idempotency-key-missing");
        assertThat(noKey.get("detail")).startsWith("L'en-tête Idempotency-Key est obligatoire");

        String currency = ledger.currency("1", "1");
        Party member = ledger.participant("MEMBER", "Jeanne Roux", currency);
        User memberUser = ledger.user("MEMBER", member.id(), null);
        Api.Response forbidden = memberUser.api().request("POST", "/api/v1/currencies", "{}", true,
                "Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString(),
                "Accept-Language", "fr");
        assertProblem(forbidden, 403, "forbidden");
        assertThat(forbidden.get("detail")).isEqualTo("Le profil adhérent n'a pas le droit de faire cela");
        Api.Response forbiddenInEnglish = memberUser.api().request("POST", "/api/v1/currencies", "{}", true,
                "Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(forbiddenInEnglish.get("detail")).isEqualTo("the role MEMBER may not do this");
    }

    @Test
    void anUnknownIdIsAShortReferenceInFrenchNeverAWholeUuid() {
        String unknown = UUID.randomUUID().toString();
        Api.Response refused = createUser("""
                {"username":"nobody%s","password":"long-enough-password","role":"MEMBER","participant":"%s"}"""
                .formatted(unknown.substring(0, 6), unknown), "fr");
        assertProblem(refused, 404, "not-found");
        assertThat(refused.get("detail")).isEqualTo("Participant introuvable : " + unknown.substring(0, 8));
        assertThat(UUID_PATTERN.matcher(refused.get("detail")).find()).isFalse();
    }

    @Test
    void anApiPathAskedByABrowserStillAnswersProblemJson() {
        Api.Response unknown = api.request("GET", "/api/v1/no-such-thing", null, true, "Accept",
                "text/html,application/xhtml+xml,*/*;q=0.8", "Accept-Language", "fr");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.get("code")).isEqualTo("not-found");
    }

    @Test
    void theApiAnswersInFrenchOnlyWhenTheClientRanksFrenchFirst() {
        assertThat(Wordings.apiLocale(withLanguage("fr"))).isEqualTo(Locale.FRENCH);
        assertThat(Wordings.apiLocale(withLanguage("fr-CA, en;q=0.8"))).isEqualTo(Locale.FRENCH);
        assertThat(Wordings.apiLocale(withLanguage("de, fr;q=0.7, en;q=0.5"))).isEqualTo(Locale.FRENCH);
        assertThat(Wordings.apiLocale(withLanguage("en-US, fr;q=0.9"))).isEqualTo(Locale.ENGLISH);
        assertThat(Wordings.apiLocale(withLanguage("de"))).isEqualTo(Locale.ENGLISH);
        assertThat(Wordings.apiLocale(withLanguage("not a ;; language"))).isEqualTo(Locale.ENGLISH);
        assertThat(Wordings.apiLocale(withLanguage(null))).isEqualTo(Locale.ENGLISH);
    }

    private static org.springframework.mock.web.MockHttpServletRequest withLanguage(String header) {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        if (header != null) {
            request.addHeader("Accept-Language", header);
        }
        return request;
    }

    @Test
    void olderWordsOfAnUnknownThingReadInFrenchWithAShortReference() {
        String id = UUID.randomUUID().toString();
        Wording older = new Wording(null, "unknown aid programme " + id, List.of());
        assertThat(Wordings.render(older, Locale.FRENCH, true))
                .isEqualTo("Programme d'aide introuvable : " + id.substring(0, 8));
        assertThat(Wordings.render(older, Locale.ENGLISH, false)).isEqualTo("unknown aid programme " + id);
        String closing = UUID.randomUUID().toString();
        assertThat(Wordings.render(new Wording(null, "unknown closing " + closing + " at counter " + id, List.of()),
                Locale.FRENCH, true)).isEqualTo("Clôture " + closing.substring(0, 8) + " introuvable au comptoir "
                + id.substring(0, 8));
        assertThat(Wordings.render(new Wording(null, "statementId is required", List.of()), Locale.FRENCH, true))
                .isEqualTo("statementId : valeur obligatoire");
    }

    @Test
    void argumentsAreShownAsPeopleReadThem() {
        String currency = ledger.currency("1", "1");
        Party member = ledger.participant("MEMBER", "Paul Durand", currency);
        Wording words = new Wording("test.none", "{0} holds {1} on {2}; {3}",
                List.of(new AccountId(member.accountId()), Money.of(51, currency), LocalDate.of(2026, 12, 3),
                        new ParticipantId(UUID.randomUUID().toString())));

        String french = Wordings.render(words, Locale.FRENCH, true);
        String english = Wordings.render(words, Locale.ENGLISH, false);

        String paul = "Paul Durand (" + api.get("/api/v1/participants/" + member.id()).get("number") + ")";
        assertThat(french).startsWith(paul + " holds 0,51 Test " + currency + " on 03/12/2026; ");
        assertThat(english).startsWith(paul + " holds 0.51 " + currency + " on 2026-12-03; ");
        assertThat(UUID_PATTERN.matcher(french).find()).as(french).isFalse();
    }
}
