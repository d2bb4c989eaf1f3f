package org.mlc.ledger;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.bonus.CommitBonusBudget;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.counter.DefineCounter;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.DefineCurrency;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.participant.RegisterParticipant;
import org.mlc.ledger.payment.TransferDebited;

/**
 * The whole core wired with plain Axon in memory, from {@link LedgerModel}: every aggregate, the
 * external command handlers and, on request, the transfer saga on a subscribing processor (so a
 * transfer stored by an older version is finished when it is stored). For tests of handlers that touch several aggregates, and for properties.
 */
public final class InMemoryLedger implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    public static final CurrencyCode BOUSOL = CurrencyCode.of("BOUSOL");
    public static final CurrencyCode LAROUE = CurrencyCode.of("LAROUE");

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final Configuration configuration;

    private InMemoryLedger(boolean withTransferSaga) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> storage);
        LedgerModel.AGGREGATES.forEach(configurer::configureAggregate);
        LedgerModel.COMMAND_HANDLERS.forEach(handler -> configurer.registerCommandHandler(
                c -> handler.apply(c::repository)));
        if (withTransferSaga) {
            // A saga failure must fail the test, not be logged and leave value in transit.
            configurer.eventProcessing(ep -> LedgerModel.SAGAS.forEach(ep.usingSubscribingEventProcessors()
                    .registerSagaStore(c -> new InMemorySagaStore())
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())::registerSaga));
        }
        configuration = configurer.start();
    }

    /** Aggregates and external command handlers only. */
    public static InMemoryLedger start() {
        return new InMemoryLedger(false);
    }

    /** Also runs the transfer saga, synchronously, inside the command that debits the payer. */
    public static InMemoryLedger startWithTransferSaga() {
        return new InMemoryLedger(true);
    }

    /** Sends a command and waits; a refusal comes back as the handler's own exception. */
    public <R> R send(Object command) {
        return configuration.commandGateway().sendAndWait(command);
    }

    /**
     * Stores a debit as a version before one-commit payments recorded it: on the payer's stream,
     * without the metadata saying its credit follows, so the transfer saga (when running) credits
     * the payee or returns the amount, as it does for transfers stored in flight before an upgrade.
     */
    public void storeDebitOfAnOlderVersion(TransferDebited debited) {
        String payer = debited.from().value();
        long next = configuration.eventStore().lastSequenceNumberFor(payer).map(last -> last + 1).orElse(0L);
        configuration.eventStore().publish(new GenericDomainEventMessage<>("Account", payer, next, debited));
    }

    /** Appends an event to an aggregate's stream as an older version stored it, without its handler. */
    public void storeAsAnOlderVersion(String aggregateType, String aggregateId, Object event) {
        long next = configuration.eventStore().lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
        configuration.eventStore().publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, next, event));
    }

    /** The payloads of one aggregate's events, in order. */
    public List<Object> eventsOf(String aggregateId) {
        return configuration.eventStore().readEvents(aggregateId).asStream()
                .<Object>map(EventMessage::getPayload)
                .toList();
    }

    /** The metadata of the last TransferDebited of an account. */
    public java.util.Map<String, Object> debitMetaData(String accountId) {
        return lastMetaData(accountId, org.mlc.ledger.payment.TransferDebited.class);
    }

    /** The metadata of the account's last event of this type. */
    public java.util.Map<String, Object> lastMetaData(String accountId, Class<?> eventType) {
        return configuration.eventStore().readEvents(accountId).asStream()
                .filter(e -> eventType.isInstance(e.getPayload()))
                .reduce((first, second) -> second)
                .orElseThrow()
                .getMetaData().entrySet().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** The payloads of every event in the store, in the order they were stored. */
    public List<Object> allEvents() {
        return storage.readEvents(null, false)
                .<Object>map(EventMessage::getPayload)
                .toList();
    }

    /** Reads the current state of an aggregate, as a handler would see it. */
    public <A, R> R inspect(Class<A> type, String id, Function<A, R> query) {
        return DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> configuration.repository(type).load(id).invoke(query))
                .getPayload();
    }

    // Scenario steps, with the figures of real currencies.

    /** Bou'Sol: 20 EUR buy 21 units. */
    public void defineBousol() {
        defineCurrency(BOUSOL, "Bou'Sol", new ConversionPolicy(2000, 2100));
    }

    /** La Roue: 10 EUR buy 12 units. */
    public void defineLaRoue() {
        defineCurrency(LAROUE, "La Roue", new ConversionPolicy(1000, 1200));
    }

    public void defineCurrency(CurrencyCode code, String name, ConversionPolicy conversion) {
        send(new DefineCurrency(code, name, conversion, 500, 300, T0));
    }

    public void defineCounter(CounterId counter, CurrencyCode currency) {
        send(new DefineCounter(counter, "Comptoir " + counter, currency, null, T0));
    }

    public void registerMember(ParticipantId participant, AccountId account, CurrencyCode currency) {
        send(new RegisterParticipant(participant, ParticipantKind.MEMBER, "Member " + participant, currency, account,
                null, T0));
    }

    /** A participant of any kind; a merchant with a filière is approved at registration. */
    public void register(ParticipantId participant, ParticipantKind kind, AccountId account, CurrencyCode currency,
                         String filiere) {
        send(new RegisterParticipant(participant, kind, kind + " " + participant, currency, account, filiere, T0));
    }

    /** An association sponsoring the bonus of a currency with {@code eurosMinor} over 2025, without a cap. */
    public BudgetId sponsor(CurrencyCode currency, String budget, long eurosMinor, long monthlyCapPerMemberMinor) {
        ParticipantId sponsor = ParticipantId.of("sponsor-" + budget);
        send(new RegisterParticipant(sponsor, ParticipantKind.ASSOCIATION, "Sponsor " + budget, currency,
                AccountId.of("acc-sponsor-" + budget), null, T0));
        return send(new CommitBonusBudget(BudgetId.of(budget), currency, sponsor, eurosMinor,
                java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31), monthlyCapPerMemberMinor, T0));
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
