package org.mlc.ledger.api.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.springframework.beans.factory.annotation.Autowired;

class PublicApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private PublicRateLimit rateLimit;

    /** A currency with a counter, a funded member, and merchants in every state of publication. */
    private record Town(String currency, Party member, Party listed, Party second, Party suspended,
                        Party unpublished, Party unapproved) {
    }

    private Town town() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "120.00");
        Party listed = ledger.merchant("Épicerie du Marché", currency);
        Party second = ledger.merchant("Boulangerie Lavigne", currency);
        Party suspended = ledger.merchant("Garage Suspendu", currency);
        Party unpublished = ledger.merchant("Bar Discret", currency);
        Party unapproved = ledger.unapprovedMerchant("Atelier En Attente", currency);
        publish(listed, "3 rue du Marché", "64000", "Pau", "43.2951", "-0.3708");
        publish(second, "12 place Royale", "64400", "Oloron-Sainte-Marie", "43.1942", "-0.6067");
        publish(suspended, "1 route de Bayonne", "64000", "Pau", "43.3", "-0.37");
        publish(unapproved, "8 rue Neuve", "64000", "Pau", "43.29", "-0.36");
        // a member has no public profile: the domain refuses it
        Api.Response memberProfile = api.post("/api/v1/participants/" + member.id() + "/public-profile",
                profile("1 rue Privée", "64000", "Pau", "43.1", "-0.1"));
        assertThat(memberProfile.status()).as(memberProfile.toString()).isEqualTo(422);
        assertThat(ledger.suspend(suspended, "unpaid membership").status()).isEqualTo(200);
        assertThat(ledger.pay(member, listed, "20.00").status()).isBetween(200, 201);
        return new Town(currency, member, listed, second, suspended, unpublished, unapproved);
    }

    private void publish(Party merchant, String address, String postcode, String commune, String lat, String lon) {
        Api.Response response = api.post("/api/v1/participants/" + merchant.id() + "/public-profile",
                profile(address, postcode, commune, lat, lon));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.get("published")).isEqualTo("true");
    }

    private static String profile(String address, String postcode, String commune, String lat, String lon) {
        return """
                {"address":"%s","postcode":"%s","commune":"%s","lat":"%s","lon":"%s",
                 "description":"Produits locaux","website":"https://exemple.fr","openingHours":"mar.-sam. 9h-19h"}"""
                .formatted(address, postcode, commune, lat, lon);
    }

    @Test
    void anAnonymousVisitorReadsTheSameFiguresAsTheAuthenticatedSupply() {
        Town town = town();
        JsonNode supply = ledger.supply(town.currency()).json();
        Api.Response figures = api.getAnonymously("/api/v1/public/currencies/" + town.currency());
        assertThat(figures.status()).as(figures.toString()).isEqualTo(200);
        JsonNode publicFigures = figures.json();
        for (String field : List.of("inCirculation", "electronic", "paper", "guaranteeFund", "backing",
                "coverageRatio", "cashCoverageRatio")) {
            assertThat(publicFigures.path(field).asText()).as(field).isEqualTo(supply.path(field).asText());
        }
        assertThat(publicFigures.path("inCirculation").asText()).isEqualTo("120.00");
        // approved merchants: the listed, the second and the unpublished (not the suspended, nor the unapproved)
        assertThat(publicFigures.path("approvedMerchants").asLong()).isEqualTo(3);
        assertThat(publicFigures.path("members").asLong()).isEqualTo(1);
        assertThat(publicFigures.path("conversion").path("euros").asText()).isEqualTo("1.00");
        assertThat(publicFigures.path("asOf").asText()).isNotBlank();
        assertThat(figures.text()).doesNotContain(town.member().id()).doesNotContain(town.member().accountId());

        Api.Response all = api.getAnonymously("/api/v1/public/currencies");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("currencies").findValuesAsText("code")).contains(town.currency());

        Api.Response history = api.getAnonymously("/api/v1/public/currencies/" + town.currency()
                + "/history?from=2026-01&to=2026-12");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().path("months")).hasSize(12);
        assertThat(history.json().path("months").get(0).path("month").asText()).isEqualTo("2026-01");

        assertThat(api.getAnonymously("/api/v1/public/currencies/NOSUCH").status()).isEqualTo(404);
        assertThat(api.getAnonymously("/api/v1/public/currencies/" + town.currency() + "/history?from=2026-12&to=2026-01")
                .status()).isEqualTo(400);
    }

    @Test
    void theDirectoryListsApprovedMerchantsWithAPublishedProfileOnlyNeverAMemberOrASuspendedOne() {
        Town town = town();
        Api.Response directory = api.getAnonymously("/api/v1/public/merchants?currency=" + town.currency());
        assertThat(directory.status()).as(directory.toString()).isEqualTo(200);
        List<String> names = directory.json().path("merchants").findValuesAsText("name");
        assertThat(names).containsExactly("Boulangerie Lavigne", "Épicerie du Marché");
        JsonNode first = directory.json().path("merchants").get(1);
        assertThat(first.path("number").asText()).startsWith(town.currency() + "-");
        assertThat(first.path("lat").asText()).isEqualTo("43.2951");
        assertThat(first.path("lon").asText()).isEqualTo("-0.3708");
        assertThat(first.path("commune").asText()).isEqualTo("Pau");
        assertThat(first.path("filiere").asText()).isEqualTo("ALIMENTATION");
        assertThat(first.has("id")).isFalse();
        assertThat(directory.text()).doesNotContain(town.listed().id(), town.listed().accountId(), "Member",
                town.member().id());

        Api.Response inPau = api.getAnonymously("/api/v1/public/merchants?currency=" + town.currency()
                + "&commune=pau");
        assertThat(inPau.json().path("merchants").findValuesAsText("name")).containsExactly("Épicerie du Marché");
        Api.Response byName = api.getAnonymously("/api/v1/public/merchants?currency=" + town.currency()
                + "&q=epicerie");
        assertThat(byName.json().path("merchants").findValuesAsText("name")).containsExactly("Épicerie du Marché");

        // withdrawn by the merchant itself: off the directory
        var merchantUser = ledger.user("MERCHANT", town.second().id(), null);
        Api.Response withdrawn = merchantUser.api().post("/api/v1/participants/" + town.second().id()
                + "/public-profile/withdrawal", "{}");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.get("published")).isEqualTo("false");
        Api.Response afterWithdrawal = api.getAnonymously("/api/v1/public/merchants?currency=" + town.currency()
                + "&commune=Oloron-Sainte-Marie");
        assertThat(afterWithdrawal.json().path("merchants")).isEmpty();
    }

    @Test
    void aMerchantPublishesItsOwnProfileOnlyAndEveryFieldIsChecked() {
        Town town = town();
        var merchantUser = ledger.user("MERCHANT", town.unpublished().id(), null);
        Api.Response others = merchantUser.api().post("/api/v1/participants/" + town.listed().id() + "/public-profile",
                profile("1 rue", "64000", "Pau", "43", "-0.3"));
        assertThat(others.status()).as(others.toString()).isEqualTo(403);
        Api.Response script = merchantUser.api().post("/api/v1/participants/" + town.unpublished().id()
                + "/public-profile", """
                {"address":"1 rue","postcode":"64000","commune":"Pau","website":"javascript:alert(1)"}""");
        assertThat(script.status()).as(script.toString()).isEqualTo(400);
        assertThat(script.get("field")).isEqualTo("website");
        Api.Response farAway = merchantUser.api().post("/api/v1/participants/" + town.unpublished().id()
                + "/public-profile", profile("1 rue", "64000", "Pau", "91", "-0.3"));
        assertThat(farAway.status()).as(farAway.toString()).isEqualTo(400);
        assertThat(farAway.get("field")).isEqualTo("lat");
        Api.Response tooLong = merchantUser.api().post("/api/v1/participants/" + town.unpublished().id()
                + "/public-profile", """
                {"address":"1 rue","postcode":"64000","commune":"Pau","description":"%s"}""".formatted("x".repeat(1001)));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.get("field")).isEqualTo("description");
        Api.Response own = merchantUser.api().post("/api/v1/participants/" + town.unpublished().id()
                + "/public-profile", profile("5 rue Basse", "64000", "Pau", "43.3", "-0.36"));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.get("lat")).isEqualTo("43.3");
    }

    @Test
    void theDirectoryAsGeoJsonIsAFeatureCollectionOfPointsInLongitudeLatitudeOrder() throws Exception {
        Town town = town();
        HttpResponse<String> response = anonymousGet("/api/v1/public/merchants?currency=" + town.currency()
                + "&format=geojson");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode geo = JSON.readTree(response.body());
        assertThat(geo.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.path("features").isArray()).isTrue();
        assertThat(geo.path("features")).hasSize(2);
        List<String> names = new ArrayList<>();
        for (JsonNode feature : geo.path("features")) {
            assertThat(feature.path("type").asText()).isEqualTo("Feature");
            JsonNode geometry = feature.path("geometry");
            assertThat(geometry.path("type").asText()).isEqualTo("Point");
            JsonNode coordinates = geometry.path("coordinates");
            assertThat(coordinates.isArray()).isTrue();
            assertThat(coordinates).hasSize(2);
            assertThat(coordinates.get(0).isNumber()).as("longitude is a number").isTrue();
            assertThat(coordinates.get(1).isNumber()).as("latitude is a number").isTrue();
            BigDecimal lon = coordinates.get(0).decimalValue();
            BigDecimal lat = coordinates.get(1).decimalValue();
            assertThat(lon).isBetween(new BigDecimal("-180"), new BigDecimal("180"));
            assertThat(lat).isBetween(new BigDecimal("-90"), new BigDecimal("90"));
            assertThat(feature.path("properties").isObject()).isTrue();
            names.add(feature.path("properties").path("name").asText());
        }
        assertThat(names).containsExactly("Boulangerie Lavigne", "Épicerie du Marché");
        JsonNode epicerie = geo.path("features").get(1).path("geometry").path("coordinates");
        // [lon, lat]: Pau is west of Greenwich (negative longitude) at 43° north
        assertThat(epicerie.get(0).decimalValue()).isEqualByComparingTo("-0.3708");
        assertThat(epicerie.get(1).decimalValue()).isEqualByComparingTo("43.2951");
    }

    @Test
    void theDirectoryAsAFrenchSpreadsheetUsesSemicolonsDecimalCommasAndFrenchHeaders() throws Exception {
        Town town = town();
        HttpResponse<String> response = anonymousGet("/api/v1/public/merchants?currency=" + town.currency()
                + "&format=csv&dialect=fr&commune=Pau");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String body = response.body();
        assertThat(body).startsWith("\uFEFF");
        String[] lines = body.substring(1).split("\r?\n");
        assertThat(lines[0]).startsWith("numéro;nom;filière;adresse;code postal;commune;latitude;longitude");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(";Épicerie du Marché;").contains(";43,2951;-0,3708;").contains(";Pau;");
    }

    @Test
    void thePublicFiguresAreKeptAShortWhileSoABurstOfVisitorsCostsOneComputation() {
        Town town = town();
        Api.Response first = api.getAnonymously("/api/v1/public/currencies/" + town.currency());
        assertThat(first.get("inCirculation")).isEqualTo("120.00");
        String counter = ledger.counter(town.currency());
        assertThat(ledger.convert(counter, town.member(), "5.00").status()).isEqualTo(201);
        assertThat(ledger.supply(town.currency()).get("inCirculation")).isEqualTo("125.00");
        Api.Response second = api.getAnonymously("/api/v1/public/currencies/" + town.currency());
        assertThat(second.get("inCirculation")).as("kept, not computed again").isEqualTo("120.00");
        assertThat(second.get("asOf")).isEqualTo(first.get("asOf"));
    }

    @Test
    void thePublicPagesShowAMerchantsWordsEscapedAndMayLoadTheMapTilesOnly() throws Exception {
        Town town = town();
        Api.Response script = api.post("/api/v1/participants/" + town.listed().id() + "/public-profile", """
                {"address":"3 rue du Marché","postcode":"64000","commune":"Pau","lat":"43.2951","lon":"-0.3708",
                 "description":"<script>alert('x')</script><img src=x onerror=alert(1)>"}""");
        assertThat(script.status()).as(script.toString()).isEqualTo(200);
        HttpResponse<String> page = anonymousGet("/public/" + town.currency() + "/annuaire?q=marche");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("img-src 'self' data: https://tile.openstreetmap.org;")
                .contains("script-src 'self'");
        HttpResponse<String> figures = anonymousGet("/public/" + town.currency());
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.body()).contains("id=\"inCirculation\">120,00<");
        assertThat(anonymousGet("/public/NOSUCH").statusCode()).isEqualTo(404);
    }

    @Test
    void anAnonymousClientBeyondTheLimitGets429WithRetryAfter() throws Exception {
        int before = rateLimit.requestsPerMinute();
        rateLimit.setRequestsPerMinute(3);
        try {
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 4; i++) {
                last = anonymousGet("/api/v1/public/currencies");
                statuses.add(last.statusCode());
            }
            assertThat(statuses).containsExactly(200, 200, 200, 429);
            assertThat(last.headers().firstValue("Retry-After")).isPresent();
            assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(JSON.readTree(last.body()).path("code").asText()).isEqualTo("rate-limited");
            // the public pages share the limit; a signed-in user is not counted
            assertThat(anonymousGet("/public/NOSUCH").statusCode()).isEqualTo(429);
            assertThat(api.get("/api/v1/public/currencies").status()).isEqualTo(200);
        } finally {
            rateLimit.setRequestsPerMinute(before);
        }
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
