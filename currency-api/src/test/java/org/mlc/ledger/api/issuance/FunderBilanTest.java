package org.mlc.ledger.api.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/** The funder's one-page bilan in PDF: drawn, then read back with PDFBox. */
public class FunderBilanTest extends IntegrationTest {

    public static HttpResponse<byte[]> pdf(int port, String user, String password, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    public static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theBilanNamesTheFunderAndItsFiguresOnOnePage() throws Exception {
        String code = ledger.currency("10", "10");
        Party city = ledger.participant("COLLECTIVITE", "Ville de Lyon", code);
        User cityUser = ledger.user("COLLECTIVITE", city.id(), null);
        Party alice = ledger.participant("MEMBER", "Alice", code);
        Party bob = ledger.participant("MEMBER", "Bob", code);
        Api.Response filed = cityUser.api().post("/api/v1/currencies/" + code + "/issuances", """
                {"funder":"%s","reference":"Indemnités novembre","lines":[%s,%s]}""".formatted(city.id(),
                IssuanceTest.line("a", alice.id(), "1200.00"), IssuanceTest.line("b", bob.id(), "300.00")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
        api.post("/api/v1/currencies/" + code + "/issuances/" + filed.get("id") + "/confirmation", "{}");
        IssuanceTest.awaitIssued(api, filed.get("id"));
        Party grocer = ledger.merchant("Epicerie", code);
        Api.Response paid = ledger.pay(alice, grocer, "200.00");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

        HttpResponse<byte[]> response = pdf(port, cityUser.username(), cityUser.password(),
                "/api/v1/reports/funders/" + city.id() + "/bilan.pdf?from=2000-01-01&to=2100-12-31");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = text(response.body());
        assertThat(text).contains("Bilan de Ville de Lyon", "Indemnités novembre", "1 500,00", "émise",
                "Unités dépensées chez les prestataires 200,00", "Part dépensée localement 13,33 %",
                "ALIMENTATION 200,00");
        assertThat(text.lines().filter(l -> l.startsWith("Bénéficiaires")).toList()).containsExactly(
                "Bénéficiaires 2");
    }

    @Test
    void anotherCollectiviteDoesNotGetTheBilan() throws Exception {
        String code = ledger.currency("10", "10");
        Party city = ledger.participant("COLLECTIVITE", "Ville", code);
        Party other = ledger.participant("COLLECTIVITE", "Autre", code);
        User otherUser = ledger.user("COLLECTIVITE", other.id(), null);

        HttpResponse<byte[]> response = pdf(port, otherUser.username(), otherUser.password(),
                "/api/v1/reports/funders/" + city.id() + "/bilan.pdf");

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
