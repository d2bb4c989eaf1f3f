package org.mlc.ledger.participant;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mlc.ledger.common.DomainException;

/**
 * What a merchant may publish: bounded text (the public pages show it as is, escaped), a French
 * postcode, a web address that is http(s) and nothing else (no {@code javascript:} link), and
 * coordinates as exact decimal degrees within the globe, both or neither.
 */
final class MerchantProfilePolicy {

    static final int MAX_ADDRESS_LENGTH = 200;
    static final int MAX_COMMUNE_LENGTH = 100;
    static final int MAX_DESCRIPTION_LENGTH = 1_000;
    static final int MAX_WEBSITE_LENGTH = 300;
    static final int MAX_OPENING_HOURS_LENGTH = 300;
    /** Seven decimals of a degree are about a centimetre: more is noise. */
    static final int MAX_COORDINATE_DECIMALS = 7;

    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Pattern COORDINATE = Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{1," + MAX_COORDINATE_DECIMALS
            + "})?");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/?#\"'<>]+[^\\s\"'<>]*",
            Pattern.CASE_INSENSITIVE);
    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

    private MerchantProfilePolicy() {
    }

    /** The first refusal of this profile, naming its field; empty when it may be published. */
    static Optional<DomainException> refusal(PublishMerchantProfile profile) {
        Optional<DomainException> text = required(profile.address(), "address", MAX_ADDRESS_LENGTH)
                .or(() -> required(profile.commune(), "commune", MAX_COMMUNE_LENGTH))
                .or(() -> optional(profile.description(), "description", MAX_DESCRIPTION_LENGTH))
                .or(() -> optional(profile.website(), "website", MAX_WEBSITE_LENGTH))
                .or(() -> optional(profile.openingHours(), "openingHours", MAX_OPENING_HOURS_LENGTH));
        if (text.isPresent()) {
            return text;
        }
        if (profile.postcode() == null || !POSTCODE.matcher(profile.postcode()).matches()) {
            return Optional.of(DomainException.invalid("profile.postcode-malformed",
                    "postcode must be five digits").naming("postcode"));
        }
        if (profile.website() != null && !WEBSITE.matcher(profile.website()).matches()) {
            return Optional.of(DomainException.invalid("profile.website-not-http",
                    "website must be an http:// or https:// address").naming("website"));
        }
        if ((profile.latitude() == null) != (profile.longitude() == null)) {
            return Optional.of(DomainException.invalid("profile.coordinates-paired",
                    "latitude and longitude are given together or not at all")
                    .naming(profile.latitude() == null ? "latitude" : "longitude"));
        }
        return coordinate(profile.latitude(), "latitude", MAX_LATITUDE)
                .or(() -> coordinate(profile.longitude(), "longitude", MAX_LONGITUDE));
    }

    private static Optional<DomainException> required(String value, String field, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            return Optional.of(DomainException.invalid("profile.text-required",
                    "this field of the profile is required, at most {0} characters", maxLength).naming(field));
        }
        return Optional.empty();
    }

    private static Optional<DomainException> optional(String value, String field, int maxLength) {
        if (value != null && (value.isBlank() || value.length() > maxLength)) {
            return Optional.of(DomainException.invalid("profile.text-too-long",
                    "this field of the profile is at most {0} characters, and not blank when given", maxLength)
                    .naming(field));
        }
        return Optional.empty();
    }

    private static Optional<DomainException> coordinate(String value, String field, BigDecimal bound) {
        if (value == null) {
            return Optional.empty();
        }
        if (!COORDINATE.matcher(value).matches() || new BigDecimal(value).abs().compareTo(bound) > 0) {
            return Optional.of(DomainException.invalid("profile.coordinate-out-of-range",
                    "coordinates are decimal degrees between -{0} and {0}, at most {1} decimals", bound,
                    MAX_COORDINATE_DECIMALS).naming(field));
        }
        return Optional.empty();
    }
}
