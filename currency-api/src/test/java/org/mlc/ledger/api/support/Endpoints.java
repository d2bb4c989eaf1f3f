package org.mlc.ledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
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

    public record Call(String method, String path, String body, String contentType) {
        public Call(String method, String path, String body) {
            this(method, path, body, body == null ? null : "application/json");
        }
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
        Party supplier = admin.merchant("Supplier", currency);
        Party ccas = funded(admin, "CCAS", currency, counter);
        Party collectivite = funded(admin, "COLLECTIVITE", currency, counter);
        Party employer = funded(admin, "EMPLOYER", currency, counter);
        String memberPayment = paid(admin, member, merchant);
        String ccasPayment = paid(admin, ccas, collectivite);
        String employerPayment = paid(admin, employer, collectivite);
        Map<String, Who> byRole = new LinkedHashMap<>();
        User adminUser = new User("admin", Api.ADMIN_PASSWORD, adminApi);
        byRole.put("ADMIN", new Who("ADMIN", adminUser, member, merchant, counter, memberPayment));
        // the world's own administrator and auditor: bound to its currency (docs/security.md, "Currencies")
        byRole.put("CURRENCY_ADMIN", new Who("CURRENCY_ADMIN", admin.currencyUser("CURRENCY_ADMIN", currency), member,
                merchant, counter, memberPayment));
        byRole.put("AUDITOR", new Who("AUDITOR", admin.currencyUser("AUDITOR", currency), member, merchant, counter,
                memberPayment));
        byRole.put("COUNTER_AGENT", new Who("COUNTER_AGENT", admin.user("COUNTER_AGENT", null, counter), member,
                merchant, counter, memberPayment));
        byRole.put("MEMBER", new Who("MEMBER", admin.user("MEMBER", member.id(), null), member, merchant, counter,
                memberPayment));
        // a merchant pays members only as refunds: its sample payment goes to its supplier (B2B)
        byRole.put("MERCHANT", new Who("MERCHANT", admin.user("MERCHANT", merchant.id(), null), merchant, supplier,
                counter, memberPayment));
        byRole.put("CCAS", new Who("CCAS", admin.user("CCAS", ccas.id(), null), ccas, collectivite, counter,
                ccasPayment));
        byRole.put("COLLECTIVITE", new Who("COLLECTIVITE", admin.user("COLLECTIVITE", collectivite.id(), null),
                collectivite, ccas, counter, ccasPayment));
        byRole.put("EMPLOYER", new Who("EMPLOYER", admin.user("EMPLOYER", employer.id(), null), employer,
                collectivite, counter, employerPayment));
        return new World(currency, counter, member, merchant, ccas, collectivite, byRole);
    }

    private static Party funded(Ledger admin, String kind, String currency, String counter) {
        Party party = "MERCHANT".equals(kind) ? admin.merchant(kind + " test", currency)
                : admin.participant(kind, kind + " test", currency);
        Api.Response conversion = admin.convert(counter, party, "100.00");
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
        return party;
    }

    /**
     * A hold authorized by the admin to the caller's own account when the caller is a payee (a
     * merchant, the CCAS, the collectivité), else to the merchant.
     */
    private static String hold(Ledger admin, World w, Who who) {
        Party payee = switch (who.role()) {
            case "MERCHANT", "CCAS", "COLLECTIVITE" -> who.party();
            case "EMPLOYER" -> w.collectivite();
            default -> w.merchant();
        };
        Party payer = "EMPLOYER".equals(who.role()) ? who.party()
                : payee == w.ccas() ? w.collectivite() : payee == w.collectivite() ? w.ccas() : w.member();
        Api.Response hold = admin.api().post("/api/v1/payment-holds", """
                {"from":"%s","to":"%s","amount":"0.01"}""".formatted(payer.accountId(), payee.accountId()));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        return hold.get("id");
    }

    private static String paid(Ledger admin, Party from, Party to) {
        Api.Response payment = admin.pay(from, to, "1.00");
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        return payment.get("id");
    }

    /** A fresh series of notes of the currency, in the vault (docs/notes-and-fonte.md); its id. */
    private static String noteSeries(Ledger admin, String currency, String validUntil) {
        String name = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response series = admin.api().post("/api/v1/currencies/" + currency + "/note-series",
                "{\"series\":\"" + name + "\",\"printed\":{\"10\":10,\"50\":10}"
                        + (validUntil == null ? "" : ",\"validUntil\":\"" + validUntil + "\"") + "}");
        assertThat(series.status()).as(series.toString()).isEqualTo(201);
        return series.get("id");
    }

    private static String dispatched(Ledger admin, String currency, String counter) {
        String series = noteSeries(admin, currency, null);
        Api.Response dispatch = admin.api().post("/api/v1/note-series/" + series + "/dispatches",
                "{\"counter\":\"" + counter + "\",\"notes\":{\"10\":5,\"50\":5}}");
        assertThat(dispatch.status()).as(dispatch.toString()).isEqualTo(201);
        return series;
    }

    private static void noteSeriesSamples(Map<String, BiFunction<World, Who, Call>> samples, Ledger admin) {
        samples.put("POST /api/v1/currencies/{code}/note-series", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/note-series", "{\"series\":\"S"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"printed\":{\"10\":100,\"50\":10}}"));
        samples.put("GET /api/v1/currencies/{code}/notes", (w, who) -> get("/api/v1/currencies/" + w.currency()
                + "/notes"));
        samples.put("POST /api/v1/note-series/{id}/dispatches", (w, who) -> new Call("POST", "/api/v1/note-series/"
                + noteSeries(admin, w.currency(), null) + "/dispatches", "{\"counter\":\"" + who.counter()
                + "\",\"notes\":{\"10\":1}}"));
        samples.put("POST /api/v1/note-series/{id}/returns", (w, who) -> new Call("POST", "/api/v1/note-series/"
                + dispatched(admin, w.currency(), who.counter()) + "/returns", "{\"counter\":\"" + who.counter()
                + "\",\"notes\":{\"10\":1}}"));
        samples.put("POST /api/v1/note-series/{id}/withdrawals", (w, who) -> new Call("POST", "/api/v1/note-series/"
                + noteSeries(admin, w.currency(), null) + "/withdrawals",
                "{\"notes\":{\"10\":1},\"reason\":\"déchiré\"}"));
        samples.put("POST /api/v1/note-series/{id}/destructions", (w, who) -> {
            String series = noteSeries(admin, w.currency(), null);
            Api.Response withdrawn = admin.api().post("/api/v1/note-series/" + series + "/withdrawals",
                    "{\"notes\":{\"10\":1},\"reason\":\"déchiré\"}");
            assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(201);
            return new Call("POST", "/api/v1/note-series/" + series + "/destructions",
                    "{\"notes\":{\"10\":1},\"reason\":\"broyé\",\"witness\":\"Claire Martin\"}");
        });
        samples.put("POST /api/v1/currencies/{code}/note-series/{id}/exchange-deadline", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/note-series/" + noteSeries(admin, w.currency(), "2020-01-31")
                        + "/exchange-deadline", "{\"deadline\":\"2099-12-31\"}"));
        samples.put("POST /api/v1/note-series/{id}/release", (w, who) -> {
            // a series ended and closed long ago, none of its notes out: released with nothing credited
            String closed = noteSeries(admin, w.currency(), "2020-01-31");
            Api.Response deadline = admin.api().post("/api/v1/currencies/" + w.currency() + "/note-series/" + closed
                    + "/exchange-deadline", "{\"deadline\":\"2020-02-29\"}");
            assertThat(deadline.status()).as(deadline.toString()).isEqualTo(200);
            return new Call("POST", "/api/v1/note-series/" + closed + "/release", "{\"beneficiary\":\""
                    + admin.participant("ASSOCIATION", "Fonds de projets", w.currency()).accountId()
                    + "\",\"on\":\"2020-03-01\"}");
        });
        samples.put("POST /api/v1/counters/{id}/note-exchanges", (w, who) -> {
            ensureOpen(admin, who.counter());
            dispatched(admin, w.currency(), who.counter());
            String ended = noteSeries(admin, w.currency(), "2020-01-31");
            return new Call("POST", "/api/v1/counters/" + who.counter() + "/note-exchanges",
                    "{\"series\":\"" + ended + "\",\"notes\":{\"10\":1}}");
        });
        samples.put("POST /api/v1/counters/{id}/note-revalidations", (w, who) -> {
            // a fonte so small that a note of 10 costs one cent, paid in euros, issued to the fund
            ensureOpen(admin, who.counter());
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
            Party fund = admin.participant("ASSOCIATION", "Fonds de projets", w.currency());
            Api.Response policy = admin.api().post("/api/v1/currencies/" + w.currency() + "/demurrage",
                    "{\"rate\":\"0.000001\",\"periodMonths\":1,\"firstDueOn\":\"" + today
                            + "\",\"beneficiary\":\"" + fund.id() + "\"}");
            assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
            return new Call("POST", "/api/v1/counters/" + who.counter() + "/note-revalidations",
                    "{\"notes\":{\"10\":1},\"paidWith\":\"CASH\"}");
        });
    }

    /**
     * A counter's day has states (open, closed) and remittances have steps: each sample first
     * brings the counter or the remittance where its call makes sense, as the admin.
     */
    private static void counterSamples(Map<String, BiFunction<World, Who, Call>> samples, Ledger admin) {
        samples.put("POST /api/v1/counters/{id}/note-stock", (w, who) -> new Call("POST",
                "/api/v1/counters/" + who.counter() + "/note-stock", "{\"notes\":{\"1\":10,\"5\":2}}"));
        noteSeriesSamples(samples, admin);
        samples.put("POST /api/v1/counters/{id}/note-deposits", (w, who) -> {
            ensureOpen(admin, who.counter());
            admin.noteStock(who.counter(), "{\"1\":1}");
            Api.Response notes = admin.convertToNotes(who.counter(), w.member(), "1.00");
            assertThat(notes.status()).as(notes.toString()).isEqualTo(201);
            return new Call("POST", "/api/v1/counters/" + who.counter() + "/note-deposits",
                    "{\"participant\":\"" + w.member().id() + "\",\"notes\":{\"1\":1}}");
        });
        samples.put("POST /api/v1/counters/{id}/closings", (w, who) -> {
            ensureOpen(admin, who.counter());
            return new Call("POST", "/api/v1/counters/" + who.counter() + "/closings", "{\"countedCash\":\"0.00\"}");
        });
        samples.put("GET /api/v1/counters/{id}/closings/{closingId}", (w, who) -> {
            ensureOpen(admin, who.counter());
            Api.Response closing = admin.close(who.counter(), "0.00");
            assertThat(closing.status()).as(closing.toString()).isEqualTo(201);
            ensureOpen(admin, who.counter());
            return get("/api/v1/counters/" + who.counter() + "/closings/" + closing.get("id"));
        });
        samples.put("POST /api/v1/counters/{id}/closings/{closingId}/corrections", (w, who) -> {
            ensureOpen(admin, who.counter());
            Api.Response closing = admin.close(who.counter(), "0.00");
            assertThat(closing.status()).as(closing.toString()).isEqualTo(201);
            ensureOpen(admin, who.counter());
            return new Call("POST", "/api/v1/counters/" + who.counter() + "/closings/" + closing.get("id")
                    + "/corrections", "{\"countedCash\":\"0.00\",\"reason\":\"recounted\"}");
        });
        samples.put("POST /api/v1/counters/{id}/shortfall-coverings", (w, who) -> {
            // a shortfall to cover: the drawer's cash counted as nothing
            ensureOpen(admin, who.counter());
            cash(admin, w, who.counter());
            Api.Response closing = admin.close(who.counter(), "0.00");
            assertThat(closing.status()).as(closing.toString()).isEqualTo(201);
            ensureOpen(admin, who.counter());
            return new Call("POST", "/api/v1/counters/" + who.counter() + "/shortfall-coverings",
                    "{\"euros\":\"0.01\",\"reference\":\"VIR-1\"}");
        });
        samples.put("POST /api/v1/counters/{id}/reopening", (w, who) -> {
            ensureOpen(admin, who.counter());
            Api.Response closing = admin.close(who.counter(), "0.00");
            assertThat(closing.status()).as(closing.toString()).isEqualTo(201);
            return new Call("POST", "/api/v1/counters/" + who.counter() + "/reopening", null);
        });
        samples.put("POST /api/v1/counters/{id}/remittances", (w, who) -> {
            ensureOpen(admin, who.counter());
            cash(admin, w, who.counter());
            return new Call("POST", "/api/v1/counters/" + who.counter() + "/remittances", "{\"euros\":\"0.01\"}");
        });
        samples.put("GET /api/v1/counters/{id}/remittances/{remittanceId}", (w, who) ->
                get("/api/v1/counters/" + who.counter() + "/remittances/" + remittance(admin, w, who.counter(), false)));
        samples.put("POST /api/v1/counters/{id}/remittances/{remittanceId}/remitted", (w, who) -> new Call("POST",
                "/api/v1/counters/" + who.counter() + "/remittances/" + remittance(admin, w, who.counter(), false)
                        + "/remitted", null));
        samples.put("POST /api/v1/counters/{id}/remittances/{remittanceId}/confirmation", (w, who) -> new Call("POST",
                "/api/v1/counters/" + who.counter() + "/remittances/" + remittance(admin, w, who.counter(), true)
                        + "/confirmation", null));
    }

    private static void sponsorSamples(Map<String, BiFunction<World, Who, Call>> samples, Ledger admin) {
        samples.put("POST /api/v1/currencies/{code}/bonus-budgets", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/bonus-budgets", "{\"sponsor\":\"" + w.collectivite().id()
                + "\",\"euros\":\"10.00\",\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"}"));
        samples.put("GET /api/v1/currencies/{code}/bonus-budgets/{id}", (w, who) -> get("/api/v1/currencies/"
                + w.currency() + "/bonus-budgets/" + admin.sponsorBudget(w.currency(), "1.00", null)));
        samples.put("POST /api/v1/currencies/{code}/bonus-budgets/{id}/payments", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/bonus-budgets/" + admin.sponsorBudget(w.currency(), "1.00",
                        null) + "/payments", "{\"euros\":\"1.00\"}"));
        samples.put("POST /api/v1/currencies/{code}/bonus-eligibility", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/bonus-eligibility", "{\"kinds\":[\"MEMBER\"]}"));
        samples.put("POST /api/v1/currencies/{code}/member-transfers", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/member-transfers", "{\"allowed\":true}"));
        samples.put("POST /api/v1/currencies/{code}/reconversion-minimum-fee", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/reconversion-minimum-fee", "{\"minimumFee\":\"0\"}"));
        samples.put("POST /api/v1/currencies/{code}/donation-share", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/donation-share", "{\"share\":\"0\"}"));
        samples.put("POST /api/v1/currencies/{code}/demurrage", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/demurrage", "{\"rate\":\"0\"}"));
        samples.put("POST /api/v1/demurrage-runs", (w, who) -> {
            // a rate so small that no account of the world gives a cent: the run changes no balance
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
            Party fund = admin.participant("ASSOCIATION", "Fonds de projets", w.currency());
            Api.Response policy = admin.api().post("/api/v1/currencies/" + w.currency() + "/demurrage",
                    "{\"rate\":\"0.000001\",\"periodMonths\":1,\"firstDueOn\":\"" + today
                            + "\",\"beneficiary\":\"" + fund.id() + "\"}");
            assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
            return new Call("POST", "/api/v1/demurrage-runs", "{\"currency\":\"" + w.currency()
                    + "\",\"dueOn\":\"" + today + "\"}");
        });
        samples.put("POST /api/v1/currencies/{code}/bank-statements", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/bank-statements",
                "date,amount,label,reference\r\n2026-11-02,1.00,sample,NO-SUCH-REFERENCE\r\n", "text/csv"));
        samples.put("POST /api/v1/currencies/{code}/fund-accounts", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/fund-accounts",
                "{\"bank\":\"NEF\",\"iban\":\"" + freshIban() + "\"}"));
        samples.put("GET /api/v1/currencies/{code}/fund-accounts",
                (w, who) -> get("/api/v1/currencies/" + w.currency() + "/fund-accounts"));
        samples.put("POST /api/v1/currencies/{code}/bank-statements/{statementId}/lines/{line}/match-undo",
                (w, who) -> new Call("POST", "/api/v1/currencies/" + w.currency() + "/bank-statements/"
                        + matchedStatement(admin, w) + "/lines/2/match-undo", "{\"reason\":\"sample\"}"));
    }

    /** A French IBAN never declared before: random account digits, their mod-97 check digits. */
    public static String freshIban() {
        String bban = String.format("%023d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(),
                100_000_000_000_000_000L));
        java.math.BigInteger number = new java.math.BigInteger(bban + "1527" + "00"); // F=15, R=27
        int check = 98 - number.mod(java.math.BigInteger.valueOf(97)).intValue();
        return "FR" + String.format("%02d", check) + bban;
    }

    /** A statement whose line 2 matched a fresh remittance of 0.01, imported by the admin; its id. */
    private static String matchedStatement(Ledger admin, World w) {
        String remittance = remittance(admin, w, w.counter(), true);
        Api.Response imported = admin.api().postCsv("/api/v1/currencies/" + w.currency() + "/bank-statements",
                "date,amount,label,reference\r\n2026-11-02,0.01,sample," + remittance + "\r\n");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        return imported.get("id");
    }

    /** A fresh programme of the caller's funder (else the world's CCAS), funded with 1.00 €, made by the admin. */
    private static String aidProgram(Ledger admin, World w, Who who) {
        String program = admin.aidProgram(funder(w, who), w.currency(), "ALIMENTATION");
        admin.fundAidProgram(program, "1.00");
        return program;
    }

    /** A direct issuance of the caller's collectivité or employer (else the collectivité's) to the member. */
    private static String issuance(Ledger admin, World w, Who who) {
        Api.Response filed = admin.api().post("/api/v1/currencies/" + w.currency() + "/issuances",
                issuanceBody(w, who));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
        return filed.get("id");
    }

    private static String issuanceBody(World w, Who who) {
        Party funder = "EMPLOYER".equals(who.role()) ? who.party() : w.collectivite();
        return """
                {"funder":"%s","reference":"Indemnités","lines":[{"key":"l-1","recipient":"%s","units":"0.01"}]}"""
                .formatted(funder.id(), w.member().id());
    }

    /** The caller's own participant when it may run a programme (a CCAS, a collectivité, an employer). */
    private static Party funder(World w, Who who) {
        return switch (who.role()) {
            case "CCAS", "COLLECTIVITE", "EMPLOYER" -> who.party();
            default -> w.ccas();
        };
    }

    /** Grants and their batches name beneficiaries: only the funder makes them (its user, here). */
    private static Api funderApi(World w, Who who) {
        return switch (who.role()) {
            case "CCAS", "COLLECTIVITE", "EMPLOYER" -> who.user().api();
            default -> w.byRole().get("CCAS").user().api();
        };
    }

    private static void aidSamples(Map<String, BiFunction<World, Who, Call>> samples, Ledger admin) {
        samples.put("POST /api/v1/aid-programs", (w, who) -> new Call("POST", "/api/v1/aid-programs", """
                {"funder":"%s","currency":"%s","name":"Aide alimentaire","filieres":["ALIMENTATION"],"validityDays":90}"""
                .formatted(funder(w, who).id(), w.currency())));
        samples.put("GET /api/v1/aid-programs/{id}", (w, who) -> get("/api/v1/aid-programs/" + aidProgram(admin, w, who)));
        samples.put("POST /api/v1/aid-programs/{id}/fundings", (w, who) -> new Call("POST", "/api/v1/aid-programs/"
                + admin.aidProgram(funder(w, who), w.currency(), "ALIMENTATION") + "/fundings", "{\"euros\":\"1.00\"}"));
        samples.put("POST /api/v1/aid-programs/{id}/fundings/{fundingId}/confirmation", (w, who) -> {
            String program = admin.aidProgram(funder(w, who), w.currency(), "ALIMENTATION");
            Api.Response funding = admin.api().post("/api/v1/aid-programs/" + program + "/fundings",
                    "{\"euros\":\"1.00\"}");
            assertThat(funding.status()).as(funding.toString()).isEqualTo(201);
            // the body is optional (like a remittance's confirmation): an empty one is a valid request
            return new Call("POST", "/api/v1/aid-programs/" + program + "/fundings/" + funding.get("id")
                    + "/confirmation", null);
        });
        samples.put("POST /api/v1/aid-programs/{id}/grants", (w, who) -> new Call("POST", "/api/v1/aid-programs/"
                + aidProgram(admin, w, who) + "/grants", "{\"beneficiary\":\"" + w.member().id() + "\",\"units\":\"0.01\"}"));
        samples.put("POST /api/v1/aid-programs/{id}/grant-batches", (w, who) -> new Call("POST",
                "/api/v1/aid-programs/" + aidProgram(admin, w, who) + "/grant-batches",
                // no newline at the end: a truncated sample is certainly a bad line
                "key,beneficiary,units\r\nline-1," + w.member().id() + ",0.01", "text/csv"));
        samples.put("GET /api/v1/aid-programs/{id}/grant-batches/{batchId}", (w, who) -> {
            String program = aidProgram(admin, w, who);
            Api.Response batch = funderApi(w, who).post("/api/v1/aid-programs/" + program + "/grant-batches",
                    "{\"lines\":[{\"key\":\"l-1\",\"beneficiary\":\"" + w.member().id() + "\",\"units\":\"0.01\"}]}");
            assertThat(batch.status()).as(batch.toString()).isEqualTo(202);
            return get("/api/v1/aid-programs/" + program + "/grant-batches/" + batch.get("id"));
        });
        samples.put("POST /api/v1/aid-programs/{id}/closing", (w, who) -> new Call("POST", "/api/v1/aid-programs/"
                + aidProgram(admin, w, who) + "/closing", null));
        samples.put("GET /api/v1/reports/aid-programs/{id}", (w, who) -> get("/api/v1/reports/aid-programs/"
                + aidProgram(admin, w, who) + "?from=2026-01-01&to=2026-12-31&format=csv"));
        samples.put("GET /api/v1/reports/territory", (w, who) -> get("/api/v1/reports/territory?currency="
                + w.currency() + "&from=2026-01-01&to=2026-12-31&format=csv&dialect=fr"));
        samples.put("POST /api/v1/aid-expiry-runs", (w, who) -> new Call("POST", "/api/v1/aid-expiry-runs", null));
        samples.put("POST /api/v1/currencies/{code}/issuances", (w, who) -> new Call("POST", "/api/v1/currencies/"
                + w.currency() + "/issuances", issuanceBody(w, who)));
        samples.put("POST /api/v1/currencies/{code}/issuances/{id}/confirmation", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/issuances/" + issuance(admin, w, who) + "/confirmation", null));
        samples.put("GET /api/v1/issuances/{id}", (w, who) -> get("/api/v1/issuances/" + issuance(admin, w, who)));
        samples.put("GET /api/v1/reports/issuances", (w, who) -> get("/api/v1/reports/issuances?funder="
                + w.collectivite().id() + "&from=2026-01-01&to=2026-12-31"));
        samples.put("GET /api/v1/reports/bonus-budgets/{id}", (w, who) -> {
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
            Api.Response budget = admin.api().post("/api/v1/currencies/" + w.currency() + "/bonus-budgets", """
                    {"sponsor":"%s","euros":"10.00","from":"%s","to":"%s"}""".formatted(w.collectivite().id(),
                    today.minusDays(1), today.plusDays(30)));
            assertThat(budget.status()).as(budget.toString()).isEqualTo(201);
            return get("/api/v1/reports/bonus-budgets/" + budget.get("id"));
        });
        samples.put("GET /api/v1/reports/funders/{id}/bilan.pdf", (w, who) -> get("/api/v1/reports/funders/"
                + ("EMPLOYER".equals(who.role()) ? who.party() : w.collectivite()).id()
                + "/bilan.pdf?from=2026-01-01&to=2026-12-31"));
        samples.put("POST /api/v1/currencies/{code}/filieres", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/filieres", "{\"filiere\":\"BOULANGERIE\"}"));
        samples.put("POST /api/v1/accounts/{id}/payment-batches", (w, who) -> new Call("POST", "/api/v1/accounts/"
                + w.collectivite().accountId() + "/payment-batches", "{\"lines\":[{\"key\":\"" + UUID.randomUUID()
                + "\",\"to\":\"" + w.ccas().accountId() + "\",\"amount\":\"0.01\",\"reference\":\"subvention\"}]}"));
        samples.put("GET /api/v1/accounts/{id}/payment-batches/{batchId}", (w, who) -> {
            Api.Response batch = admin.api().post("/api/v1/accounts/" + w.collectivite().accountId()
                    + "/payment-batches", "{\"lines\":[{\"key\":\"" + UUID.randomUUID() + "\",\"to\":\""
                    + w.ccas().accountId() + "\",\"amount\":\"0.01\"}]}");
            assertThat(batch.status()).as(batch.toString()).isEqualTo(202);
            return get("/api/v1/accounts/" + w.collectivite().accountId() + "/payment-batches/" + batch.get("id"));
        });
    }

    /** Puts 1.00 € of cash in the drawer (a closing sample may have counted it out before). */
    private static void cash(Ledger admin, World w, String counter) {
        Api.Response conversion = admin.convert(counter, w.member(), "1.00");
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
    }

    /** Brings 1.00 € of the counter's cash into the guarantee fund, for a reconversion to draw on. */
    private static void fund(Ledger admin, World w) {
        ensureOpen(admin, w.counter());
        cash(admin, w, w.counter());
        admin.remitAndConfirm(w.counter(), "1.00");
    }

    /** Reopens the counter if a sample closed it (reopening an open counter is refused: ignored). */
    private static void ensureOpen(Ledger admin, String counter) {
        admin.api().request("POST", "/api/v1/counters/" + counter + "/reopening", null, true,
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    /**
     * A fresh reconversion of 1.00 by the caller's participant when it may reconvert (a merchant, a
     * collectivité), else by the world's merchant, as the admin; its id. The fund is fed first.
     */
    private static String reconversion(Ledger admin, World w, Who who) {
        Party party = "COLLECTIVITE".equals(who.role()) ? w.collectivite() : w.merchant();
        fund(admin, w);
        Api.Response reconversion = admin.reconvert(party, "1.00");
        assertThat(reconversion.status()).as(reconversion.toString()).isEqualTo(201);
        return reconversion.get("id");
    }

    /** A fresh remittance of 0.01 at the counter, marked remitted if asked; its id. */
    private static String remittance(Ledger admin, World w, String counter, boolean remitted) {
        ensureOpen(admin, counter);
        cash(admin, w, counter);
        Api.Response remittance = admin.remit(counter, "0.01");
        assertThat(remittance.status()).as(remittance.toString()).isEqualTo(201);
        String id = remittance.get("id");
        if (remitted) {
            Api.Response done = admin.api().request("POST", "/api/v1/counters/" + counter + "/remittances/" + id
                    + "/remitted", null, true, "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(done.status()).as(done.toString()).isBetween(200, 299);
        }
        return id;
    }

    /** The samples; {@code admin} sets up what a sample needs (a fresh account, a fresh user). */
    public static Map<String, BiFunction<World, Who, Call>> samples(Ledger admin) {
        Map<String, BiFunction<World, Who, Call>> samples = new LinkedHashMap<>();
        samples.put("POST /api/v1/currencies", (w, who) -> new Call("POST", "/api/v1/currencies", """
                {"code":"%s","name":"Sample","conversion":{"euros":"20","units":"21"},"reconversionFee":"0.05",
                 "membershipFee":"3.00"}""".formatted(
                "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase())));
        samples.put("GET /api/v1/currencies", (w, who) -> get("/api/v1/currencies"));
        samples.put("GET /api/v1/currencies/{code}", (w, who) -> get("/api/v1/currencies/" + w.currency()));
        samples.put("GET /api/v1/currencies/{code}/supply",
                (w, who) -> get("/api/v1/currencies/" + w.currency() + "/supply"));
        samples.put("POST /api/v1/participants", (w, who) -> new Call("POST", "/api/v1/participants", """
                {"kind":"MEMBER","name":"Sample member","currency":"%s"}""".formatted(w.currency())));
        samples.put("GET /api/v1/participants", (w, who) -> get("/api/v1/participants?currency=" + w.currency()
                + "&kind=MEMBER&q=a&page=0&size=10"));
        samples.put("GET /api/v1/participants/{id}", (w, who) -> get("/api/v1/participants/" + who.party().id()));
        samples.put("POST /api/v1/participants/{id}/territory", (w, who) -> new Call("POST", "/api/v1/participants/"
                + who.party().id() + "/territory", "{\"commune\":\"62160\",\"epci\":\"246200364\"}"));
        samples.put("POST /api/v1/counters", (w, who) -> new Call("POST", "/api/v1/counters", """
                {"name":"Sample counter","currency":"%s"}""".formatted(w.currency())));
        samples.put("GET /api/v1/counters", (w, who) -> get("/api/v1/counters?currency=" + w.currency()));
        samples.put("GET /api/v1/counters/{id}", (w, who) -> get("/api/v1/counters/" + who.counter()));
        samples.put("POST /api/v1/counters/{id}/conversions", (w, who) -> new Call("POST",
                "/api/v1/counters/" + who.counter() + "/conversions", """
                {"participant":"%s","euros":"1.00","paidBy":"CASH","payout":"ACCOUNT"}""".formatted(
                w.member().id())));
        samples.put("POST /api/v1/counters/{id}/conversions/{conversionId}/cancellation", (w, who) -> {
            ensureOpen(admin, who.counter());
            Api.Response conversion = admin.convert(who.counter(), w.member(), "1.00");
            assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
            return new Call("POST", "/api/v1/counters/" + who.counter() + "/conversions/" + conversion.get("id")
                    + "/cancellation", "{\"reason\":\"sample: wrong amount\"}");
        });
        samples.put("GET /api/v1/counters/{id}/conversion-quote", (w, who) -> {
            ensureOpen(admin, who.counter());
            return get("/api/v1/counters/" + who.counter() + "/conversion-quote?participant=" + w.member().id()
                    + "&euros=1.00&paidBy=CASH");
        });
        samples.put("POST /api/v1/payments", (w, who) -> new Call("POST", "/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"0.01","reference":"sample"}""".formatted(
                who.party().accountId(), who.payee().accountId())));
        samples.put("GET /api/v1/payments/{id}", (w, who) -> get("/api/v1/payments/" + who.payment()));
        samples.put("POST /api/v1/payments/{id}/refunds", (w, who) -> new Call("POST",
                "/api/v1/payments/" + who.payment() + "/refunds", "{\"amount\":\"0.01\"}"));
        samples.put("POST /api/v1/participants/{id}/memberships", (w, who) -> {
            ensureOpen(admin, who.counter());
            // a member spends its own units; the others take euros at the counter for a new member
            if ("MEMBER".equals(who.role())) {
                return new Call("POST", "/api/v1/participants/" + who.party().id() + "/memberships", """
                        {"counter":"%s","paidWith":"UNITS"}""".formatted(who.counter()));
            }
            return new Call("POST", "/api/v1/participants/" + admin.participant("MEMBER", "Adherent", w.currency()).id()
                    + "/memberships", """
                    {"counter":"%s","paidWith":"CASH"}""".formatted(who.counter()));
        });
        samples.put("POST /api/v1/currencies/{code}/membership", (w, who) -> new Call("POST",
                "/api/v1/currencies/" + w.currency() + "/membership", "{\"membershipFee\":\"3.00\",\"requiredForConversion\":false}"));
        samples.put("POST /api/v1/payment-holds", (w, who) -> new Call("POST", "/api/v1/payment-holds", """
                {"from":"%s","to":"%s","amount":"0.01","reference":"sample","expiresInMinutes":5}""".formatted(
                who.party().accountId(), who.payee().accountId())));
        samples.put("GET /api/v1/payment-holds/{id}", (w, who) -> get("/api/v1/payment-holds/" + hold(admin, w, who)));
        samples.put("POST /api/v1/payment-holds/{id}/capture", (w, who) -> new Call("POST",
                "/api/v1/payment-holds/" + hold(admin, w, who) + "/capture", "{\"amount\":\"0.01\"}"));
        samples.put("POST /api/v1/payment-holds/{id}/void", (w, who) -> new Call("POST",
                "/api/v1/payment-holds/" + hold(admin, w, who) + "/void", null));
        samples.put("POST /api/v1/participants/{id}/approval", (w, who) -> new Call("POST", "/api/v1/participants/"
                + admin.participant("MERCHANT", "To approve", w.currency()).id() + "/approval",
                "{\"filiere\":\"ALIMENTATION\",\"reason\":\"sample\"}"));
        // applications (#20): anonymous submissions, their review, forgotten passwords, the outbox
        samples.put("POST /api/v1/public/merchant-applications", (w, who) -> new Call("POST",
                "/api/v1/public/merchant-applications", merchantApplication(w.currency())));
        samples.put("GET /api/v1/merchant-applications", (w, who) -> get("/api/v1/merchant-applications?currency="
                + w.currency() + "&status=PENDING"));
        samples.put("POST /api/v1/merchant-applications/{id}/approval", (w, who) -> new Call("POST",
                "/api/v1/merchant-applications/" + merchantApplicationId(admin, w) + "/approval",
                "{\"filiere\":\"ALIMENTATION\"}"));
        samples.put("POST /api/v1/merchant-applications/{id}/rejection", (w, who) -> reason(
                "/api/v1/merchant-applications/" + merchantApplicationId(admin, w) + "/rejection"));
        samples.put("POST /api/v1/public/membership-applications", (w, who) -> new Call("POST",
                "/api/v1/public/membership-applications", membershipApplication(w.currency())));
        samples.put("GET /api/v1/membership-applications", (w, who) -> get("/api/v1/membership-applications?currency="
                + w.currency()));
        samples.put("POST /api/v1/membership-applications/{id}/approval", (w, who) -> {
            Api.Response applied = admin.api().post("/api/v1/public/membership-applications",
                    membershipApplication(w.currency()));
            assertThat(applied.status()).as(applied.toString()).isEqualTo(202);
            return new Call("POST", "/api/v1/membership-applications/" + applied.get("number") + "/approval", null);
        });
        samples.put("POST /api/v1/public/password-resets", (w, who) -> new Call("POST",
                "/api/v1/public/password-resets", "{\"email\":\"nobody@example.org\"}"));
        samples.put("POST /api/v1/public/passwords", (w, who) -> new Call("POST", "/api/v1/public/passwords",
                "{\"token\":\"" + resetToken(admin) + "\",\"password\":\"a-sample-password\"}"));
        samples.put("GET /api/v1/outbox", (w, who) -> get("/api/v1/outbox"));
        samples.put("POST /api/v1/participants/{id}/suspension", (w, who) -> reason("/api/v1/participants/"
                + admin.merchant("To suspend", w.currency()).id() + "/suspension"));
        samples.put("POST /api/v1/participants/{id}/withdrawal", (w, who) -> reason("/api/v1/participants/"
                + admin.merchant("To withdraw", w.currency()).id() + "/withdrawal"));
        samples.put("POST /api/v1/participants/{id}/public-profile", (w, who) -> new Call("POST",
                "/api/v1/participants/" + ("MERCHANT".equals(who.role()) ? who.party() : w.merchant()).id()
                        + "/public-profile", "{\"address\":\"1 rue du Sample\",\"postcode\":\"64000\","
                        + "\"commune\":\"Pau\",\"lat\":\"43.2951\",\"lon\":\"-0.3708\"}"));
        samples.put("POST /api/v1/participants/{id}/public-profile/withdrawal", (w, who) -> new Call("POST",
                "/api/v1/participants/" + ("MERCHANT".equals(who.role()) ? who.party() : w.merchant()).id()
                        + "/public-profile/withdrawal", null));
        samples.put("POST /api/v1/reconversions", (w, who) -> {
            fund(admin, w);
            Party party = "COLLECTIVITE".equals(who.role()) ? w.collectivite() : w.merchant();
            return new Call("POST", "/api/v1/reconversions", """
                    {"merchant":"%s","units":"0.01"}""".formatted(party.id()));
        });
        samples.put("GET /api/v1/reconversions/{id}", (w, who) -> get("/api/v1/reconversions/"
                + reconversion(admin, w, who)));
        samples.put("POST /api/v1/reconversions/{id}/paid", (w, who) -> new Call("POST", "/api/v1/reconversions/"
                + reconversion(admin, w, w.byRole().get("MERCHANT")) + "/paid", "{\"bankOrder\":\"sample\"}"));
        samples.put("POST /api/v1/reconversions/{id}/confirmation", (w, who) -> {
            String id = reconversion(admin, w, w.byRole().get("MERCHANT"));
            Api.Response paid = admin.api().post("/api/v1/reconversions/" + id + "/paid", "{}");
            assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
            return new Call("POST", "/api/v1/reconversions/" + id + "/confirmation", "{\"bankReference\":\"s\"}");
        });
        samples.put("GET /api/v1/currencies/{code}/payouts",
                (w, who) -> get("/api/v1/currencies/" + w.currency() + "/payouts?format=csv"));
        samples.put("GET /api/v1/merchants", (w, who) -> get("/api/v1/merchants?currency=" + w.currency()));
        samples.put("GET /api/v1/public/currencies", (w, who) -> get("/api/v1/public/currencies"));
        samples.put("GET /api/v1/public/currencies/{code}", (w, who) -> get("/api/v1/public/currencies/"
                + w.currency()));
        samples.put("GET /api/v1/public/currencies/{code}/history", (w, who) -> get("/api/v1/public/currencies/"
                + w.currency() + "/history?from=2026-01&to=2026-02"));
        samples.put("GET /api/v1/public/merchants", (w, who) -> get("/api/v1/public/merchants?currency="
                + w.currency()));
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
                {"username":"%s","password":"a-long-enough-password","role":"AUDITOR","currency":"%s"}""".formatted(
                "sample-" + UUID.randomUUID().toString().substring(0, 8), w.currency())));
        samples.put("GET /api/v1/users", (w, who) -> get("/api/v1/users"));
        samples.put("GET /api/v1/users/{username}", (w, who) -> get("/api/v1/users/"
                + w.byRole().get("COUNTER_AGENT").user().username()));
        samples.put("POST /api/v1/users/{username}/disable", (w, who) -> new Call("POST",
                "/api/v1/users/" + admin.currencyUser("AUDITOR", w.currency()).username() + "/disable", null));
        samples.put("POST /api/v1/users/{username}/enable", (w, who) -> new Call("POST",
                "/api/v1/users/" + admin.currencyUser("AUDITOR", w.currency()).username() + "/enable", null));
        samples.put("POST /api/v1/users/{username}/password", (w, who) -> new Call("POST",
                "/api/v1/users/" + admin.currencyUser("AUDITOR", w.currency()).username() + "/password",
                "{\"password\":\"another-long-password\"}"));
        samples.put("GET /api/v1/audit", (w, who) -> get("/api/v1/audit?size=10"));
        samples.put("GET /api/v1/reports/indicators",
                (w, who) -> get("/api/v1/reports/indicators?currency=" + w.currency() + "&from=2026-01&to=2026-12"));
        samples.put("GET /api/v1/reports/counters/{id}/day",
                (w, who) -> get("/api/v1/reports/counters/" + who.counter() + "/day?date=2026-11-02"));
        samples.put("GET /api/v1/reports/merchants/{id}/monthly",
                (w, who) -> get("/api/v1/reports/merchants/" + w.merchant().id() + "/monthly?month=2026-11"));
        samples.put("GET /api/v1/status", (w, who) -> get("/api/v1/status"));
        samples.put("POST /api/v1/seals", (w, who) -> new Call("POST", "/api/v1/seals", null));
        samples.put("GET /api/v1/public/seals", (w, who) -> get("/api/v1/public/seals?currency=" + w.currency()));
        samples.put("GET /api/v1/public/seals/latest", (w, who) -> get("/api/v1/public/seals/latest"));
        counterSamples(samples, admin);
        sponsorSamples(samples, admin);
        aidSamples(samples, admin);
        return samples;
    }

    private static String merchantApplication(String currency) {
        return """
                {"currency":"%s","name":"Sample shop","siret":"73282932000074","address":"1 rue","postcode":"17000",
                 "commune":"La Rochelle","filiere":"ALIMENTATION","email":"shop@example.org","charterAccepted":true}"""
                .formatted(currency);
    }

    private static String merchantApplicationId(Ledger admin, World w) {
        Api.Response applied = admin.api().post("/api/v1/public/merchant-applications",
                merchantApplication(w.currency()));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(202);
        return applied.get("id");
    }

    private static String membershipApplication(String currency) {
        return """
                {"currency":"%s","name":"Sample member","email":"member@example.org","commune":"Aytré"}"""
                .formatted(currency);
    }

    /** A reset link's token for a new user, as read from the e-mail the test SMTP server received. */
    private static String resetToken(Ledger admin) {
        String email = "r" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Api.Response user = admin.api().post("/api/v1/users", """
                {"username":"r%s","password":"a-sample-password","role":"AUDITOR","email":"%s"}""".formatted(
                UUID.randomUUID().toString().substring(0, 8), email));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        assertThat(admin.api().post("/api/v1/public/password-resets", "{\"email\":\"" + email + "\"}").status())
                .isEqualTo(202);
        String link = TestMail.await(email, 1).get(0).link("token=");
        return link.substring(link.indexOf("token=") + 6);
    }

    private static Call get(String path) {
        return new Call("GET", path, null);
    }

    private static Call reason(String path) {
        return new Call("POST", path, "{\"reason\":\"sample\"}");
    }
}
