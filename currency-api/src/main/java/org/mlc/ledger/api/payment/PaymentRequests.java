package org.mlc.ledger.api.payment;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.Money;

/**
 * The payment requests a payer opened (a payee's link: payee, amount, reference), kept in the
 * signed-in session under the key of the form shown for each, so that the amount the payee set
 * is checked again on the server when the payer reviews and confirms: a form sent with another
 * amount, payee or reference is refused, not paid. Hiding the field in the page is not enough:
 * the form's values are the payer's to change.
 */
public final class PaymentRequests {

    /** One session keeps the last few requests opened (tabs left open); older ones are forgotten. */
    static final int MAX_KEPT = 8;
    private static final String ATTRIBUTE = PaymentRequests.class.getName();

    private PaymentRequests() {
    }

    /** A payee's request as its link set it. Serializable: sessions are stored in PostgreSQL. */
    public record Request(String to, long amountMinor, String reference) implements Serializable {

        /** The amount as the form sends it back. */
        public String amount() {
            return Amounts.format(amountMinor);
        }
    }

    static void remember(HttpSession session, String key, Request request) {
        synchronized (session) {
            LinkedHashMap<String, Request> kept = kept(session);
            kept.put(key, request);
            while (kept.size() > MAX_KEPT) {
                kept.remove(kept.keySet().iterator().next());
            }
            // set again: a session stored outside the JVM saves an attribute when it is set
            session.setAttribute(ATTRIBUTE, kept);
        }
    }

    /** The request opened with this form's key, or null if the form is not a payee's request. */
    static Request find(HttpSession session, String key) {
        if (key == null) {
            return null;
        }
        synchronized (session) {
            return kept(session).get(key);
        }
    }

    /** Refuses a form that differs from the payee's request it was opened from. */
    static void check(Request request, String to, long amountMinor, String reference, String currency) {
        if (request == null) {
            return;
        }
        if (!request.to().equals(to) || request.amountMinor() != amountMinor
                || !Objects.equals(request.reference(), reference)) {
            throw DomainException.refused("payment-request-fixed", "pay.request-fixed",
                    "the payee asked for {0}: a payment request is paid as it was made or not at all",
                    Money.of(request.amountMinor(), currency)).naming("amount");
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, Request> kept(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, Request>) map : new LinkedHashMap<>();
    }
}
