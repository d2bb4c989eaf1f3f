package org.mlc.ledger.ops.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.sql.DataSource;
import org.mlc.ledger.api.infrastructure.AxonConfiguration;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.mlc.ledger.api.seal.SealCodec;
import org.mlc.ledger.api.seal.SealJob;
import org.mlc.ledger.api.seal.SealSigner;
import org.mlc.ledger.api.seal.SealWriter;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.mlc.ledger.payment.TransferSaga;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends a currency read from a {@link MoveFile} to this ledger, in one transaction: all of it or
 * nothing. Under the cluster lock of the seals and with the event table closed to other writers,
 * it first seals the host's own events, then appends the currency's events with new global
 * indexes (after every host event) and its seals rewritten to them: the highest sealed index then
 * never passes a host event not yet sealed (docs/hosting.md, "Moving a currency").
 */
public final class CurrencyImport {

    /** What was appended: the events' new global indexes, and the keys already there (kept). */
    public record Summary(String currency, long events, long firstIndex, long lastIndex, long hostSealed, long seals,
                          long users, long keys, long keysKept, long sagas) {
    }

    /** The import is refused; nothing is written. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final int BATCH_ROWS = 1_000;
    private static final String GAP_AWARE_TOKEN = "org.axonframework.eventhandling.GapAwareTrackingToken";

    private final DataSource dataSource;
    private final SealSigner signer;
    private final PrintWriter progress;

    public CurrencyImport(DataSource dataSource, SealSigner signer, PrintWriter progress) {
        this.dataSource = dataSource;
        this.signer = signer;
        this.progress = progress;
    }

    /** The file read once without writing: its header, the rows other than events, its aggregates. */
    private record Contents(JsonNode header, long events, Set<String> aggregates, List<JsonNode> seals,
                            List<JsonNode> users, List<JsonNode> keys, List<JsonNode> sagas) {
    }

