package org.mlc.ledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Business steps through the API, for tests that need a currency, people and money. */
public class Ledger {

    private final Api api;

    public Ledger(Api api) {
        this.api = api;
    }

    public Api api() {
        return api;
    }

    public record Party(String id, String accountId) {
    }

    /** A user and the API as that user. */
    public record User(String username, String password, Api api) {
    }

    /**
     * A new user with this role, bound to a participant (MEMBER, MERCHANT, CCAS, COLLECTIVITE) or
     * a counter (COUNTER_AGENT), created by the administrator.
     */
    public User user(String role, String participant, String counter) {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "pw-" + UUID.randomUUID();
        Api.Response response = api.post("/api/v1/users", """
                {"username":"%s","password":"%s","role":"%s","participant":%s,"counter":%s}""".formatted(
                username, password, role, quoted(participant), quoted(counter)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new User(username, password, api.as(username, password));
    }

    /** A new CURRENCY_ADMIN or AUDITOR bound to {@code currency}, created by the administrator. */
    public User currencyUser(String role, String currency) {
        String username = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "pw-" + UUID.randomUUID();
        Api.Response response = api.post("/api/v1/users", """
                {"username":"%s","password":"%s","role":"%s","currency":"%s"}""".formatted(
                username, password, role, currency));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new User(username, password, api.as(username, password));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** A new currency with a unique code; {@code euros : units} is its conversion ratio. */
    public String currency(String euros, String units) {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Api.Response response = api.post("/api/v1/currencies", """
                {"code":"%s","name":"Test %s","conversion":{"euros":"%s","units":"%s"},
                 "reconversionFee":"0.05","membershipFee":"3.00"}""".formatted(code, code, euros, units));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return code;
    }

    public Party participant(String kind, String name, String currency) {
        Api.Response response = api.post("/api/v1/participants", """
                {"kind":"%s","name":"%s","currency":"%s"}""".formatted(kind, name, currency));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Party(response.get("id"), response.get("accountId"));
    }

    /** An approved merchant of a filière (registered by the issuer with it: approved at once). */
    public Party merchant(String name, String currency) {
        Api.Response response = api.post("/api/v1/participants", """
                {"kind":"MERCHANT","name":"%s","currency":"%s","filiere":"ALIMENTATION"}""".formatted(name, currency));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Party(response.get("id"), response.get("accountId"));
    }

    /** A merchant registered without a filière: not approved, it cannot be paid. */
    public Party unapprovedMerchant(String name, String currency) {
        return participant("MERCHANT", name, currency);
    }

    /** The issuer's decision on a merchant: approval (with a filière), suspension or withdrawal. */
    public Api.Response approve(Party merchant, String filiere) {
        return api.post("/api/v1/participants/" + merchant.id() + "/approval", """
                {"filiere":"%s","reason":"visit done"}""".formatted(filiere));
    }

    public Api.Response suspend(Party merchant, String reason) {
        return api.post("/api/v1/participants/" + merchant.id() + "/suspension", """
                {"reason":"%s"}""".formatted(reason));
    }

    public Api.Response withdraw(Party merchant, String reason) {
        return api.post("/api/v1/participants/" + merchant.id() + "/withdrawal", """
                {"reason":"%s"}""".formatted(reason));
    }

    /** A refund of part of a payment, by its payee. */
    public Api.Response refund(String paymentId, String amount) {
        return api.post("/api/v1/payments/" + paymentId + "/refunds", """
                {"amount":"%s"}""".formatted(amount));
    }

    public Api.Response reconvert(Party merchant, String units) {
        return api.post("/api/v1/reconversions", """
                {"merchant":"%s","units":"%s"}""".formatted(merchant.id(), units));
    }

    /** Remits {@code euros} of the counter's cash and confirms it: the fund holds them. */
    public void remitAndConfirm(String counter, String euros) {
        Api.Response remittance = remit(counter, euros);
        assertThat(remittance.status()).as(remittance.toString()).isEqualTo(201);
        String path = "/api/v1/counters/" + counter + "/remittances/" + remittance.get("id");
        Api.Response remitted = api.request("POST", path + "/remitted", null, true,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(remitted.status()).as(remitted.toString()).isEqualTo(200);
        Api.Response confirmed = api.post(path + "/confirmation", "{\"bankReference\":\"NEF-1\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    }

    public String counter(String currency) {
        Api.Response response = api.post("/api/v1/counters", """
                {"name":"Comptoir","currency":"%s"}""".formatted(currency));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.get("id");
    }

    public Api.Response convert(String counter, Party party, String euros) {
        return api.post("/api/v1/counters/" + counter + "/conversions", """
                {"participant":"%s","euros":"%s","paidBy":"CASH","payout":"ACCOUNT"}""".formatted(party.id(), euros));
    }

    public Api.Response pay(Party from, Party to, String amount) {
        return api.post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"%s"}""".formatted(from.accountId(), to.accountId(), amount));
    }

    public String balance(Party party) {
        Api.Response response = api.get("/api/v1/accounts/" + party.accountId());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.get("balance");
    }

    /**
     * A sponsor (an association of the currency) committing {@code euros} of bonus over the year
     * around today, with an optional monthly cap per member (null: none). Returns the budget id.
     */
    public String sponsorBudget(String currency, String euros, String monthlyCapPerMember) {
        return sponsorBudget(currency, "ASSOCIATION", "Sponsor", euros, monthlyCapPerMember);
    }

    /** The same, by a sponsor of the given kind (ASSOCIATION or COLLECTIVITE) and name. */
    public String sponsorBudget(String currency, String sponsorKind, String sponsorName, String euros,
                                String monthlyCapPerMember) {
        Party sponsor = participant(sponsorKind, sponsorName, currency);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Api.Response response = api.post("/api/v1/currencies/" + currency + "/bonus-budgets", """
                {"sponsor":"%s","euros":"%s","from":"%s","to":"%s"%s}""".formatted(sponsor.id(), euros,
                today.minusDays(30), today.plusDays(300),
                monthlyCapPerMember == null ? "" : ",\"monthlyCapPerMember\":\"" + monthlyCapPerMember + "\""));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.get("id");
    }

    public void noteStock(String counter, String notesJson) {
        Api.Response response = api.post("/api/v1/counters/" + counter + "/note-stock", """
                {"notes":%s}""".formatted(notesJson));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    public Api.Response convertToNotes(String counter, Party party, String euros) {
        return api.post("/api/v1/counters/" + counter + "/conversions", """
                {"participant":"%s","euros":"%s","paidBy":"CASH","payout":"NOTES"}""".formatted(party.id(), euros));
    }

    public Api.Response close(String counter, String countedCash) {
        return api.post("/api/v1/counters/" + counter + "/closings", """
                {"countedCash":"%s"}""".formatted(countedCash));
    }

    public Api.Response remit(String counter, String euros) {
        return api.post("/api/v1/counters/" + counter + "/remittances", """
                {"euros":"%s"}""".formatted(euros));
    }

    public Api.Response supply(String currency) {
        Api.Response response = api.get("/api/v1/currencies/" + currency + "/supply");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /** A member holding {@code units} of a fresh 1:1 currency, with a counter, ready to pay. */
    public Party fundedMember(String currency, String counter, String euros) {
        Party member = participant("MEMBER", "Member", currency);
        Api.Response conversion = convert(counter, member, euros);
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(201);
        return member;
    }

    // CCAS aid (docs/aid.md)

    /** An aid programme of {@code ccas} in its currency, earmarked to {@code filiere}, grants valid 90 days. */
    public String aidProgram(Party ccas, String currency, String filiere) {
        Api.Response response = api.post("/api/v1/aid-programs", """
                {"ccas":"%s","currency":"%s","name":"Aide","filieres":["%s"],"validityDays":90}"""
                .formatted(ccas.id(), currency, filiere));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.get("id");
    }

    /** The CCAS's euros announced and confirmed: the programme holds as many units. */
    public void fundAidProgram(String program, String euros) {
        Api.Response funding = api.post("/api/v1/aid-programs/" + program + "/fundings", """
                {"euros":"%s","reference":"virement CCAS"}""".formatted(euros));
        assertThat(funding.status()).as(funding.toString()).isEqualTo(201);
        Api.Response confirmed = api.post("/api/v1/aid-programs/" + program + "/fundings/" + funding.get("id")
                + "/confirmation", "{\"bankReference\":\"NEF-AID\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    }

    /** A grant by the CCAS user {@code ccas} (grants name beneficiaries: the CCAS's alone). */
    public static Api.Response grant(Api ccas, String program, Party beneficiary, String units) {
        return ccas.post("/api/v1/aid-programs/" + program + "/grants", """
                {"beneficiary":"%s","units":"%s"}""".formatted(beneficiary.id(), units));
    }
}
