package org.mlc.ledger.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.LAROUE;
import static org.mlc.ledger.InMemoryLedger.T0;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;

class MemberNumbersTest {

    private InMemoryLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = InMemoryLedger.start();
        ledger.defineBousol();
        ledger.defineLaRoue();
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void register(String id, CurrencyCode currency) {
        ledger.send(new RegisterParticipant(ParticipantId.of(id), ParticipantKind.MEMBER, "Member " + id, currency,
                AccountId.of("acc-" + id), null, T0));
    }

    private List<Object> numbersOf(CurrencyCode currency) {
        return ledger.eventsOf(MemberNumbers.idOf(currency));
    }

    @Test
    void eachRegistrationGetsTheNextNumberOfItsCurrencyInTheSameUnitOfWork() {
        register("p1", BOUSOL);
        register("p2", BOUSOL);
        register("r1", LAROUE);

        assertThat(numbersOf(BOUSOL)).containsExactly(
                new MemberNumberAssigned(ParticipantId.of("p1"), BOUSOL, "BOUSOL-000001", 1, T0),
                new MemberNumberAssigned(ParticipantId.of("p2"), BOUSOL, "BOUSOL-000002", 2, T0));
        assertThat(numbersOf(LAROUE)).containsExactly(
                new MemberNumberAssigned(ParticipantId.of("r1"), LAROUE, "LAROUE-000001", 1, T0));
    }

    @Test
    void aRefusedRegistrationUsesNoNumber() {
        assertRefused(() -> ledger.send(new RegisterParticipant(ParticipantId.of("bad"), ParticipantKind.MEMBER, " ",
                BOUSOL, AccountId.of("acc-bad"), null, T0)), Kind.INVALID, "validation");
        register("p1", BOUSOL);

        assertThat(numbersOf(BOUSOL)).singleElement().isInstanceOfSatisfying(MemberNumberAssigned.class,
                assigned -> assertThat(assigned.number()).isEqualTo("BOUSOL-000001"));
    }

    @Test
    void aParticipantRegisteredBeforeNumbersIsNumberedOnceAfterTheOthers() {
        register("p1", BOUSOL);
        // stored by a version without numbers: its registration alone
        ledger.storeAsAnOlderVersion("Participant", "old", new ParticipantRegistered(ParticipantId.of("old"),
                ParticipantKind.MEMBER, "Old", BOUSOL, AccountId.of("acc-old"), null, T0));

        String first = ledger.send(new NumberParticipant(ParticipantId.of("old"), BOUSOL, T0));
        String again = ledger.send(new NumberParticipant(ParticipantId.of("old"), BOUSOL, T0));
        String ofP1 = ledger.send(new NumberParticipant(ParticipantId.of("p1"), BOUSOL, T0));

        assertThat(first).isEqualTo("BOUSOL-000002");
        assertThat(again).isEqualTo(first);
        assertThat(ofP1).isEqualTo("BOUSOL-000001");
        assertThat(numbersOf(BOUSOL)).hasSize(2);
    }

    @Test
    void numberingAnUnknownParticipantIsNotFound() {
        assertRefused(() -> ledger.send(new NumberParticipant(ParticipantId.of("ghost"), BOUSOL, T0)), Kind.NOT_FOUND,
                "not-found");
    }

    @Test
    void numberingInAnotherCurrencyThanTheParticipantsIsRefused() {
        register("p1", BOUSOL);

        assertRefused(() -> ledger.send(new NumberParticipant(ParticipantId.of("p1"), LAROUE, T0)), Kind.INVALID,
                "validation");
        assertThat(numbersOf(LAROUE)).isEmpty();
    }

    @Test
    void aNumberIsWrittenWithSixDigitsAtLeastAndReadInAnyCaseWithOrWithoutLeadingZeros() {
        assertThat(MemberNumbers.format(BOUSOL, 123)).isEqualTo("BOUSOL-000123");
        assertThat(MemberNumbers.format(BOUSOL, 1_234_567)).isEqualTo("BOUSOL-1234567");
        assertThat(MemberNumbers.canonical("bousol-123")).contains("BOUSOL-000123");
        assertThat(MemberNumbers.canonical(" BOUSOL-000123 ")).contains("BOUSOL-000123");
        assertThat(MemberNumbers.canonical("BOUSOL-0000000123")).contains("BOUSOL-000123");
        assertThat(MemberNumbers.canonical("BOUSOL-1234567")).contains("BOUSOL-1234567");
        assertThat(MemberNumbers.canonical("BOUSOL-0")).contains("BOUSOL-000000");
        for (String notANumber : new String[] {null, "", "BOUSOL", "BOUSOL-", "-12", "BOUSOL-12a",
                "3fa85f64-5717-4562-b3fc-2c963f66afa6", "BOUSOL-9999999999999999"}) {
            assertThat(MemberNumbers.canonical(notANumber)).as(String.valueOf(notANumber)).isEmpty();
        }
    }
}
