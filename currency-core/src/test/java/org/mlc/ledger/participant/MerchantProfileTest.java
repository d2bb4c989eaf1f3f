package org.mlc.ledger.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.domainException;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;

class MerchantProfileTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final CurrencyCode BOUSOL = CurrencyCode.of("BOUSOL");
    private static final ParticipantId SHOP = ParticipantId.of("p-shop");

    private FixtureConfiguration<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    private static ParticipantRegistered registered(ParticipantKind kind) {
        return new ParticipantRegistered(SHOP, kind, "Epicerie", BOUSOL, AccountId.of("acc-shop"), null, T0);
    }

    private static PublishMerchantProfile profile(String postcode, String lat, String lon, String website) {
        return new PublishMerchantProfile(SHOP, " 3 rue du Marché ", postcode, "Pau", lat, lon, "Épicerie bio",
                website, "mar.-sam. 9h-19h", "shop", T1);
    }

    @Test
    void aMerchantPublishesItsProfileWithExactCoordinatesAsWritten() {
        fixture.given(registered(ParticipantKind.MERCHANT))
                .when(profile("64000", "43.2951", "-0.3708", "https://epicerie.example"))
                .expectEvents(new MerchantProfilePublished(SHOP, BOUSOL, "3 rue du Marché", "64000", "Pau", "43.2951",
                        "-0.3708", "Épicerie bio", "https://epicerie.example", "mar.-sam. 9h-19h", "shop", T1));
    }

    @Test
    void aMemberHasNoPublicProfile() {
        fixture.given(registered(ParticipantKind.MEMBER))
                .when(profile("64000", null, null, null))
                .expectException(domainException(Kind.REFUSED, "not-a-merchant"));
    }

    @Test
    void withdrawingAPublishedProfileIsRecordedOnceAndNothingWhenNonePublished() {
        MerchantProfilePublished published = new MerchantProfilePublished(SHOP, BOUSOL, "3 rue", "64000", "Pau", null,
                null, null, null, null, "shop", T0);
        fixture.given(registered(ParticipantKind.MERCHANT), published)
                .when(new WithdrawMerchantProfile(SHOP, "admin", T1))
                .expectEvents(new MerchantProfileWithdrawn(SHOP, "admin", T1));
        fixture.given(registered(ParticipantKind.MERCHANT), published, new MerchantProfileWithdrawn(SHOP, "admin", T0))
                .when(new WithdrawMerchantProfile(SHOP, "admin", T1))
                .expectNoEvents();
    }

    @Test
    void aProfileIsRefusedNamingTheFieldAtFault() {
        assertThat(field(profile("6400", null, null, null))).isEqualTo("postcode");
        assertThat(field(profile("64000", "43.2951", null, null))).isEqualTo("longitude");
        assertThat(field(profile("64000", "90.0000001", "0", null))).isEqualTo("latitude");
        assertThat(field(profile("64000", "43.2951", "-180.5", null))).isEqualTo("longitude");
        assertThat(field(profile("64000", "43.29512345", "1", null))).isEqualTo("latitude");
        assertThat(field(profile("64000", "4e1", "1", null))).isEqualTo("latitude");
        assertThat(field(profile("64000", null, null, "javascript:alert(1)"))).isEqualTo("website");
        assertThat(field(profile("64000", null, null, "ftp://example.org"))).isEqualTo("website");
        assertThat(field(new PublishMerchantProfile(SHOP, "x".repeat(201), "64000", "Pau", null, null, null, null,
                null, "shop", T1))).isEqualTo("address");
        assertThat(field(new PublishMerchantProfile(SHOP, "3 rue", "64000", "Pau", null, null, "x".repeat(1001), null,
                null, "shop", T1))).isEqualTo("description");
        assertThat(field(new PublishMerchantProfile(SHOP, "3 rue", "64000", " ", null, null, null, null,
                null, "shop", T1))).isEqualTo("commune");
        assertThat(MerchantProfilePolicy.refusal(profile("64000", "-90", "180", "HTTP://example.org/a?b=c")))
                .isEmpty();
    }

    @Test
    void aRefusedProfileRecordsNothing() {
        fixture.given(registered(ParticipantKind.MERCHANT))
                .when(profile("64000", null, null, "javascript:alert(1)"))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }

    private static String field(PublishMerchantProfile profile) {
        DomainException refusal = MerchantProfilePolicy.refusal(profile).orElseThrow();
        return refusal.field();
    }
}
