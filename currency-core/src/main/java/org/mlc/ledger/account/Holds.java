package org.mlc.ledger.account;

import java.util.HashMap;
import java.util.Map;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.HoldId;
import org.mlc.ledger.money.Money;
import org.mlc.ledger.payment.AuthorizePayment;
import org.mlc.ledger.payment.CapturePayment;
import org.mlc.ledger.payment.PaymentAuthorized;
import org.mlc.ledger.payment.PaymentHold;

/**
 * The open holds of an account's two-phase payments: the balance keeps them but cannot spend them
 * elsewhere until they are captured, voided or released at their expiry.
 */
final class Holds {

    private final Map<HoldId, PaymentHold> open = new HashMap<>();
    private long heldMinor;

    long heldMinor() {
        return heldMinor;
    }

    /** The open hold, or a refusal saying it is not (captured, voided, expired or unknown). */
    PaymentHold open(AccountId account, HoldId holdId) {
        PaymentHold hold = open.get(holdId);
        if (hold == null) {
            throw DomainException.refused("hold-not-open", "hold.not-open",
                    "account {0} has no open hold {1}: it was captured, voided or released, or never authorized",
                    account, holdId);
        }
        return hold;
    }

    /** The open hold, or null when it is not open. */
    PaymentHold find(HoldId holdId) {
        return open.get(holdId);
    }

    /** Refuses a new hold with a bad expiry, an id already used, or one too many open. */
    void requireRoomFor(AccountId account, AuthorizePayment command) {
        if (command.expiresAt() == null || !command.expiresAt().isAfter(command.at())
                || command.expiresAt().isAfter(command.at().plus(PaymentHold.MAX_DURATION))) {
            throw DomainException.invalid("hold.expiry-out-of-range", "a hold expires after now and within {0} days",
                    PaymentHold.MAX_DURATION.toDays());
        }
        if (open.containsKey(command.holdId())) {
            throw DomainException.conflict("hold-exists", "hold.exists", "hold {0} already exists", command.holdId());
        }
        if (open.size() >= PaymentHold.MAX_OPEN_PER_ACCOUNT) {
            throw DomainException.refused("too-many-holds", "hold.too-many",
                    "account {0} already has {1} authorized payments open: capture or void some first", account,
                    PaymentHold.MAX_OPEN_PER_ACCOUNT);
        }
    }

    /** Refuses a capture of nothing, after the hold's expiry, or above what it holds. */
    static void requireCapturable(PaymentHold hold, CapturePayment command, CurrencyCode currency) {
        if (command.amountMinor() <= 0) {
            throw DomainException.invalid("hold.capture-not-positive", "amount must be greater than zero");
        }
        if (hold.expiredAt(command.at())) {
            throw DomainException.refused("hold-expired", "hold.expired", "hold {0} expired at {1}: authorize the "
                    + "payment again", command.holdId(), hold.expiresAt());
        }
        if (command.amountMinor() > hold.amountMinor()) {
            throw DomainException.refused("capture-exceeds-hold", "hold.capture-exceeds",
                    "hold {0} is {1}, less than {2}",
                    command.holdId(), Money.of(hold.amountMinor(), currency.value()),
                    Money.of(command.amountMinor(), currency.value()));
        }
    }

    void authorized(PaymentAuthorized event) {
        open.put(event.holdId(), new PaymentHold(event.to(), event.amountMinor(), event.reference(),
                event.expiresAt()));
        heldMinor += event.amountMinor();
    }

    /** A hold captured or released: it holds nothing any more. */
    void closed(HoldId holdId) {
        PaymentHold hold = open.remove(holdId);
        heldMinor -= hold.amountMinor();
    }
}
