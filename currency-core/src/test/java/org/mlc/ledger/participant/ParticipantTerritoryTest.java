package org.mlc.ledger.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;

class ParticipantTerritoryTest {

    private static final ParticipantId CITY = ParticipantId.of("p-city");
    private static final AccountId CITY_ACCOUNT = AccountId.of("acc-city");
    private static final Instant T1 = T0.plusSeconds(3600);

    private InMemoryLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.start();
        ledger.defineBousol();
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void register(String commune, String epci) {
        ledger.send(new RegisterParticipant(CITY, ParticipantKind.COLLECTIVITE, "Ville", BOUSOL, CITY_ACCOUNT, null,
                T0, commune, epci));
    }

    private static void assertInvalidNaming(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(refusal.field()).isEqualTo(field);
        });
    }

    @Test
    void aRegistrationSayingWhereItIsRecordsTheCommuneAndTheEpci() {
        register("62160", "246200364");

        assertThat(ledger.eventsOf(CITY.value())).contains(
                new ParticipantTerritorySet(CITY, BOUSOL, "62160", "246200364", T0));
        assertThat(ledger.inspect(Participant.class, CITY.value(), Participant::commune)).isEqualTo("62160");
        assertThat(ledger.inspect(Participant.class, CITY.value(), Participant::epci)).isEqualTo("246200364");
    }

    @Test
    void aRegistrationWithoutACommuneRecordsNoTerritory() {
        register(null, null);

        assertThat(ledger.eventsOf(CITY.value())).noneMatch(ParticipantTerritorySet.class::isInstance);
    }

    @Test
    void aCorsicanCommuneIsAnInseeCode() {
        register("2A004", null);

        assertThat(ledger.inspect(Participant.class, CITY.value(), Participant::commune)).isEqualTo("2A004");
    }

    @Test
    void aCommuneThatIsNotAnInseeCodeIsRefusedNamingCommuneAndNothingIsRegistered() {
        for (String commune : new String[] {"6216", "621600", "2C004", "2a004", "ABCDE", " 62160", "3A004"}) {
            assertInvalidNaming(() -> register(commune, null), "commune");
        }
        assertThat(ledger.eventsOf(CITY.value())).isEmpty();
    }

    @Test
    void anEpciIsASirenAndNeedsACommune() {
        assertInvalidNaming(() -> register("62160", "24620036"), "epci");
        assertInvalidNaming(() -> register("62160", "24620036A"), "epci");
        assertInvalidNaming(() -> register(null, "246200364"), "commune");
        assertThat(ledger.eventsOf(CITY.value())).isEmpty();
    }

    @Test
    void theTerritoryIsChangedByACommandAndTheSameTerritoryAgainRecordsNothing() {
        register("62160", null);

        ledger.send(new SetParticipantTerritory(CITY, "62193", "246200364", T1));
        ledger.send(new SetParticipantTerritory(CITY, "62193", "246200364", T1));

        assertThat(ledger.eventsOf(CITY.value()).stream().filter(ParticipantTerritorySet.class::isInstance))
                .containsExactly(new ParticipantTerritorySet(CITY, BOUSOL, "62160", null, T0),
                        new ParticipantTerritorySet(CITY, BOUSOL, "62193", "246200364", T1));
    }

    @Test
    void aChangeNeedsAValidCommune() {
        register("62160", null);

        assertInvalidNaming(() -> ledger.send(new SetParticipantTerritory(CITY, null, null, T1)), "commune");
        assertInvalidNaming(() -> ledger.send(new SetParticipantTerritory(CITY, "621", null, T1)), "commune");
        assertInvalidNaming(() -> ledger.send(new SetParticipantTerritory(CITY, "62160", "1", T1)), "epci");
        assertThat(ledger.inspect(Participant.class, CITY.value(), Participant::commune)).isEqualTo("62160");
    }
}
