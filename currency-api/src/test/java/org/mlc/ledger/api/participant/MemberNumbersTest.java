package org.mlc.ledger.api.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mlc.ledger.api.support.Api.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.infrastructure.ProcessorPositions;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.MemberNumberAssigned;
import org.mlc.ledger.participant.MemberNumbers;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.participant.ParticipantRegistered;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Member numbers: handed out by the domain with each registration, unique in their currency, the
 * same after a replay, given to participants of an older store, and accepted where an id is.
 */
class MemberNumbersTest extends IntegrationTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private MemberNumberBackfill backfill;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private ProcessorPositions positions;

    private String numberOf(Party party) {
        Api.Response response = api.get("/api/v1/participants/" + party.id());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.get("number");
    }

    @Test
    void eachParticipantIsNumberedInItsCurrencyInTheOrderOfRegistration() {
        String bousol = ledger.currency("1", "1");
        String roue = ledger.currency("1", "1");
        Api.Response first = api.post("/api/v1/participants", """
                {"kind":"MEMBER","name":"Alice","currency":"%s"}""".formatted(bousol));
        Party second = ledger.merchant("Boulangerie", bousol);
        Party inRoue = ledger.participant("MEMBER", "Bob", roue);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.get("number")).isEqualTo(bousol + "-000001");
        assertThat(numberOf(second)).isEqualTo(bousol + "-000002");
        assertThat(numberOf(inRoue)).isEqualTo(roue + "-000001");
        assertThat(api.get("/api/v1/merchants?currency=" + bousol).json().get("merchants").get(0).get("number")
                .asText()).isEqualTo(bousol + "-000002");
    }

    @Test
    void concurrentRegistrationsInOneCurrencyGetDistinctNumbersWithoutGaps() throws Exception {
        String currency = ledger.currency("1", "1");
        int registrations = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < registrations; i++) {
                String name = "Member " + i;
                Callable<Api.Response> register = () -> api.post("/api/v1/participants", """
                        {"kind":"MEMBER","name":"%s","currency":"%s"}""".formatted(name, currency));
                answers.add(pool.submit(register));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                numbers.add(response.get("number"));
            }
            Set<String> expected = new HashSet<>();
            for (int i = 1; i <= registrations; i++) {
                expected.add(MemberNumbers.format(CurrencyCode.of(currency), i));
            }
            assertThat(numbers).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRegistrationThatLostTheNextNumberToAnotherNodeIsSentAgainAndTakesTheOneAfter() {
        String currency = ledger.currency("1", "1");
        ledger.participant("MEMBER", "Alice", currency);
        // another node numbers a participant: appended to the register behind this node's cached copy
        CurrencyCode code = CurrencyCode.of(currency);
        String register = MemberNumbers.idOf(code);
        long next = eventStore.lastSequenceNumberFor(register).orElseThrow() + 1;
        eventStore.publish(new GenericDomainEventMessage<>("MemberNumbers", register, next,
                new MemberNumberAssigned(ParticipantId.of("elsewhere-" + UUID.randomUUID()), code,
                        MemberNumbers.format(code, 2), 2, Instant.now())));

        Api.Response registered = api.post("/api/v1/participants", """
                {"kind":"MEMBER","name":"Carol","currency":"%s"}""".formatted(currency));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.get("number")).isEqualTo(currency + "-000003");
    }

    @Test
    void aParticipantOfAnOlderStoreIsNumberedAfterTheOthersAndKeepsItsNumber() {
        String currency = ledger.currency("1", "1");
        Party alice = ledger.participant("MEMBER", "Alice", currency);
        String old = UUID.randomUUID().toString();
        // as a version without numbers stored it: the registration alone
        eventStore.publish(new GenericDomainEventMessage<>("Participant", old, 0, new ParticipantRegistered(
                ParticipantId.of(old), ParticipantKind.MEMBER, "Ancien", CurrencyCode.of(currency),
                AccountId.of(UUID.randomUUID().toString()), null, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/participants/" + old).status() == 200);

        backfill.numberUnnumbered();

        assertThat(api.get("/api/v1/participants/" + old).get("number")).isEqualTo(currency + "-000002");
        backfill.numberUnnumbered();
        assertThat(api.get("/api/v1/participants/" + old).get("number")).isEqualTo(currency + "-000002");
        assertThat(numberOf(alice)).isEqualTo(currency + "-000001");
        assertThat(eventStore.readEvents(MemberNumbers.idOf(CurrencyCode.of(currency))).asStream().count())
                .isEqualTo(2);
    }

    @Test
    void afterAReplayOfTheDirectoryEveryNumberIsTheSame() {
        String currency = ledger.currency("1", "1");
        Map<String, String> before = new LinkedHashMap<>();
        for (String name : List.of("Zoé", "Yann", "Xavier", "Wanda")) {
            Party party = ledger.participant("MEMBER", name, currency);
            before.put(party.id(), numberOf(party));
        }
        Map<String, String> inView = numbersInView();
        assertThat(inView).containsAllEntriesOf(before);

        StreamingEventProcessor processor = processing.eventProcessor(Projections.DIRECTORY,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutdownAsync().join();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            long head = positions.head();
            long position = ProcessorPositions.lowestPosition(positions.of(Projections.DIRECTORY));
            assertThat(position >= head || !positions.hasWorkBetween(Projections.DIRECTORY, position, head)).isTrue();
        });

        assertThat(numbersInView()).isEqualTo(inView);
    }

    private Map<String, String> numbersInView() {
        Map<String, String> numbers = new LinkedHashMap<>();
        jdbc.query("SELECT participant_id, number FROM participant_view WHERE number IS NOT NULL "
                + "ORDER BY participant_id", rs -> {
            numbers.put(rs.getString(1), rs.getString(2));
        });
        return numbers;
    }

    @Test
    void aPaymentTakesThePayeesMemberNumberInAnyCaseAndWithoutLeadingZeros() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party alice = ledger.fundedMember(currency, counter, "50.00");
        Party grocer = ledger.merchant("Épicerie", currency);
        String number = numberOf(grocer);

        Api.Response paid = api.post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"12.50"}""".formatted(alice.accountId(), number));
        Api.Response again = api.post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"1.00"}""".formatted(alice.accountId(),
                number.toLowerCase().replace("-00000", "-")));

        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.get("to")).isEqualTo(grocer.accountId());
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(ledger.balance(grocer)).isEqualTo("13.50");
    }

    @Test
    void anUnknownMemberNumberOrOneOfAnotherCurrencyIsNotFoundNamingTheField() {
        String currency = ledger.currency("1", "1");
        String other = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party alice = ledger.fundedMember(currency, counter, "50.00");
        Party stranger = ledger.merchant("Ailleurs", other);

        Api.Response unknown = api.post("/api/v1/payments", """
                {"from":"%s","to":"%s-999999","amount":"1.00"}""".formatted(alice.accountId(), currency));
        Api.Response elsewhere = api.post("/api/v1/payments", """
                {"from":"%s","to":"%s","amount":"1.00"}""".formatted(alice.accountId(), numberOf(stranger)));
        Api.Response atCounter = api.post("/api/v1/counters/" + counter + "/conversions", """
                {"participant":"%s","euros":"10.00","paidBy":"CASH"}""".formatted(numberOf(stranger)));

        assertProblem(unknown, 404, "not-found");
        assertThat(unknown.get("field")).isEqualTo("to");
        assertProblem(elsewhere, 404, "not-found");
        assertThat(elsewhere.get("field")).isEqualTo("to");
        assertProblem(atCounter, 404, "not-found");
        assertThat(atCounter.get("field")).isEqualTo("participant");
        assertThat(ledger.balance(alice)).isEqualTo("50.00");
    }

    @Test
    void theCounterConvertsForAMemberNamedByItsNumber() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party member = ledger.participant("MEMBER", "Hélène", currency);

        Api.Response converted = api.post("/api/v1/counters/" + counter + "/conversions", """
                {"participant":"%s","euros":"20.00","paidBy":"CASH","payout":"ACCOUNT"}"""
                .formatted(numberOf(member).toLowerCase()));

        assertThat(converted.status()).as(converted.toString()).isEqualTo(201);
        assertThat(ledger.balance(member)).isEqualTo("20.00");
    }
}
