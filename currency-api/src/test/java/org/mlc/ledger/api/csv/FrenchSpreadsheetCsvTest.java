package org.mlc.ledger.api.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/**
 * The files a treasurer opens in a French spreadsheet ({@code ?format=csv&dialect=fr}) and the files
 * such a spreadsheet saves, uploaded: ';', decimal comma, BOM, French headers, Paris times, names and
 * member numbers instead of ids; a bad cell refused in French with its line and column.
 */
class FrenchSpreadsheetCsvTest extends IntegrationTest {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PARIS_MINUTE = Pattern.compile("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final YearMonth thisMonth = YearMonth.now(CivilDay.ZONE);

    @Test
    void aStatementInTheFrenchDialectShowsTheCounterpartyByNameAndNumberAndParisTimes() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "20.00");
        Party baker = ledger.merchant("Boulangerie Dupont", currency);
        Api.Response paid = api.post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"12.50","reference":"pain; brioche"}""".formatted(
                member.accountId(), baker.accountId()));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        String path = "/api/v1/accounts/" + member.accountId() + "/entries";

        Api.Response french = api.get(path + "?format=csv&dialect=fr");

        assertThat(french.status()).as(french.toString()).isEqualTo(200);
        assertThat(french.contentType()).startsWith("text/csv");
        List<List<String>> rows = assertFrench(french.text(), "ligne;date;nature;opération;avec;référence;montant;solde");
        List<String> payment = rows.stream().filter(row -> row.get(2).equals("Paiement")).findFirst().orElseThrow();
        assertThat(payment.get(4)).isEqualTo(shown(baker));
        assertThat(payment.get(5)).isEqualTo("pain; brioche");
        assertThat(payment.get(6)).isEqualTo("-12,50");
        assertThat(payment.get(7)).isEqualTo("7,50");
        JsonNode entries = api.get(path).json().get("entries");
        Instant at = null;
        for (JsonNode entry : entries) {
            if (entry.get("kind").asText().equals("PAYMENT_OUT")) {
                at = Instant.parse(entry.get("at").asText());
            }
        }
        assertThat(payment.get(1)).isEqualTo(MINUTE.format(at.atZone(ZoneId.of("Europe/Paris"))));
        // the machine dialect stays what scripts read
        Api.Response machine = api.get(path + "?format=csv");
        assertThat(machine.text()).startsWith("line,at,kind,operation,counterparty,reference,amount,balance\r\n");
        assertThat(machine.text()).contains(baker.accountId()).contains(",-12.50,");
        assertThat(api.get(path + "?format=csv&dialect=de").status()).isEqualTo(400);
    }

    @Test
    void everyReportAndExportHasAFrenchDialect() throws Exception {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.fundedMember(currency, counter, "30.00");
        Party grocer = ledger.merchant("Épicerie du Port", currency);
        Party ccas = ledger.participant("CCAS", "CCAS de la ville", currency);
        User ccasUser = ledger.user("CCAS", ccas.id(), null);
        String program = ledger.aidProgram(ccas, currency, "ALIMENTATION");
        ledger.fundAidProgram(program, "50.00");
        assertThat(Ledger.grant(ccasUser.api(), program, member, "10.00").status()).isEqualTo(201);
        assertThat(ledger.pay(member, grocer, "25.50").status()).isEqualTo(201);
        assertThat(ledger.reconvert(grocer, "5.00").status()).isIn(200, 201);

        List<List<String>> indicators = assertFrench(api.get("/api/v1/reports/indicators?currency=" + currency
                + "&from=" + thisMonth + "&to=" + thisMonth + "&format=csv&dialect=fr").text(), "monnaie;mois;");
        // in units, not minor units: 30.00 converted
        assertThat(indicators.get(1).get(indicators.get(0).indexOf("euros convertis"))).isEqualTo("30,00");
        assertThat(indicators.get(1).get(1)).isEqualTo(thisMonth.format(DateTimeFormatter.ofPattern("MM/yyyy")));

        List<List<String>> day = assertFrench(api.get("/api/v1/reports/counters/" + counter + "/day?date="
                + LocalDate.now(CivilDay.ZONE) + "&format=csv&dialect=fr").text(), "conversion;date;compte;");
        assertThat(day.get(1)).contains(shown(member), "espèces", "sur le compte", "30,00");
        assertThat(day.get(1).get(1)).matches(PARIS_MINUTE);

        List<List<String>> month = assertFrench(api.get("/api/v1/reports/merchants/" + grocer.id()
                + "/monthly?month=" + thisMonth + "&format=csv&dialect=fr").text(), "ligne;date;nature;");
        assertThat(month.get(1)).contains(shown(member), "25,50");

        List<List<String>> aid = assertFrench(api.get("/api/v1/reports/aid-programs/" + program
                + "?format=csv&dialect=fr").text(), "mesure;filière;commerçant;");
        assertThat(aid).anySatisfy(row -> assertThat(row).containsExactly("accordé", "", "", "", "10,00"));

        List<List<String>> payouts = assertFrench(api.get("/api/v1/currencies/" + currency
                + "/payouts?format=csv&dialect=fr").text(), "reconversion;bénéficiaire;commerçant;euros;demandée le");
        assertThat(payouts.get(1).get(1)).isEqualTo("Épicerie du Port");
        assertThat(payouts.get(1).get(2)).isEqualTo(shown(grocer));
        assertThat(payouts.get(1).get(3)).matches("[0-9]+,[0-9]{2}");
        assertThat(payouts.get(1).get(4)).matches(PARIS_MINUTE);

        String batches = "/api/v1/aid-programs/" + program + "/grant-batches";
        Api.Response sent = ccasUser.api().postCsv(batches, "key,beneficiary,units\r\ng-1," + member.id()
                + ",2.50\r\n");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        finished(ccasUser.api(), batches + "/" + sent.get("id"));
        List<List<String>> lines = assertFrench(ccasUser.api().get(batches + "/" + sent.get("id")
                + "?format=csv&dialect=fr").text(), "ligne;clé;bénéficiaire;montant;état;");
        assertThat(lines.get(1)).contains("g-1", shown(member), "2,50", "fait");
    }

    @Test
    void aCcasGrantFileSavedByASpreadsheetUsesMemberNumbersAndNamesItsBadCellInFrench() throws Exception {
        Grants grants = grants();
        String file = sample("grants-fr.csv");
        assertThat(file).startsWith("\uFEFF").contains(";25,00;").contains("\r\n");

        JsonNode job = upload(grants, fill(file, grants));

        Map<Integer, JsonNode> lines = byLine(job);
        assertThat(lines.get(1).get("status").asText()).isEqualTo("DONE");
        assertThat(lines.get(2).get("status").asText()).isEqualTo("DONE");
        assertThat(lines.get(3).get("code").asText()).isEqualTo("validation");
        // the spreadsheet's fourth row (its header is the first), the column as the file names it
        assertThat(lines.get(3).get("detail").asText())
                .startsWith("ligne 4, colonne « Montant » : « 25,0,0 » n'est pas un montant");
        assertThat(lines.get(4).get("code").asText()).isEqualTo("not-found");
        assertThat(lines.get(4).get("detail").asText()).startsWith("ligne 5, colonne « Bénéficiaire » : aucun "
                + "participant n'a ici le numéro d'adhérent");
        assertThat(ledger.balance(grants.alice)).isEqualTo("25.00");
        assertThat(ledger.balance(grants.bob)).isEqualTo("12.50");
    }

    @Test
    void theSameGrantFileInTheMachineDialectByNumberOrIdGrantsTheSame() throws Exception {
        Grants grants = grants();
        String file = sample("grants-machine.csv");
        assertThat(file).doesNotStartWith("\uFEFF").startsWith("key,beneficiary,units,expires\r\n");

        JsonNode job = upload(grants, fill(file, grants));

        Map<Integer, JsonNode> lines = byLine(job);
        assertThat(lines.get(1).get("status").asText()).isEqualTo("DONE");
        assertThat(lines.get(2).get("status").asText()).isEqualTo("DONE");
        assertThat(lines.get(3).get("code").asText()).isEqualTo("validation");
        // a script's file keeps its English words
        assertThat(lines.get(3).get("detail").asText()).startsWith("units");
        assertThat(lines.get(4).get("code").asText()).isEqualTo("not-found");
        assertThat(lines.get(4).get("detail").asText()).startsWith("beneficiary: no participant here has");
        assertThat(ledger.balance(grants.alice)).isEqualTo("25.00");
        assertThat(ledger.balance(grants.bob)).isEqualTo("12.50");
    }

    @Test
    void aFrenchFileWhoseEveryLineIsBadIsRefusedInFrenchNamingTheCell() {
        Grants grants = grants();
        Api.Response refused = grants.ccas.api().postCsv(grants.path, "\uFEFFclé;bénéficiaire;montant\r\n"
                + "a-1;" + who(grants.alice) + ";douze\r\n");
        Api.assertProblem(refused, 400, "validation");
        assertThat(refused.get("detail")).isEqualTo(
                "ligne 2, colonne « montant » : « douze » n'est pas un montant positif (par exemple 25,00)");
    }

    @Test
    void aFileThatIsNotCsvIsRefusedNamingItsLineInTheClientsLanguage() {
        Grants grants = grants();
        String unclosed = "\uFEFFclé;bénéficiaire;montant\r\na-1;" + who(grants.alice) + ";1,00\r\n\r\n"
                + "a-2;\"" + who(grants.bob) + ";1,00\r\n";
        Api.Response french = grants.ccas.api().request("POST", grants.path, unclosed, true,
                "Content-Type", "text/csv", "Idempotency-Key", java.util.UUID.randomUUID().toString(), "Accept-Language", "fr");
        Api.assertProblem(french, 400, "validation");
        assertThat(french.get("field")).isEqualTo("line 4");
        assertThat(french.get("detail")).isEqualTo(
                "ligne 4 : fichier CSV illisible, un guillemet ouvert à cette ligne n'est jamais refermé");

        Api.Response english = api.postCsv("/api/v1/currencies/" + ledger.currency("1", "1") + "/bank-statements",
                "date,amount,label,reference\r\n2026-11-02,\"50.00\"x,A,B\r\n");
        Api.assertProblem(english, 400, "validation");
        assertThat(english.get("field")).isEqualTo("line 2");
        assertThat(english.get("detail")).isEqualTo("line 2: the CSV has text after a closing quote (a quoted field "
                + "ends at a comma or the line's end)");
    }

    @Test
    void aBankStatementSavedByASpreadsheetIsReadAndItsBadCellNamedInFrench() throws Exception {
        String currency = ledger.currency("1", "1");
        String path = "/api/v1/currencies/" + currency + "/bank-statements";
        Api.Response imported = api.postCsv(path, sample("bank-fr.csv"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("unmatched")).hasSize(2);
        assertThat(imported.json().get("unmatched").get(0).get("amount").asText()).isEqualTo("50.00");
        assertThat(imported.json().get("unmatched").get(1).get("amount").asText()).isEqualTo("-12.30");

        Api.Response refused = api.postCsv(path, "date;montant;libellé;référence\r\n02/11/2026;50,00;A;B\r\n"
                + "31/02/2026;1,00;C;D\r\n");
        Api.assertProblem(refused, 400, "validation");
        assertThat(refused.get("detail")).isEqualTo(
                "ligne 3, colonne « date » : « 31/02/2026 » n'est pas une date (jj/mm/aaaa)");
    }

    @Test
    void aCollectiviteBatchSavedByASpreadsheetPaysByMemberNumber() throws Exception {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party town = ledger.participant("COLLECTIVITE", "Communauté d'agglomération", currency);
        assertThat(ledger.convert(counter, town, "100.00").status()).isEqualTo(201);
        User townUser = ledger.user("COLLECTIVITE", town.id(), null);
        Party club = ledger.participant("ASSOCIATION", "Club de voile", currency);
        Party mayor = ledger.participant("MEMBER", "Élu", currency);
        String path = "/api/v1/accounts/" + town.accountId() + "/payment-batches";
        String file = sample("payments-fr.csv").replace("{club}", payee(club)).replace("{mayor}", payee(mayor));

        Api.Response sent = townUser.api().postCsv(path, file);

        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        JsonNode job = finished(townUser.api(), path + "/" + sent.get("id"));
        assertThat(job.get("succeeded").asInt()).as(job.toString()).isEqualTo(2);
        assertThat(ledger.balance(club)).isEqualTo("60.00");
        assertThat(ledger.balance(mayor)).isEqualTo("30.00");
    }

    private record Grants(Party alice, Party bob, User ccas, String path) {
    }

    private Grants grants() {
        String currency = ledger.currency("1", "1");
        Party ccas = ledger.participant("CCAS", "CCAS", currency);
        User ccasUser = ledger.user("CCAS", ccas.id(), null);
        Party alice = ledger.participant("MEMBER", "Alice", currency);
        Party bob = ledger.participant("MEMBER", "Bob", currency);
        String program = ledger.aidProgram(ccas, currency, "ALIMENTATION");
        ledger.fundAidProgram(program, "100.00");
        return new Grants(alice, bob, ccasUser, "/api/v1/aid-programs/" + program + "/grant-batches");
    }

    private String fill(String file, Grants grants) {
        LocalDate expires = LocalDate.now(CivilDay.ZONE).plusMonths(6);
        String bob = who(grants.bob);
        return file.replace("{alice-id}", grants.alice.id()).replace("{alice}", who(grants.alice))
                .replace("{bob}", bob).replace("{unknown}", bob.substring(0, bob.indexOf('-')) + "-999999")
                .replace("{expires-fr}", expires.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .replace("{expires-iso}", expires.toString());
    }

    private JsonNode upload(Grants grants, String file) throws InterruptedException {
        Api.Response sent = grants.ccas.api().postCsv(grants.path, file);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        return finished(grants.ccas.api(), grants.path + "/" + sent.get("id"));
    }

    /** How a file names a participant: by member number. */
    private String who(Party party) {
        String number = api.get("/api/v1/participants/" + party.id()).get("number");
        assertThat(number).matches("[A-Z0-9]+-[0-9]{6}");
        return number;
    }

    /** How a payment file names a payee: by member number. */
    private String payee(Party party) {
        return who(party);
    }

    /** How a French file shows a participant: name and member number. */
    private String shown(Party party) {
        Api.Response participant = api.get("/api/v1/participants/" + party.id());
        return participant.get("name") + " (" + participant.get("number") + ")";
    }

    /** The text is in the French dialect, its header starting so; its rows, header first. */
    private static List<List<String>> assertFrench(String text, String headerStart) {
        assertThat(text).startsWith("\uFEFF" + headerStart);
        assertThat(text).doesNotContainPattern(UUID);
        assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        List<List<String>> rows = Csv.readAnyDialect(text, 1000).records().stream().map(Csv.Record::fields)
                .toList();
        assertThat(rows.size()).as(text).isGreaterThan(1);
        for (List<String> row : rows) {
            assertThat(row).as(text).hasSize(rows.get(0).size());
            // a decimal comma, never a point
            assertThat(row).noneMatch(cell -> cell.matches("-?[0-9]+\\.[0-9]+"));
        }
        return rows;
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = FrenchSpreadsheetCsvTest.class.getResourceAsStream("/csv/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode finished(Api api, String path) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            if ("FINISHED".equals(response.get("status")) && "true".equals(response.get("caughtUp"))) {
                return response.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + path + " did not finish in 60 s");
    }

    private static Map<Integer, JsonNode> byLine(JsonNode job) {
        Map<Integer, JsonNode> lines = new HashMap<>();
        job.get("lines").forEach(line -> lines.put(line.get("line").asInt(), line));
        return lines;
    }
}
