package org.mlc.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Events are the permanent record: the event store keeps each one's class name (payload_type),
 * revision and JSON. This test holds one sample of every event type against a fixture written
 * from the code when the fixture was made, so a renamed class, a reshaped record or a method that
 * Jackson mistakes for a property (a {@code getX()} on an interface) fails here instead of
 * making stored events unreadable. A deliberate change is a new revision with an upcaster and a
 * new fixture, never an edited one.
 *
 * <p>Samples are built from each record's components with fixed values, so they are the same on
 * every run. To write the fixture of a new event type:
 * {@code ./mvnw -o -q verify -pl currency-core -Dtest=StoredEventJsonTest -Dstored-events.write=true}.
 */
class StoredEventJsonTest {

    static final Path FIXTURES = Path.of("src/test/resources/stored-events");
    static final Instant AT = Instant.parse("2025-03-01T09:15:30.123456Z");

    /**
     * Axon's JacksonSerializer on an ObjectMapper written as currency-api's (Spring Boot's, which
     * Axon's auto-configuration takes): Java time as ISO-8601 text. Axon's
     * {@code JacksonSerializer.defaultSerializer()} writes instants as numbers, which is not what the
     * event store holds (see currency-ops' PayloadReaderTest).
     */
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS))
            .build();

    /** Every event type: the records that carry a {@link Revision} (each is applied by an aggregate). */
    static List<Class<?>> eventTypes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mlc.ledger").stream()
                .filter(type -> type.isAnnotatedWith(Revision.class))
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .collect(Collectors.toList());
    }

    @Test
    void everyEventTypeIsFound() {
        // 58 when this test was written; fewer means a scan that silently lost some
        assertThat(eventTypes()).hasSizeGreaterThanOrEqualTo(58);
    }

    @TestFactory
    Stream<DynamicTest> everyEventSerializesAsItsFixture() {
        boolean write = Boolean.getBoolean("stored-events.write");
        return eventTypes().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            Object sample = sample(type, type.getSimpleName());
            SerializedObject<String> serialized = serializer.serialize(sample, String.class);
            assertThat(serialized.getType().getName()).isEqualTo(type.getName());
            assertThat(serialized.getType().getRevision()).isEqualTo(type.getAnnotation(Revision.class).value());
            Path fixture = fixture(type);
            if (write && !Files.exists(fixture)) {
                Files.createDirectories(FIXTURES);
                Files.writeString(fixture, serialized.getData() + "\n", StandardCharsets.UTF_8);
            }
            assertThat(fixture).as("fixture of %s (stored events keep its name)", type.getName()).exists();
            String stored = Files.readString(fixture, StandardCharsets.UTF_8).strip();
            assertThat(serialized.getData()).as("JSON of %s", type.getName()).isEqualTo(stored);
            Object read = serializer.deserialize(new SimpleSerializedObject<>(stored, String.class, type.getName(),
                    type.getAnnotation(Revision.class).value()));
            assertThat(read).as("%s read back from its fixture", type.getName()).isEqualTo(sample);
        }));
    }

    /** A fixture whose class is gone means stored events of that type could no longer be read. */
    @Test
    void everyFixtureNamesAnEventTypeThatStillExists() throws IOException {
        Set<String> types = eventTypes().stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(FIXTURES)) {
            List<String> orphans = files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                    .filter(name -> !types.contains(name)).sorted().toList();
            assertThat(orphans).as("fixtures without an event class").isEmpty();
        }
    }

    static Path fixture(Class<?> type) {
        return FIXTURES.resolve(type.getName() + ".json");
    }

    /** A value of the given type with fixed contents, named after where it sits so fields are told apart. */
    static Object sample(Type type, String name) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw == String.class) {
            return name;
        }
        if (raw == long.class || raw == Long.class) {
            return 2100L;
        }
        if (raw == int.class || raw == Integer.class) {
            return 20;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == Instant.class) {
            return AT;
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2025, 12, 31);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == Postings.class) {
            return Postings.builder()
                    .move(LedgerAccount.of("BOUSOL", LedgerAccountKind.ISSUANCE),
                            LedgerAccount.of("BOUSOL", LedgerAccountKind.PARTICIPANT, "account-1"), 2100)
                    .move(LedgerAccount.of("BOUSOL", LedgerAccountKind.OUTSIDE),
                            LedgerAccount.of("BOUSOL", LedgerAccountKind.COUNTER_CASH, "counter-1"), 2000)
                    .build();
        }
        if (raw == List.class) {
            return List.of(sample(argument(type, 0), name));
        }
        if (raw == Map.class) {
            return Map.of(sample(argument(type, 0), name), sample(argument(type, 1), name));
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(components[i].getGenericType(),
                        components.length == 1 ? name : components[i].getName());
            }
            try {
                Constructor<?> constructor = raw.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a sample " + raw.getName(), e);
            }
        }
        throw new IllegalStateException("no sample for " + type + " (" + name + "): add one to StoredEventJsonTest");
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }
}
