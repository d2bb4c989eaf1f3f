package org.mlc.ledger.api.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;

/** Where participants are: a commune (INSEE code) and an EPCI (SIREN), at registration and after. */
class TerritoryTest extends IntegrationTest {

    private Api.Response register(String currency, String commune, String epci) {
        return api.post("/api/v1/participants", """
                {"kind":"COLLECTIVITE","name":"Ville","currency":"%s","commune":%s,"epci":%s}""".formatted(currency,
                commune == null ? "null" : "\"" + commune + "\"", epci == null ? "null" : "\"" + epci + "\""));
    }

    @Test
    void aParticipantRegisteredWithItsCommuneAndEpciShowsThem() {
        String currency = ledger.currency("1", "1");

        Api.Response registered = register(currency, "69123", "200046977");

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Api.Response shown = api.get("/api/v1/participants/" + registered.get("id"));
        assertThat(shown.get("commune")).isEqualTo("69123");
        assertThat(shown.get("epci")).isEqualTo("200046977");
    }

    @Test
    void aCorsicanCodeIsAcceptedInAnyCase() {
        String currency = ledger.currency("1", "1");

        Api.Response registered = register(currency, "2b033", null);

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/participants/" + registered.get("id")).get("commune")).isEqualTo("2B033");
    }

    @Test
    void aBadInseeCodeIsA400NamingCommuneAndRegistersNobody() {
        String currency = ledger.currency("1", "1");

        for (String commune : new String[] {"6912", "691234", "2C033", "PARIS"}) {
            Api.Response refused = register(currency, commune, null);
            assertProblem(refused, 400, "validation");
            assertThat(refused.json().path("field").asText()).isEqualTo("commune");
        }
        Api.Response badEpci = register(currency, "69123", "12345");
        assertProblem(badEpci, 400, "validation");
        assertThat(badEpci.json().path("field").asText()).isEqualTo("epci");
        assertThat(api.get("/api/v1/participants?currency=" + currency).json().path("total").asLong()).isZero();
    }

    @Test
    void anAdminChangesTheTerritoryAndNobodyElseDoes() {
        String currency = ledger.currency("1", "1");
        var member = ledger.participant("MEMBER", "Alice", currency);
        var alice = ledger.user("MEMBER", member.id(), null);

        Api.Response changed = api.post("/api/v1/participants/" + member.id() + "/territory",
                "{\"commune\":\"62160\",\"epci\":\"246200364\"}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.get("commune")).isEqualTo("62160");
        assertThat(api.get("/api/v1/participants/" + member.id()).get("epci")).isEqualTo("246200364");
        assertThat(alice.api().post("/api/v1/participants/" + member.id() + "/territory",
                "{\"commune\":\"75056\"}").status()).isEqualTo(403);
        Api.Response bad = api.post("/api/v1/participants/" + member.id() + "/territory", "{\"commune\":\"750\"}");
        assertProblem(bad, 400, "validation");
        assertThat(bad.json().path("field").asText()).isEqualTo("commune");
        assertThat(api.get("/api/v1/participants/" + member.id()).get("commune")).isEqualTo("62160");
    }
}