    public Summary importFrom(Path file) {
        // First pass, before anything is written: a file cut short, of another version, or with a
        // user or aggregate already here is refused without drawing a single global index.
        Contents contents;
        try (BufferedReader reader = open(file)) {
            contents = contents(reader, file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        return transaction.execute(status -> {
            try (BufferedReader reader = open(file)) {
                reader.readLine();
                return apply(new JdbcTemplate(dataSource), contents, reader, file);
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        });
    }

    private static Contents contents(BufferedReader reader, Path file) throws IOException {
        JsonNode header = header(reader.readLine(), file);
        long events = 0;
        Set<String> aggregates = new LinkedHashSet<>();
        List<JsonNode> seals = new ArrayList<>();
        List<JsonNode> users = new ArrayList<>();
        List<JsonNode> keys = new ArrayList<>();
        List<JsonNode> sagas = new ArrayList<>();
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode line = MoveFile.JSON.readTree(text);
            String type = line.path("type").asText();
            switch (type) {
                case MoveFile.EVENT -> {
                    events++;
                    aggregates.add(line.get("aggregateIdentifier").asText());
                }
                case MoveFile.SEAL -> seals.add(line);
                case MoveFile.USER -> users.add(line);
                case MoveFile.KEY -> keys.add(line);
                case MoveFile.SAGA -> sagas.add(line);
                default -> throw new Refused(file + " has a line of unknown type '" + type + "'; nothing was written");
            }
        }
        JsonNode counts = header.get("counts");
        complete(file, "events", counts.path("events").asLong(), events);
        complete(file, "seals", counts.path("seals").asLong(), seals.size());
        complete(file, "users", counts.path("users").asLong(), users.size());
        complete(file, "idempotencyKeys", counts.path("idempotencyKeys").asLong(), keys.size());
        complete(file, "sagas", counts.path("sagas").asLong(), sagas.size());
        return new Contents(header, events, aggregates, seals, users, keys, sagas);
    }

    private Summary apply(JdbcTemplate jdbc, Contents contents, BufferedReader reader, Path file) throws IOException {
        String currency = contents.header().get("currency").asText();
        Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                ClusterJobLock.key(SealJob.LOCK));
        if (!Boolean.TRUE.equals(locked)) {
            throw new Refused("another process is sealing now (currency-api's job): stop currency-api and import again");
        }
        // Writers wait until the commit: no host event can take an index among the imported ones,
        // or below them unsealed. Readers (the API's pages, a verify) go on.
        jdbc.execute("SET LOCAL lock_timeout = '10s'");
        jdbc.execute("LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
        refuseIfPresent(jdbc, currency);
        refuseTakenUsers(jdbc, contents.users());
        List<Map<String, Object>> sagaTokens = sagaTokens(jdbc);
        refuseKnownAggregates(jdbc, contents.aggregates());
        long hostHead = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);

        SealWriter sealWriter = new SealWriter(jdbc, Clock.systemUTC(), signer, Duration.ofSeconds(5),
                SealJob.MAX_EVENTS_PER_ROUND);
        long hostSealed = 0;
        while (true) {
            SealWriter.Round round = sealWriter.sealOnce();
            if (round.heldBack()) {
                throw new Refused("a transaction writing events did not end within 5 s; stop currency-api and "
                        + "import again");
            }
            hostSealed += round.events();
            if (round.events() < SealJob.MAX_EVENTS_PER_ROUND) {
                break;
            }
        }

        Map<Long, Long> newIndexes = new HashMap<>();
        List<JsonNode> pending = new ArrayList<>();
        long[] first = {-1};
        long[] last = {-1};
        long read = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode line = MoveFile.JSON.readTree(text);
            // the other rows were kept by the first pass; events are streamed, a batch at a time
            if (!MoveFile.EVENT.equals(line.path("type").asText())) {
                continue;
            }
            pending.add(line);
            read++;
            if (pending.size() == BATCH_ROWS) {
                appendEvents(jdbc, currency, pending, newIndexes, first, last);
                pending.clear();
            }
            if (read % MoveFile.PROGRESS_EVERY_EVENTS == 0) {
                progress.printf(Locale.ROOT, "  %,d of %,d events appended%n", read, contents.events());
                progress.flush();
            }
        }
        appendEvents(jdbc, currency, pending, newIndexes, first, last);
        // the file changed between the two passes
        complete(file, "events", contents.events(), read);

        jdbc.batchUpdate("INSERT INTO seal_aggregate (aggregate_identifier, currency) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", contents.aggregates().stream().map(a -> new Object[]{a, currency}).toList());
        for (JsonNode seal : contents.seals()) {
            jdbc.update("INSERT INTO seal (currency, sequence, from_index, to_index, event_count, root, previous_root, "
                            + "sealed_at, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", currency,
                    seal.get("sequence").asLong(), newIndex(newIndexes, seal.get("fromIndex").asLong(), file),
                    newIndex(newIndexes, seal.get("toIndex").asLong(), file), seal.get("eventCount").asLong(),
                    SealCodec.unhex(seal.get("root").asText()), SealCodec.unhex(seal.get("previousRoot").asText()),
                    MoveFile.timestamp(seal.get("sealedAt").asText()),
                    MoveFile.unbase64(text(seal, "signature")));
        }
        appendUsers(jdbc, contents.users());
        long keysKept = appendKeys(jdbc, contents.keys());
        appendSagas(jdbc, contents.sagas());
        // The transfer saga has nothing of the host's left (checked above); the imported events'
        // transfers were carried out at the source, so it starts after them, with their sagas.
        advanceSagaTokens(jdbc, sagaTokens, last[0] < 0 ? hostHead : last[0]);
        return new Summary(currency, read, first[0], last[0], hostSealed, contents.seals().size(),
                contents.users().size(), contents.keys().size() - keysKept, keysKept, contents.sagas().size());
    }

