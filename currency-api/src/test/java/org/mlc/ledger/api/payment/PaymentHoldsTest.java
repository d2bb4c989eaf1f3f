package org.mlc.ledger.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.springframework.beans.factory.annotation.Autowired;

/** Two-phase payments through the API: authorize, capture or void, and the expiry job. */
class PaymentHoldsTest extends IntegrationTest {

    @Autowired
    private HoldExpiry expiry;
    @Autowired
    private DataSource dataSource;

    private String currency;
    private Party member;
    private Party grocer;
    private User grocerUser;

    @BeforeEach
    void aMemberAndAGrocer() {
        currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        member = ledger.fundedMember(currency, counter, "100.00");
        grocer = ledger.merchant("Epicerie", currency);
        grocerUser = ledger.user("MERCHANT", grocer.id(), null);
    }

    private Api.Response authorize(String amount, String extra) {
        return api.post("/api/v1/payment-holds", """
                {"from":"%s","to":"%s","amount":"%s"%s}""".formatted(member.accountId(), grocer.accountId(), amount,
                extra));
    }

    private Api.Response account(Party party) {
        return api.get("/api/v1/accounts/" + party.accountId());
    }

    @Test
    void aHeldAmountIsShownAndCapturedInPartTheRestReleased() {
        Api.Response hold = authorize("70.00", ",\"reference\":\"pompe 3\"");
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        assertThat(hold.get("status")).isEqualTo("AUTHORIZED");
        assertThat(account(member).get("balance")).isEqualTo("100.00");
        assertThat(account(member).get("held")).isEqualTo("70.00");
        assertThat(account(member).get("available")).isEqualTo("30.00");
        assertProblem(ledger.pay(member, grocer, "30.01"), 422, "insufficient-funds");

        Api.Response captured = grocerUser.api().post("/api/v1/payment-holds/" + hold.get("id") + "/capture",
                "{\"amount\":\"62.40\"}");

        assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
        assertThat(captured.get("status")).isEqualTo("CAPTURED");
        assertThat(captured.get("captured")).isEqualTo("62.40");
        Api.Response payment = api.get("/api/v1/payments/" + captured.get("paymentId"));
        assertThat(payment.get("status")).as(payment.toString()).isEqualTo("COMPLETED");
        assertThat(payment.get("reference")).isEqualTo("pompe 3");
        assertThat(account(member).get("balance")).isEqualTo("37.60");
        assertThat(account(member).get("held")).isEqualTo("0.00");
        assertThat(ledger.balance(grocer)).isEqualTo("62.40");
        books.assertBalanced();
    }

