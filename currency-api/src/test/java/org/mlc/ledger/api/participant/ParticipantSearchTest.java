package org.mlc.ledger.api.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/** The lists: currencies, counters and participants, searched by name and member number, page by page. */
class ParticipantSearchTest extends IntegrationTest {

    private static List<String> names(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static String search(String currency, String q) {
        return "/api/v1/participants?currency=" + currency + "&q=" + java.net.URLEncoder.encode(q,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aNameIsFoundWhateverItsAccentsAndCase() {
        String currency = ledger.currency("1", "1");
        ledger.participant("MEMBER", "Hélène Dupré", currency);
        ledger.participant("MEMBER", "Helene Martin", currency);
        ledger.participant("MEMBER", "Œdipe Roi", currency);
        ledger.participant("MEMBER", "Bob", currency);

        assertThat(names(api.get(search(currency, "helene")))).containsExactly("Hélène Dupré", "Helene Martin");
        assertThat(names(api.get(search(currency, "HÉLÈNE")))).containsExactly("Hélène Dupré", "Helene Martin");
        assertThat(names(api.get(search(currency, "dupre")))).containsExactly("Hélène Dupré");
        assertThat(names(api.get(search(currency, "oedipe")))).containsExactly("Œdipe Roi");
        assertThat(names(api.get(search(currency, "%")))).isEmpty();
        assertThat(names(api.get(search(currency, "")))).hasSize(4);
    }

    @Test
    void aMemberNumberIsFoundFromItsStartOrByItsDigits() {
        String currency = ledger.currency("1", "1");
        // names without digits: only the numbers can match digits
        for (char letter = 'A'; letter <= 'K'; letter++) {
            ledger.participant("MEMBER", "Member " + letter, currency);
        }

        assertThat(names(api.get(search(currency, currency + "-00001")))).containsExactly("Member J", "Member K");
        assertThat(names(api.get(search(currency, currency.toLowerCase() + "-000007")))).containsExactly("Member G");
        assertThat(names(api.get(search(currency, "7")))).containsExactly("Member G");
        assertThat(names(api.get(search(currency, "000007")))).containsExactly("Member G");
        Api.Response one = api.get(search(currency, currency + "-000003"));
        assertThat(one.json().get("items").get(0).get("number").asText()).isEqualTo(currency + "-000003");
    }

    @Test
    void pagesFollowEachOtherInAStableOrderAndTheirSizeIsBounded() {
        String currency = ledger.currency("1", "1");
        for (String name : List.of("Eve", "Ada", "Dan", "Cal", "Bea")) {
            ledger.participant("MEMBER", name, currency);
        }
        ledger.participant("MEMBER", "Ada", currency);

        Api.Response first = api.get("/api/v1/participants?currency=" + currency + "&size=4");
        Api.Response second = api.get("/api/v1/participants?currency=" + currency + "&size=4&page=1");

        assertThat(names(first)).containsExactly("Ada", "Ada", "Bea", "Cal");
        assertThat(names(second)).containsExactly("Dan", "Eve");
        JsonNode page = first.json();
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(page.get("size").asInt()).isEqualTo(4);
        assertThat(page.get("page").asInt()).isZero();
        // the two Adas in the order of their numbers
        assertThat(page.get("items").get(0).get("number").asText())
                .isLessThan(page.get("items").get(1).get("number").asText());
        assertThat(api.get("/api/v1/participants?currency=" + currency + "&size=100").status()).isEqualTo(200);
        for (String bad : List.of("size=0", "size=101", "size=x", "page=-1", "page=10001")) {
            Api.Response refused = api.get("/api/v1/participants?currency=" + currency + "&" + bad);
            assertProblem(refused, 400, "validation");
            assertThat(refused.get("field")).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
        assertProblem(api.get("/api/v1/participants?q=" + "x".repeat(101)), 400, "validation");
        assertProblem(api.get("/api/v1/participants?kind=DRAGON"), 400, "validation");
    }

    @Test
    void aKindNarrowsTheList() {
        String currency = ledger.currency("1", "1");
        ledger.participant("MEMBER", "Alice", currency);
        ledger.merchant("Boulangerie", currency);

        assertThat(names(api.get("/api/v1/participants?currency=" + currency + "&kind=MERCHANT")))
                .containsExactly("Boulangerie");
    }

    @Test
    void aCounterAgentListsTheMembersOfItsCurrencyOnly() {
        String bousol = ledger.currency("1", "1");
        String roue = ledger.currency("1", "1");
        String counter = ledger.counter(bousol);
        ledger.participant("MEMBER", "Alice", bousol);
        ledger.merchant("Boulangerie", bousol);
        ledger.participant("MEMBER", "Rosa", roue);
        User agent = ledger.user("COUNTER_AGENT", null, counter);

        assertThat(names(agent.api().get("/api/v1/participants"))).containsExactly("Alice");
        assertThat(names(agent.api().get("/api/v1/participants?currency=" + bousol + "&q=ali")))
                .containsExactly("Alice");
        // another currency's participants do not exist for this agent (docs/security.md, "Currencies")
        assertProblem(agent.api().get("/api/v1/participants?currency=" + roue), 404, "not-found");
        assertProblem(agent.api().get("/api/v1/participants?currency=" + bousol + "&kind=MERCHANT"), 403,
                "forbidden");
    }

    @Test
    void ownersMayNotListParticipants() {
        String currency = ledger.currency("1", "1");
        Party member = ledger.participant("MEMBER", "Alice", currency);
        User user = ledger.user("MEMBER", member.id(), null);

        assertProblem(user.api().get("/api/v1/participants?currency=" + currency), 403, "forbidden");
    }

    @Test
    void currenciesAndCountersAreListed() {
        String currency = ledger.currency("1", "1");
        String other = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        String elsewhere = ledger.counter(other);
        Party member = ledger.participant("MEMBER", "Alice", currency);
        User memberUser = ledger.user("MEMBER", member.id(), null);
        User agent = ledger.user("COUNTER_AGENT", null, counter);

        Api.Response currencies = memberUser.api().get("/api/v1/currencies");
        assertThat(currencies.status()).as(currencies.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        currencies.json().get("items").forEach(item -> codes.add(item.get("code").asText()));
        assertThat(codes).as("a member sees its own currency only").containsExactly(currency);
        List<String> all = new ArrayList<>();
        api.get("/api/v1/currencies").json().get("items").forEach(item -> all.add(item.get("code").asText()));
        assertThat(all).as("the platform's operator sees them all").contains(currency, other).isSorted();

        Api.Response counters = api.get("/api/v1/counters?currency=" + currency);
        assertThat(counters.status()).as(counters.toString()).isEqualTo(200);
        assertThat(counters.json().get("items")).hasSize(1);
        assertThat(counters.json().get("items").get(0).get("id").asText()).isEqualTo(counter);
        Api.Response own = agent.api().get("/api/v1/counters");
        assertThat(own.json().get("items")).hasSize(1);
        assertThat(own.json().get("items").get(0).get("id").asText()).isEqualTo(counter).isNotEqualTo(elsewhere);
        assertProblem(memberUser.api().get("/api/v1/counters"), 403, "forbidden");
    }
}
