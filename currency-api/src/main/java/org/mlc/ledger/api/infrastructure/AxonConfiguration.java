package org.mlc.ledger.api.infrastructure;

import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.mlc.ledger.LedgerModel;
import org.mlc.ledger.api.observability.EventCorrelationMdc;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.common.Repositories;
import org.mlc.ledger.payment.TransferSaga;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon without Axon Server: JDBC event, token and saga stores on PostgreSQL (snake_case tables
 * made by Flyway), Jackson everywhere, Caffeine as the aggregate cache. The domain stays free of
 * Spring, so its aggregates, handlers and saga ({@link LedgerModel}) are registered here.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Processing group of the transfer saga (Axon's default name for it). */
    public static final String TRANSFER_SAGA_GROUP = "TransferSagaProcessor";
    /** Every streaming processor of the application: the projections' groups and the saga's. */
    public static final List<String> STREAMING_PROCESSORS = Stream.concat(Projections.groups().stream(),
            Stream.of(TRANSFER_SAGA_GROUP)).toList();

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColum("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * PostgreSQL's unique violation: without it a concurrent append to one aggregate, or a second
     * creation of the same id, is not recognised as such by Axon.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** Declared here because declaring the event store turns Axon's own storage engine off. */
    @Bean
    public EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactionManager,
                                                 EventSchema eventSchema, Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 GlobalIndex globalIndex,
                                                 @Value("${mlc.event-store.read-batch-size:100}") int readBatchSize) {
        return new IndexRecordingEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                // events per query of a processor's stream (Axon's default, 100, unless set: the
                // operator tool's replays read more at a time)
                .batchSize(readBatchSize), eventSchema, globalIndex);
    }

    /**
     * The event store. Events appended in this process wake its reader at once; the fetch delay
     * bounds how late events appended by another node are seen (Axon's default is a second).
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         @Value("${mlc.event-store.fetch-delay-millis:100}") long fetchDelayMillis) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelayMillis)
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    @Bean
    public Cache aggregateCache(@Value("${mlc.aggregate-cache.max-entries:100000}") long maxEntries) {
        return new CaffeineCache(maxEntries);
    }

    @Bean
    public ProcessorProgress processorProgress() {
        return new ProcessorProgress();
    }

    @Bean
    public CoordinatorWakeUps coordinatorWakeUps() {
        return new CoordinatorWakeUps();
    }

    @Bean
    public ConfigurerModule ledgerModule(Cache aggregateCache, ProcessorProgress progress, CoordinatorWakeUps wakeUps,
                                         @Value("${mlc.test-faults.enabled:false}") boolean faultsEnabled,
                                         @Value("${mlc.test-faults.halt-at:}") String haltAt) {
        return configurer -> {
            if (faultsEnabled && !haltAt.isBlank()) {
                // test only (see FaultHook): both properties are needed, neither is set by default
                FaultHook hook = new FaultHook(FaultHook.Point.valueOf(haltAt.trim()));
                configurer.eventProcessing(processing -> processing
                        .registerHandlerInterceptor(TRANSFER_SAGA_GROUP, c -> hook));
                configurer.onInitialize(c -> c.onStart(() -> c.commandBus().registerHandlerInterceptor(
                        hook.onCommands())));
            }
            for (Class<?> aggregate : LedgerModel.AGGREGATES) {
                configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(aggregate)
                        .configureCache(c -> aggregateCache));
            }
            for (Function<Repositories, Object> handler : LedgerModel.COMMAND_HANDLERS) {
                configurer.registerCommandHandler(c -> handler.apply(c::repository));
            }
            // Pooled processors otherwise look for new events only every 500 ms (see the class).
            // The same watcher drops cached aggregates another node has changed since (see CaffeineCache).
            configurer.registerComponent(EventAvailabilityNotifier.class,
                    c -> new EventAvailabilityNotifier(c.eventStore(), event -> {
                        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                                && aggregateCache instanceof CaffeineCache caffeine) {
                            caffeine.evictIfOlderThan(domain.getAggregateIdentifier(), domain.getSequenceNumber());
                        }
                    }));
            configurer.eventProcessing(processing -> LedgerModel.SAGAS.forEach(processing::registerSaga));
            // each processor's coordinator deserializes the events it reads for its handlers
            // (CoordinatorDeserialization); applied after the default configuration above
            configurer.eventProcessing(processing -> STREAMING_PROCESSORS.forEach(name -> processing
                    .registerPooledStreamingEventProcessorConfiguration(name, (c, builder) -> builder
                            .messageSource(new CoordinatorDeserialization(
                                    c.getComponent(EventAvailabilityNotifier.class),
                                    () -> handledTypes(c, name))))));
            configurer.eventProcessing(processing -> processing
                    // a processor behind by more than a buffer reads while it books (CoordinatorWakeUps)
                    .registerPooledStreamingEventProcessorConfiguration((c, builder) -> builder
                            .messageSource(c.getComponent(EventAvailabilityNotifier.class))
                            .coordinatorExecutor(name -> wakeUps.coordinatorExecutor(c, name)))
                    .registerDefaultHandlerInterceptor((c, name) -> wakeUps.interceptor(name))
                    // a payment credited in its debit's commit is none of the saga's business: pass
                    // its two events by without a saga store lookup each (TransferSaga.concerns)
                    .registerHandlerInterceptor(TRANSFER_SAGA_GROUP, c -> (unitOfWork, chain) ->
                            TransferSaga.concerns(unitOfWork.getMessage().getPayload(),
                                    unitOfWork.getMessage().getMetaData()) ? chain.proceed() : null)
                    // the log lines of projections and sagas carry the causing request's correlation id
                    .registerDefaultHandlerInterceptor((c, name) -> new EventCorrelationMdc())
                    // requests waiting for the views wake when a batch is committed (ReadYourWrites)
                    .registerDefaultHandlerInterceptor((c, name) -> progress.interceptor())
                    // A ledger must not skip an event it failed to handle: fail, and retry.
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
        };
    }

    /** The payload types the handlers of processor {@code name} take. */
    private static Predicate<Class<?>> handledTypes(org.axonframework.config.Configuration configuration, String name) {
        EventHandlerInvoker handlers = configuration.eventProcessingConfiguration()
                .eventProcessor(name, AbstractEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no event processor named " + name))
                .eventHandlerInvoker();
        return handlers::canHandleType;
    }
}