    @Test
    void aCaptureOfTheWholeHoldIsAnsweredOncePerKeyAndNeedsItsAmount() {
        String hold = authorize("20.00", "").get("id");
        String key = UUID.randomUUID().toString();
        Api.Response noAmount = grocerUser.api().post("/api/v1/payment-holds/" + hold + "/capture", "{}");
        assertProblem(noAmount, 400, "validation");
        assertThat(noAmount.get("field")).isEqualTo("amount");

        Api.Response first = grocerUser.api().post("/api/v1/payment-holds/" + hold + "/capture",
                "{\"amount\":\"20.00\"}", key);
        Api.Response again = grocerUser.api().post("/api/v1/payment-holds/" + hold + "/capture",
                "{\"amount\":\"20.00\"}", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(ledger.balance(grocer)).isEqualTo("20.00");
        assertProblem(grocerUser.api().post("/api/v1/payment-holds/" + hold + "/capture", "{\"amount\":\"1.00\"}"),
                422, "hold-not-open");
    }

    @Test
    void aCaptureAboveTheHoldIsRefusedAndAVoidFreesIt() {
        String hold = authorize("20.00", "").get("id");

        assertProblem(grocerUser.api().post("/api/v1/payment-holds/" + hold + "/capture", "{\"amount\":\"20.01\"}"),
                422, "capture-exceeds-hold");
        Api.Response voided = grocerUser.api().post("/api/v1/payment-holds/" + hold + "/void", "");

        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        assertThat(voided.get("status")).isEqualTo("VOIDED");
        assertThat(account(member).get("available")).isEqualTo("100.00");
        assertThat(ledger.balance(grocer)).isEqualTo("0.00");
    }

    @Test
    void onlyThePayeeCapturesOrVoidsAndOnlyTheOwnerAuthorizes() {
        String hold = authorize("20.00", "").get("id");
        Party other = ledger.merchant("Autre", currency);
        User otherUser = ledger.user("MERCHANT", other.id(), null);
        User memberUser = ledger.user("MEMBER", member.id(), null);

        assertProblem(otherUser.api().post("/api/v1/payment-holds/" + hold + "/capture", "{\"amount\":\"1.00\"}"),
                404, "not-found");
        assertProblem(otherUser.api().post("/api/v1/payment-holds/" + hold + "/void", ""), 404, "not-found");
        assertProblem(memberUser.api().post("/api/v1/payment-holds/" + hold + "/void", ""), 403, "forbidden");
        assertProblem(otherUser.api().post("/api/v1/payment-holds", """
                {"from":"%s","to":"%s","amount":"1.00"}""".formatted(member.accountId(), other.accountId())), 404,
                "not-found");
        assertThat(memberUser.api().get("/api/v1/payment-holds/" + hold).get("status")).isEqualTo("AUTHORIZED");
        assertProblem(otherUser.api().get("/api/v1/payment-holds/" + hold), 404, "not-found");
    }

    @Test
    void anUnapprovedMerchantCannotBeHeldForAndBadInputIsNamed() {
        Party newShop = ledger.unapprovedMerchant("Nouveau", currency);

        assertProblem(api.post("/api/v1/payment-holds", """
                {"from":"%s","to":"%s","amount":"1.00"}""".formatted(member.accountId(), newShop.accountId())), 422,
                "merchant-not-approved");
        Api.Response tooLong = authorize("1.00", ",\"expiresInMinutes\":" + (7 * 24 * 60 + 1));
        assertProblem(tooLong, 400, "validation");
        assertThat(tooLong.get("field")).isEqualTo("expiresInMinutes");
        Api.Response fraction = authorize("1.00", ",\"expiresInMinutes\":1.5");
        assertThat(fraction.get("field")).isEqualTo("expiresInMinutes");
        assertProblem(authorize("100.01", ""), 422, "insufficient-funds");
    }

    /** The job answers when the releases are recorded; the views follow within moments. */
    private void awaitStatus(String hold, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/payment-holds/" + hold).get("status")).isEqualTo(status));
    }

    @Test
    void theExpiryJobReleasesHoldsPastTheirTimeOnly() {
        String soon = authorize("10.00", ",\"expiresInMinutes\":1").get("id");
        String later = authorize("15.00", ",\"expiresInMinutes\":60").get("id");

        int released = expiry.releaseExpiredAt(Instant.now().plus(Duration.ofMinutes(2)));

        assertThat(released).isGreaterThanOrEqualTo(1);
        awaitStatus(soon, "EXPIRED");
        assertThat(api.get("/api/v1/payment-holds/" + later).get("status")).isEqualTo("AUTHORIZED");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(account(member).get("held")).isEqualTo("15.00"));
        assertThat(expiry.releaseExpiredAt(Instant.now().plus(Duration.ofMinutes(2)))).isZero();
    }

    @Test
    void theExpiryJobSkipsItsRoundWhileAnotherNodeHoldsItsLock() throws Exception {
        String soon = authorize("10.00", ",\"expiresInMinutes\":1").get("id");
        try (Connection otherNode = dataSource.getConnection();
             PreparedStatement lock = otherNode.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, ClusterJobLock.key(HoldExpiry.JOB));
            lock.execute();

            assertThat(expiry.releaseExpiredAt(Instant.now().plus(Duration.ofMinutes(2)))).isEqualTo(-1);
            assertThat(api.get("/api/v1/payment-holds/" + soon).get("status")).isEqualTo("AUTHORIZED");

            try (PreparedStatement unlock = otherNode.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, ClusterJobLock.key(HoldExpiry.JOB));
                unlock.execute();
            }
        }
        assertThat(expiry.releaseExpiredAt(Instant.now().plus(Duration.ofMinutes(2)))).isGreaterThanOrEqualTo(1);
        awaitStatus(soon, "EXPIRED");
    }
}
