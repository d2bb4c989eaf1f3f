package org.mlc.ledger.application;

import java.util.Optional;
import java.util.regex.Pattern;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Filieres;

/** What an application must hold before it is recorded: each refusal names its field. */
final class ApplicationPolicy {

    static final int MAX_TEXT = 200;
    static final int MAX_DESCRIPTION = 1_000;
    static final int MAX_PHONE = 30;
    static final int MAX_COMMUNE = 100;
    static final String LA_POSTE_SIREN = "356000000";
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern DEGREES = Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{1,7})?");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s<>\"]{3,190}");
    private static final Pattern PHONE = Pattern.compile("[0-9+ .()-]{6,30}");

    private ApplicationPolicy() {
    }

    /**
     * A SIRET is 14 digits whose Luhn sum is a multiple of 10; La Poste's establishments (SIREN
     * 356000000) are numbered past what Luhn allows and follow their own rule: the sum of the
     * digits is a multiple of 5.
     */
    static boolean validSiret(String siret) {
        if (siret == null || !SIRET.matcher(siret).matches()) {
            return false;
        }
        if (luhn(siret)) {
            return true;
        }
        return siret.startsWith(LA_POSTE_SIREN) && siret.chars().map(c -> c - '0').sum() % 5 == 0;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    static Optional<DomainException> merchantRefusal(SubmitMerchantApplication c) {
        if (!c.charterAccepted()) {
            return Optional.of(DomainException.invalid("application.charter-not-accepted",
                    "the charter must be accepted to apply").naming("charterAccepted"));
        }
        if (!validSiret(c.siret())) {
            return Optional.of(DomainException.invalid("application.siret-invalid",
                    "siret must be 14 digits with a valid check digit").naming("siret"));
        }
        if (c.filiere() == null || !Filieres.PATTERN.matcher(c.filiere()).matches()) {
            return Optional.of(DomainException.invalid("participant.filiere-malformed",
                    "filiere must be a code like ALIMENTATION").naming("filiere"));
        }
        if (c.postcode() == null || !POSTCODE.matcher(c.postcode()).matches()) {
            return Optional.of(DomainException.invalid("application.postcode-invalid",
                    "postcode must be a French postcode of 5 digits").naming("postcode"));
        }
        if ((c.lat() == null) != (c.lon() == null) || !degrees(c.lat(), 90) || !degrees(c.lon(), 180)) {
            return Optional.of(DomainException.invalid("application.position-invalid",
                    "lat and lon go together, in decimal degrees").naming("lat"));
        }
        if (c.website() != null && !WEBSITE.matcher(c.website()).matches()) {
            return Optional.of(DomainException.invalid("application.website-invalid",
                    "website must be an http or https address").naming("website"));
        }
        if (c.phone() != null && !PHONE.matcher(c.phone()).matches()) {
            return Optional.of(DomainException.invalid("application.phone-invalid",
                    "phone must be a telephone number").naming("phone"));
        }
        if (c.description() != null && c.description().length() > MAX_DESCRIPTION) {
            return Optional.of(DomainException.invalid("application.description-too-long",
                    "description must be at most {0} characters", MAX_DESCRIPTION).naming("description"));
        }
        // within what a merchant's public profile takes (participant/MerchantProfilePolicy): it is
        // published from these fields at approval
        return textRefusal(c.name(), "name").or(() -> textRefusal(c.address(), "address"))
                .or(() -> textRefusal(c.commune(), "commune", MAX_COMMUNE)).or(() -> emailRefusal(c.email()));
    }

    static Optional<DomainException> membershipRefusal(SubmitMembershipApplication c) {
        return textRefusal(c.name(), "name").or(() -> textRefusal(c.commune(), "commune"))
                .or(() -> emailRefusal(c.email()));
    }

    static Optional<DomainException> emailRefusal(String email) {
        if (email == null || email.length() > MAX_TEXT || !EMAIL.matcher(email).matches()) {
            return Optional.of(DomainException.invalid("application.email-invalid",
                    "email must be an e-mail address").naming("email"));
        }
        return Optional.empty();
    }

    private static Optional<DomainException> textRefusal(String text, String field) {
        return textRefusal(text, field, MAX_TEXT);
    }

    private static Optional<DomainException> textRefusal(String text, String field, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            return Optional.of(DomainException.invalid("application.text-required",
                    "{0} is required, at most {1} characters", field, max).naming(field));
        }
        return Optional.empty();
    }

    private static boolean degrees(String value, int max) {
        if (value == null) {
            return true;
        }
        if (!DEGREES.matcher(value).matches()) {
            return false;
        }
        // compared as text-made integers of micro-degrees: no binary fraction
        String[] parts = value.replace("-", "").split("\\.");
        int whole = Integer.parseInt(parts[0]);
        boolean fraction = parts.length > 1 && parts[1].chars().anyMatch(ch -> ch != '0');
        return whole < max || (whole == max && !fraction);
    }
}
