package org.mlc.ledger.api.participant;

import static org.mlc.ledger.api.web.RequestValues.optionalLongText;
import static org.mlc.ledger.api.web.RequestValues.optionalText;
import static org.mlc.ledger.api.web.RequestValues.requiredText;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.Map;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.ReadYourWrites;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.PublishMerchantProfile;
import org.mlc.ledger.participant.WithdrawMerchantProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A merchant's public profile: what it agrees to show in the public directory once approved. The
 * administrator sets it (for instance from an approved application) and the merchant itself may
 * change or withdraw it; the domain checks the fields (sizes, postcode, http(s) website, coordinates).
 */
@RestController
public class MerchantProfileController {

    private static final Logger log = LoggerFactory.getLogger(MerchantProfileController.class);

    /** Longest description and opening hours (the domain's limits; checked here first as free text). */
    static final int MAX_DESCRIPTION_LENGTH = 1_000;
    static final int MAX_OPENING_HOURS_LENGTH = 300;
    static final int MAX_WEBSITE_LENGTH = 300;

    private final IdempotentCommands commands;
    private final ReadYourWrites readYourWrites;
    private final ParticipantQueries participants;
    private final MerchantProfileQueries profiles;
    private final ParticipantRefs refs;
    private final Clock clock;

    public MerchantProfileController(IdempotentCommands commands, ReadYourWrites readYourWrites,
                                     ParticipantQueries participants, MerchantProfileQueries profiles,
                                     ParticipantRefs refs, Clock clock) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.participants = participants;
        this.profiles = profiles;
        this.refs = refs;
        this.clock = clock;
    }

    /** Coordinates as exact decimal strings ("43.2951"), both or neither. */
    public record ProfileRequest(String address, String postcode, String commune, String lat, String lon,
                                 String description, String website, String openingHours) {
    }

    /** The profile as published; {@code published} false once withdrawn (the other fields then null). */
    public record ProfileAnswer(String participant, String number, String name, boolean published, String address,
                                String postcode, String commune, String lat, String lon, String description,
                                String website, String openingHours) {
    }

    @Allowed({Role.ADMIN, Role.MERCHANT})
    @Operation(summary = "Publish a merchant's public profile (address, commune, coordinates, description, website, "
            + "opening hours)")
    @PostMapping("/api/v1/participants/{id}/public-profile")
    public ProfileAnswer publish(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                 @PathVariable("id") String participantId, @RequestBody ProfileRequest request) {
        var keyed = commands.key("merchant-profile", key, Map.of("participant", participantId, "request", request));
        String merchant = ownMerchant(participantId);
        String address = requiredText(request.address(), "address");
        String postcode = requiredText(request.postcode(), "postcode");
        String commune = requiredText(request.commune(), "commune");
        String lat = optionalText(request.lat(), "lat");
        String lon = optionalText(request.lon(), "lon");
        String description = optionalLongText(request.description(), "description", MAX_DESCRIPTION_LENGTH);
        String website = optionalLongText(request.website(), "website", MAX_WEBSITE_LENGTH);
        String hours = optionalLongText(request.openingHours(), "openingHours", MAX_OPENING_HOURS_LENGTH);
        try {
            commands.send(keyed, new PublishMerchantProfile(ParticipantId.of(merchant), address, postcode, commune,
                    blankAsNull(lat), blankAsNull(lon), blankAsNull(description), blankAsNull(website),
                    blankAsNull(hours), Caller.current().username(), clock.instant()), ParticipantId.class);
        } catch (org.mlc.ledger.common.DomainException e) {
            // the domain names its fields latitude/longitude; the request calls them lat/lon
            throw "latitude".equals(e.field()) ? e.naming("lat") : "longitude".equals(e.field()) ? e.naming("lon") : e;
        }
        log.info("Public profile of merchant {} published by {}", merchant, Caller.current().username());
        return answer(merchant);
    }

    @Allowed({Role.ADMIN, Role.MERCHANT})
    @Operation(summary = "Withdraw a merchant's public profile from the public directory")
    @PostMapping("/api/v1/participants/{id}/public-profile/withdrawal")
    public ProfileAnswer withdraw(@RequestHeader(value = IdempotentCommands.HEADER, required = false) String key,
                                  @PathVariable("id") String participantId) {
        var keyed = commands.key("merchant-profile-withdrawal", key, Map.of("participant", participantId));
        String merchant = ownMerchant(participantId);
        commands.send(keyed, new WithdrawMerchantProfile(ParticipantId.of(merchant), Caller.current().username(),
                clock.instant()), ParticipantId.class);
        log.info("Public profile of merchant {} withdrawn by {}", merchant, Caller.current().username());
        return answer(merchant);
    }

    /** The merchant named, which the caller is unless it is the administrator; another's is a 403. */
    private String ownMerchant(String participantId) {
        String participant = refs.participant(participantId, "id").value();
        participants.find(participant)
                .orElseThrow(() -> ApiException.notFound("web.unknown.participant", "unknown participant {0}",
                        participant));
        Caller caller = Caller.current();
        if (!caller.is(Role.ADMIN) && !caller.owns(participant)) {
            throw Caller.forbidden("web.profile-of-another", "a merchant publishes its own profile only");
        }
        // a participant of another kind is refused by the domain (not-a-merchant)
        return participant;
    }

    private ProfileAnswer answer(String merchant) {
        readYourWrites.awaitAll(merchant);
        var participant = participants.find(merchant).orElseThrow();
        return profiles.profile(merchant)
                .map(p -> new ProfileAnswer(merchant, participant.number(), participant.name(), true, p.address(),
                        p.postcode(), p.commune(), text(p.latitude()), text(p.longitude()), p.description(),
                        p.website(), p.openingHours()))
                .orElseGet(() -> new ProfileAnswer(merchant, participant.number(), participant.name(), false, null,
                        null, null, null, null, null, null, null));
    }

    private static String text(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
