package org.mlc.ledger.participant;

import org.mlc.ledger.account.Registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.assertRefused;
import static org.mlc.ledger.InMemoryLedger.BOUSOL;
import static org.mlc.ledger.InMemoryLedger.T0;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.InMemoryLedger;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.account.AccountOpened;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException.Kind;
import org.mlc.ledger.common.ParticipantId;

class ParticipantRegistrationTest {

    private static final ParticipantId BAKERY = ParticipantId.of("p-bakery");
    private static final AccountId BAKERY_ACCOUNT = AccountId.of("acc-bakery");

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

    private static RegisterParticipant register(ParticipantKind kind, String name, CurrencyCode currency,
                                                String filiere) {
        return new RegisterParticipant(BAKERY, kind, name, currency, BAKERY_ACCOUNT, filiere, T0);
    }

    private void assertNothingRegistered() {
        assertThat(ledger.eventsOf(BAKERY.value())).isEmpty();
        assertThat(ledger.eventsOf(BAKERY_ACCOUNT.value())).isEmpty();
    }

    @Test
    void registersTheParticipantAndOpensItsAccountTogetherAndAMerchantWithAFiliereIsApproved() {
        Registration registration =
                ledger.send(register(ParticipantKind.MERCHANT, "Boulangerie du Port", BOUSOL, "ALIMENTATION"));

        assertThat(registration).isEqualTo(new Registration(BAKERY, BAKERY_ACCOUNT));
        assertThat(ledger.eventsOf(BAKERY.value())).containsExactly(new ParticipantRegistered(BAKERY,
                ParticipantKind.MERCHANT, "Boulangerie du Port", BOUSOL, BAKERY_ACCOUNT, "ALIMENTATION", T0),
                new MerchantApproved(BAKERY, BOUSOL, "ALIMENTATION", Participant.AT_REGISTRATION,
                        "approved at registration", T0));
        assertThat(ledger.eventsOf(BAKERY_ACCOUNT.value())).containsExactly(
                new AccountOpened(BAKERY_ACCOUNT, BAKERY, ParticipantKind.MERCHANT, BOUSOL, 0, T0));
    }

    @Test
    void theNewAccountIsActiveAndEmpty() {
        ledger.send(register(ParticipantKind.MEMBER, "Alice", BOUSOL, null));

        assertThat(ledger.inspect(Account.class, BAKERY_ACCOUNT.value(), Account::status))
                .isEqualTo(AccountStatus.ACTIVE);
        assertThat(ledger.inspect(Account.class, BAKERY_ACCOUNT.value(), Account::balanceMinor)).isZero();
        assertThat(ledger.inspect(Participant.class, BAKERY.value(), Participant::kind))
                .isEqualTo(ParticipantKind.MEMBER);
    }

    @Test
    void theNameIsTrimmed() {
        ledger.send(register(ParticipantKind.ASSOCIATION, "  Les Amis du Sol  ", BOUSOL, null));

        assertThat(ledger.eventsOf(BAKERY.value())).singleElement()
                .isInstanceOfSatisfying(ParticipantRegistered.class,
                        registered -> assertThat(registered.name()).isEqualTo("Les Amis du Sol"));
    }

    @Test
    void anUnknownCurrencyIsRefusedAndNothingIsRegistered() {
        assertRefused(() -> ledger.send(register(ParticipantKind.MEMBER, "Alice", CurrencyCode.of("GHOST"), null)),
                Kind.NOT_FOUND, "not-found");

        assertNothingRegistered();
    }

    @Test
    void aParticipantNeedsAName() {
        for (String name : new String[] {null, "", "  ", "n".repeat(Participant.MAX_NAME_LENGTH + 1)}) {
            assertRefused(() -> ledger.send(register(ParticipantKind.MEMBER, name, BOUSOL, null)),
                    Kind.INVALID, "validation");
        }

        assertNothingRegistered();
    }

    @Test
    void aParticipantNeedsAKind() {
        assertRefused(() -> ledger.send(register(null, "Alice", BOUSOL, null)), Kind.INVALID, "validation");

        assertNothingRegistered();
    }

    @Test
    void aFiliereIsACode() {
        for (String filiere : new String[] {"alimentation", "A", "LOISIRS-CULTURE", "_X", ""}) {
            assertRefused(() -> ledger.send(register(ParticipantKind.MERCHANT, "Bakery", BOUSOL, filiere)),
                    Kind.INVALID, "validation");
        }

        assertNothingRegistered();
    }

    @Test
    void everyKindOfParticipantCanBeRegistered() {
        for (ParticipantKind kind : ParticipantKind.values()) {
            ParticipantId participant = ParticipantId.of("p-" + kind);
            AccountId account = AccountId.of("acc-" + kind);

            ledger.send(new RegisterParticipant(participant, kind, kind.name(), BOUSOL, account, null, T0));

            assertThat(ledger.eventsOf(account.value())).containsExactly(
                    new AccountOpened(account, participant, kind, BOUSOL, 0, T0));
        }
    }
}
