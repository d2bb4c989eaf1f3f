package org.mlc.ledger.api.payment;

import jakarta.servlet.http.HttpSession;
import org.mlc.ledger.api.account.AccountQueries;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.currency.CurrencyQueries.Currency;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.participant.ParticipantQueries.Participant;
import org.mlc.ledger.api.payment.PaymentController.PaymentAnswer;
import org.mlc.ledger.api.payment.PaymentController.PaymentRequest;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.ui.QrCode;
import org.mlc.ledger.api.ui.ShortReference;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.MakePayment;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Paying from one's own account (a member pays a merchant, a merchant pays a supplier), chosen
 * from the directory of approved merchants or opened from a payment request link; and, for a
 * merchant, receiving a payment: a QR code carrying that link, which the member's phone opens as
 * a prefilled payment page. Payments go through {@link PaymentController} (who may pay whom is
 * the domain's rule, as in the API).
 */
@PageController
public class PaymentPages {

    private final PaymentController payments;
    private final ParticipantQueries participants;
    private final CurrencyQueries currencies;
    private final AccountQueries accounts;
    private final org.mlc.ledger.api.web.PublicUrl publicUrl;

    public PaymentPages(PaymentController payments, ParticipantQueries participants,
                        CurrencyQueries currencies, AccountQueries accounts,
                        org.mlc.ledger.api.web.PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.payments = payments;
        this.participants = participants;
        this.currencies = currencies;
        this.accounts = accounts;
    }

    public record PaymentForm(String to, String amount, String reference, String key) {
    }

    /** The signed-in participant, and the name of its currency for the amount's label. */
    public record Me(Participant participant, String currencyName) {
    }

    /** What the confirmation step shows: the payment as it will be made and the payer's balance after it. */
    public record Confirmation(long amountMinor, String reference, long balanceMinor, long balanceAfterMinor) {
    }

    /**
     * The payment form; {@code to}, {@code amount} and {@code reference} prefill it. A link that
     * names both payee and amount is a payee's request (the merchant's QR code): its amount and
     * reference are then fixed, kept in the session under the form's key and checked again when
     * the payment is confirmed, so a changed form is refused, not paid.
     */
    @Allowed({Role.MEMBER, Role.MERCHANT, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @GetMapping("/pay")
    public String payForm(@RequestParam(name = "to", required = false) String to,
                          @RequestParam(name = "amount", required = false) String amount,
                          @RequestParam(name = "reference", required = false) String reference,
                          HttpSession session, Model model) {
        Me me = me();
        String key = Forms.newKey();
        model.addAttribute("form", new PaymentForm(to, amount == null ? "" : amount, reference, key));
        if (Forms.blankToNull(to) != null && Forms.blankToNull(amount) != null) {
            try {
                PaymentRequests.Request request = new PaymentRequests.Request(RequestValues.id(to, "to"),
                        RequestValues.positiveAmount(Forms.amount(amount), "amount"), reference(reference));
                PaymentRequests.remember(session, key, request);
                model.addAttribute("fixed", request);
            } catch (RuntimeException e) {
                model.addAttribute("problem", Problem.orRethrow(e));
            }
        }
        return payPage(me, to, model);
    }

    /** The confirmation step: payee, amount and the balance after; nothing is paid yet. */
    @Allowed({Role.MEMBER, Role.MERCHANT, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @PostMapping("/pay/review")
    public String review(PaymentForm form, HttpSession session, Model model) {
        Me me = me();
        model.addAttribute("form", form);
        PaymentRequests.Request fixed = PaymentRequests.find(session, form.key());
        model.addAttribute("fixed", fixed);
        try {
            String to = RequestValues.id(form.to(), "to");
            long amount = RequestValues.positiveAmount(Forms.amount(form.amount()), "amount");
            String reference = reference(form.reference());
            PaymentRequests.check(fixed, to, amount, reference, me.participant().currency());
            Participant payee = payee(to);
            if (payee == null) {
                // a member's account is not named to a payer, and the directory lists only merchants and collectivités
                throw DomainException.invalid("pay.payee-not-listed", "choose the payee in the directory")
                        .naming("to");
            }
            long balance = accounts.find(me.participant().accountId()).map(a -> a.balanceMinor()).orElse(0L);
            model.addAttribute("me_participant", me);
            model.addAttribute("payee", payee);
            model.addAttribute("confirmation", new Confirmation(amount, reference, balance, balance - amount));
            return "payment/confirm";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return payPage(me, form.to(), model);
        }
    }

    /** Only the confirmation's button pays; the form's key makes a second click answer the first payment. */
    @Allowed({Role.MEMBER, Role.MERCHANT, Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @PostMapping("/pay")
    public String pay(PaymentForm form, HttpSession session, Model model) {
        Me me = me();
        PaymentRequests.Request fixed = PaymentRequests.find(session, form.key());
        try {
            long amount = RequestValues.positiveAmount(Forms.amount(form.amount()), "amount");
            PaymentRequests.check(fixed, form.to(), amount, reference(form.reference()), me.participant().currency());
            PaymentAnswer answer = payments.pay(form.key(), new PaymentRequest(me.participant().accountId(),
                    form.to(), Forms.amount(form.amount()), Forms.blankToNull(form.reference()))).getBody();
            model.addAttribute("payment", answer);
            model.addAttribute("paymentReference", ShortReference.of('P', answer.id()));
            model.addAttribute("payee", payee(answer.to()));
            return "payment/paid";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", form);
            model.addAttribute("fixed", fixed);
            return payPage(me, form.to(), model);
        }
    }

    private static String reference(String typed) {
        String text = RequestValues.optionalText(Forms.blankToNull(typed), "reference");
        if (text != null && text.length() > MakePayment.MAX_REFERENCE_LENGTH) {
            throw ApiException.invalid("reference", "web.text-length",
                    "{0} must be at most {1} characters", MakePayment.MAX_REFERENCE_LENGTH);
        }
        return text;
    }

    private String payPage(Me me, String to, Model model) {
        model.addAttribute("me_participant", me);
        model.addAttribute("payee", to == null || !to.matches("[A-Za-z0-9-]{1,64}") ? null : payee(to));
        return "payment/pay";
    }

    /** A payment request: the amount and reference, shown as a QR code of the prefilled payment link. */
    @Allowed({Role.MERCHANT, Role.COLLECTIVITE})
    @GetMapping("/receive")
    public String receive(@RequestParam(name = "amount", required = false) String amount,
                          @RequestParam(name = "reference", required = false) String reference, Model model) {
        Me me = me();
        model.addAttribute("me_participant", me);
        model.addAttribute("amount", amount);
        model.addAttribute("reference", reference);
        if (amount == null) {
            return "payment/receive";
        }
        try {
            long minor = RequestValues.positiveAmount(Forms.amount(amount), "amount");
            String text = reference(reference);
            String link = publicUrl.base().path("/pay")
                    .queryParam("to", me.participant().accountId()).queryParam("amount", Amounts.format(minor))
                    .queryParamIfPresent("reference", java.util.Optional.ofNullable(text))
                    .encode().build().toUriString();
            model.addAttribute("amountMinor", minor);
            model.addAttribute("link", link);
            model.addAttribute("qr", QrCode.svg(link, "QR : " + link));
        } catch (ApiException e) {
            model.addAttribute("problem", Problem.of(e));
        }
        return "payment/receive";
    }

    private Me me() {
        Participant participant = participants.find(Caller.current().participantId())
                .orElseThrow(() -> ApiException.notFound("web.no-participant-for-user",
                        "no participant for this user"));
        // a participant's currency is in the view before the participant is (it was defined first)
        Currency currency = currencies.find(participant.currency())
                .orElseThrow(() -> ApiException.notFound("web.no-participant-for-user",
                        "no participant for this user"));
        return new Me(participant, currency.name());
    }

    /**
     * Who an account belongs to, as a payer may know it: merchants and collectivités are named
     * (they are public); a member's account is not (its name is not the payer's to learn).
     */
    /** The payee an account id or a member number names (the picker submits the number). */
    private Participant payee(String accountOrNumber) {
        return participants.findByAccount(accountOrNumber)
                .or(() -> org.mlc.ledger.participant.MemberNumbers.canonical(accountOrNumber)
                        .flatMap(participants::findByNumber))
                .filter(p -> p.kind() == ParticipantKind.MERCHANT || p.kind() == ParticipantKind.COLLECTIVITE)
                .orElse(null);
    }
}
