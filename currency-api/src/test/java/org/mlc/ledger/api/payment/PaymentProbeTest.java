package org.mlc.ledger.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

/**
 * Account ids cannot be probed through payments (issue 18, item 6): a payer that cannot pay gets
 * the same answer whatever id it names, an account of its currency, an unknown id or another
 * currency's account. Only a payer that could pay learns that the payee does not exist.
 */
class PaymentProbeTest extends IntegrationTest {

    private Party member;
    private Api memberApi;
    private Party grocer;
    private Party elsewhere;

    @BeforeEach
    void aMemberWithLittleAndThreeKindsOfPayee() {
        String currency = ledger.currency("1", "1");
        member = ledger.fundedMember(currency, ledger.counter(currency), "10.00");
        memberApi = ledger.user("MEMBER", member.id(), null).api();
        grocer = ledger.merchant("Epicerie", currency);
        elsewhere = ledger.merchant("Ailleurs", ledger.currency("1", "1"));
    }

    private Api.Response pay(String to, String amount) {
        return memberApi.post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"%s"}""".formatted(member.accountId(), to, amount));
    }

    @Test
    void aPayerWithoutTheFundsIsAnsweredTheSameForAnExistingAnUnknownAndAnotherCurrencysAccount() {
        String before = books.fingerprint();
        for (String payee : List.of(grocer.accountId(), UUID.randomUUID().toString(), elsewhere.accountId())) {
            assertProblem(pay(payee, "99999.00"), 422, "insufficient-funds");
        }
        // a hold is a payment's first half: the same rule
        for (String payee : List.of(grocer.accountId(), UUID.randomUUID().toString(), elsewhere.accountId())) {
            assertProblem(memberApi.post("/api/v1/payment-holds", """
                    {"from":"%s","to":"%s","amount":"99999.00"}""".formatted(member.accountId(), payee)),
                    422, "insufficient-funds");
        }
        assertThat(books.fingerprint()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aPayerThatCouldPayLearnsThatThePayeeIsUnknownOrInAnotherCurrencyAndPaysNothing() {
        assertProblem(pay(UUID.randomUUID().toString(), "1.00"), 404, "not-found");
        // another currency's account is as unknown as one that does not exist (docs/security.md, "Currencies")
        assertProblem(pay(elsewhere.accountId(), "1.00"), 404, "not-found");
        assertThat(pay(elsewhere.accountId(), "1.00").text()).doesNotContain("Ailleurs");
        assertThat(ledger.balance(member)).isEqualTo("10.00");
        assertThat(pay(grocer.accountId(), "1.00").status()).isEqualTo(201);
    }
}