    /** An aggregate of the file already here: the currency was imported before under another code, or came from here. */
    private static void refuseKnownAggregates(JdbcTemplate jdbc, Set<String> aggregates) {
        String[] ids = aggregates.toArray(String[]::new);
        List<String> known = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<List<String>>) connection -> {
            try (var statement = connection.prepareStatement("SELECT DISTINCT aggregate_identifier FROM "
                    + "domain_event_entry WHERE aggregate_identifier = ANY (?) LIMIT 3")) {
                statement.setArray(1, connection.createArrayOf("text", ids));
                try (var rows = statement.executeQuery()) {
                    List<String> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                    return found;
                }
            }
        });
        if (known != null && !known.isEmpty()) {
            throw new Refused("an event of the file is already in this ledger (aggregate " + String.join(", ", known)
                    + "): the currency was imported before, or comes from this ledger; nothing was written");
        }
    }

    private static void refuseIfPresent(JdbcTemplate jdbc, String currency) {
        boolean present = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domain_event_entry "
                        + "WHERE type = 'Currency' AND aggregate_identifier = ?) "
                        + "OR EXISTS (SELECT 1 FROM seal WHERE currency = ?) "
                        + "OR EXISTS (SELECT 1 FROM seal_aggregate WHERE currency = ?) "
                        + "OR EXISTS (SELECT 1 FROM app_user WHERE currency = ?)", Boolean.class,
                currency, currency, currency, currency));
        if (present) {
            throw new Refused("refused, the currency " + currency + " is already in this ledger "
                    + "(la monnaie " + currency + " existe déjà ici); nothing was written");
        }
    }

    /**
     * The transfer saga's tokens, checked: it is moved past the imported events afterwards, so it
     * must have nothing of the host's left to handle (no event of a type it handles above its
     * position or in its gaps). Events it does not handle may lie above it: a processor stores its
     * position lazily when it reads only those.
     */
    private static List<Map<String, Object>> sagaTokens(JdbcTemplate jdbc) throws IOException {
        List<Map<String, Object>> tokens = jdbc.queryForList("SELECT segment, token, token_type FROM token_entry "
                + "WHERE processor_name = ? FOR UPDATE", AxonConfiguration.TRANSFER_SAGA_GROUP);
        String handled = "{" + String.join(",", sagaEventTypes()) + "}";
        for (Map<String, Object> token : tokens) {
            long at = -1;
            List<String> gaps = new ArrayList<>();
            if (token.get("token") != null) {
                if (!GAP_AWARE_TOKEN.equals(token.get("token_type"))) {
                    throw new Refused("the transfer saga's position is a " + token.get("token_type") + ", not a plain "
                            + "position (a replay in progress?): start currency-api until it is done, stop it, "
                            + "import again; nothing was written");
                }
                JsonNode position = MoveFile.JSON.readTree((byte[]) token.get("token"));
                at = position.path("index").asLong(-1);
                position.path("gaps").forEach(gap -> gaps.add(Long.toString(gap.asLong())));
            }
            Long pending = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE (global_index > ? "
                            + "OR global_index = ANY (?::bigint[])) AND payload_type = ANY (?::text[])", Long.class, at,
                    "{" + String.join(",", gaps) + "}", handled);
            if (pending != null && pending > 0) {
                throw new Refused("the transfer saga has not handled every event of this ledger yet (" + pending
                        + " after its position #" + at + "): start currency-api until GET /api/v1/status shows it "
                        + "caught up, stop it and import again; nothing was written");
            }
        }
        return tokens;
    }

    /** The payload types the transfer saga handles, read from its handlers. */
    private static List<String> sagaEventTypes() {
        List<String> types = new ArrayList<>();
        for (Method method : TransferSaga.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(SagaEventHandler.class) && method.getParameterCount() > 0) {
                types.add(method.getParameterTypes()[0].getName());
            }
        }
        return types;
    }

    private static void advanceSagaTokens(JdbcTemplate jdbc, List<Map<String, Object>> tokens, long head)
            throws IOException {
        if (tokens.isEmpty()) {
            // a ledger whose application has not run yet: the saga would start wherever Axon's
            // default puts it; it starts after the imported events instead
            jdbc.update("INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp) "
                            + "VALUES (?, 0, ?, ?, ?)", AxonConfiguration.TRANSFER_SAGA_GROUP,
                    MoveFile.JSON.writeValueAsBytes(MoveFile.JSON.createObjectNode().put("index", head)
                            .set("gaps", MoveFile.JSON.createArrayNode())), GAP_AWARE_TOKEN,
                    java.time.Instant.now().toString());
            return;
        }
        for (Map<String, Object> token : tokens) {
            ObjectNode position = token.get("token") == null
                    ? MoveFile.JSON.createObjectNode().set("gaps", MoveFile.JSON.createArrayNode())
                    : (ObjectNode) MoveFile.JSON.readTree((byte[]) token.get("token"));
            position.put("index", head);
            jdbc.update("UPDATE token_entry SET token = ?, token_type = ? WHERE processor_name = ? AND segment = ?",
                    MoveFile.JSON.writeValueAsBytes(position), GAP_AWARE_TOKEN, AxonConfiguration.TRANSFER_SAGA_GROUP,
                    token.get("segment"));
        }
    }

    /** Appends a batch of events at new global indexes drawn in order, after every host event. */
    private static void appendEvents(JdbcTemplate jdbc, String currency, List<JsonNode> batch,
                                     Map<Long, Long> newIndexes, long[] first, long[] last) {
        if (batch.isEmpty()) {
            return;
        }
        List<Long> drawn = jdbc.queryForList("SELECT nextval('domain_event_entry_global_index_seq') "
                + "FROM generate_series(1, ?) ORDER BY 1", Long.class, batch.size());
        List<Object[]> rows = new ArrayList<>(batch.size());
        List<Object[]> digests = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode event = batch.get(i);
            long index = drawn.get(i);
            if (newIndexes.put(event.get("globalIndex").asLong(), index) != null) {
                throw new Refused("event #" + event.get("globalIndex").asLong() + " is twice in the file");
            }
            String aggregate = event.get("aggregateIdentifier").asText();
            rows.add(new Object[]{index, event.get("eventIdentifier").asText(),
                    MoveFile.unbase64(text(event, "metaData")), MoveFile.unbase64(event.get("payload").asText()),
                    text(event, "payloadRevision"), event.get("payloadType").asText(), event.get("timeStamp").asText(),
                    aggregate, event.get("sequenceNumber").asLong(), text(event, "aggregateType")});
            JsonNode sealed = event.get("sealed");
            if (sealed != null) {
                digests.add(new Object[]{index, currency, sealed.get("sequence").asLong(),
                        SealCodec.unhex(sealed.get("digest").asText())});
            }
            if (first[0] < 0) {
                first[0] = index;
            }
            last[0] = index;
        }
        try {
            jdbc.batchUpdate("INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload, "
                    + "payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new Refused("an event of the file is already in this ledger (same event or aggregate "
                    + "identifier): it was imported before, or comes from this ledger; nothing was written");
        }
        if (!digests.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO seal_event (global_index, currency, seal_sequence, digest) "
                    + "VALUES (?, ?, ?, ?)", digests);
        }
    }

    private static void refuseTakenUsers(JdbcTemplate jdbc, List<JsonNode> users) {
        List<String> taken = new ArrayList<>();
        for (JsonNode user : users) {
            String name = user.get("username").asText();
            if (!jdbc.queryForList("SELECT 1 FROM app_user WHERE username = ?", name).isEmpty()) {
                taken.add(name);
            }
        }
        if (!taken.isEmpty()) {
            throw new Refused("refused, user name(s) already taken in this ledger: "
                    + String.join(", ", taken.subList(0, Math.min(10, taken.size())))
                    + (taken.size() > 10 ? " and " + (taken.size() - 10) + " more" : "")
                    + " (rename them here first); nothing was written");
        }
    }

    private static void appendUsers(JdbcTemplate jdbc, List<JsonNode> users) {
        jdbc.batchUpdate("INSERT INTO app_user (username, password_hash, role, enabled, created_at, participant_id, "
                + "counter_id, changed_at, email, currency, credentials_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                users.stream().map(user -> new Object[]{user.get("username").asText(),
                        user.get("passwordHash").asText(), user.get("role").asText(), user.get("enabled").asBoolean(),
                        MoveFile.timestamp(text(user, "createdAt")), text(user, "participantId"),
                        text(user, "counterId"), MoveFile.timestamp(text(user, "changedAt")), text(user, "email"),
                        text(user, "currency"), user.get("credentialsVersion").asLong()}).toList());
    }

    /**
     * A key already here (an operator of this ledger who used the same key for the same scope) is
     * kept as it is: it answers this ledger's own request. Returns how many were kept so.
     */
    private static long appendKeys(JdbcTemplate jdbc, List<JsonNode> keys) {
        long kept = 0;
        for (JsonNode key : keys) {
            kept += 1 - jdbc.update("INSERT INTO idempotency_key (username, scope, idem_key, request_hash, result_type, "
                            + "result_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    key.get("username").asText(), key.get("scope").asText(), key.get("key").asText(),
                    key.get("requestHash").asText(), key.get("resultType").asText(), key.get("resultJson").asText(),
                    MoveFile.timestamp(text(key, "createdAt")));
        }
        return kept;
    }

    private static void appendSagas(JdbcTemplate jdbc, List<JsonNode> sagas) {
        for (JsonNode saga : sagas) {
            String id = saga.get("sagaId").asText();
            String type = text(saga, "sagaType");
            jdbc.update("INSERT INTO saga_entry (saga_id, revision, saga_type, serialized_saga) VALUES (?, ?, ?, ?)",
                    id, text(saga, "revision"), type, MoveFile.unbase64(text(saga, "serializedSaga")));
            for (JsonNode association : saga.path("associations")) {
                jdbc.update("INSERT INTO association_value_entry (association_key, association_value, saga_id, "
                                + "saga_type) VALUES (?, ?, ?, ?)", association.get("key").asText(),
                        association.get("value").asText(), id, type);
            }
        }
    }

    private static long newIndex(Map<Long, Long> newIndexes, long sourceIndex, Path file) {
        Long index = newIndexes.get(sourceIndex);
        if (index == null) {
            throw new Refused(file + " has a seal over event #" + sourceIndex + ", which is not in the file; "
                    + "nothing was written");
        }
        return index;
    }

    private static void complete(Path file, String what, long expected, long read) {
        if (expected != read) {
            throw new Refused(file + " is incomplete: its header announces " + expected + " " + what + ", it has "
                    + read + "; nothing was written");
        }
    }

    private static JsonNode header(String line, Path file) throws IOException {
        JsonNode header = line == null ? null : MoveFile.JSON.readTree(line);
        if (header == null || !MoveFile.HEADER.equals(header.path("type").asText())
                || !MoveFile.FORMAT.equals(header.path("format").asText())) {
            throw new Refused(file + " is not a currency exported by currency-ops export currency");
        }
        if (header.path("version").asInt() != MoveFile.VERSION) {
            throw new Refused(file + " is in version " + header.path("version").asInt() + " of the format; this tool "
                    + "reads version " + MoveFile.VERSION);
        }
        if (!header.path("currency").isTextual() || !header.path("counts").isObject()) {
            throw new Refused(file + " has no currency or counts in its header");
        }
        return header;
    }

    private static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static RuntimeException unreadable(Path file, IOException e) {
        if (e instanceof ZipException || e instanceof java.io.EOFException) {
            return new Refused("cannot read " + file + ": not gzip, or cut short (" + e.getMessage() + "); nothing "
                    + "was written");
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return new Refused("cannot read " + file + ": a line is not JSON; nothing was written");
        }
        return new UncheckedIOException(e);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
