package org.mlc.ledger.ops.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.mlc.ledger.api.infrastructure.IdempotencyInterceptor;
import org.mlc.ledger.api.seal.SealCodec;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one currency's part of the ledger to a {@link MoveFile}: its events (by the seals'
 * attribution, {@link CurrencyAttribution}) with their seals and sealed digests, its users, the
 * idempotency keys of its requests and its transfers still in transit (sagas). Reads one snapshot
 * (repeatable read), so the counts of the header are those of the lines.
 */
public final class CurrencyExport {

    /** What was written. */
    public record Summary(long events, long seals, long users, long keys, long sagas, long bytes) {
    }

    /** The currency is not in this ledger, or cannot move now; nothing is written. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final PrintWriter progress;

    public CurrencyExport(DataSource dataSource, Clock clock, PrintWriter progress) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.progress = progress;
    }

    public Summary export(String currency, Path out) {
        TransactionTemplate snapshot = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        return snapshot.execute(status -> {
            try {
                return export(new JdbcTemplate(dataSource), currency, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Summary export(JdbcTemplate jdbc, String currency, Path out) throws IOException {
        Map<String, String> attribution = CurrencyAttribution.of(jdbc);
        Set<String> aggregates = new HashSet<>();
        attribution.forEach((aggregate, chain) -> {
            if (chain.equals(currency)) {
                aggregates.add(aggregate);
            }
        });
        if (aggregates.isEmpty()) {
            List<String> known = attribution.values().stream().distinct().filter(c -> !c.equals(SealCodec.NO_CURRENCY))
                    .sorted().toList();
            throw new Refused("unknown currency " + currency + "; known: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)));
        }

        // A bulk job's lines not yet carried out live in bulk_job/bulk_line, not in events: moving
        // now would drop them without a word.
        List<String> running = new ArrayList<>();
        jdbc.query("SELECT job_id, kind, target_id, currency FROM bulk_job WHERE finished_at IS NULL ORDER BY created_at",
                (RowCallbackHandler) rows -> {
                    if (currency.equals(rows.getString(4)) || aggregates.contains(rows.getString(3))) {
                        running.add(rows.getString(2) + " " + rows.getString(1));
                    }
                });
        if (!running.isEmpty()) {
            throw new Refused(currency + " has " + running.size() + " bulk job(s) not finished ("
                    + String.join(", ", running.subList(0, Math.min(3, running.size())))
                    + (running.size() > 3 ? ", …" : "") + "): let them finish, then export again");
        }

        // First pass, metadata only: how many events, and the keys their requests were sent under
        // (an operator's request in this currency is found this way, not by its user, who stays).
        long[] events = {0};
        Set<List<String>> requestKeys = new HashSet<>();
        jdbc.query(streaming("SELECT aggregate_identifier, meta_data FROM domain_event_entry"), (RowCallbackHandler) rows -> {
            if (!aggregates.contains(rows.getString(1))) {
                return;
            }
            events[0]++;
            byte[] metaData = rows.getBytes(2);
            if (metaData != null) {
                JsonNode meta = readTree(metaData);
                JsonNode key = meta.get(IdempotencyInterceptor.KEY);
                if (key != null && key.isTextual()) {
                    JsonNode user = meta.get(IdempotentCommands.USER);
                    requestKeys.add(List.of(user != null && user.isTextual() ? user.asText() : "", key.asText()));
                }
            }
        });

        List<ObjectNode> seals = seals(jdbc, currency);
        List<ObjectNode> users = users(jdbc, currency, aggregates);
        Set<String> movedUsers = new HashSet<>();
        users.forEach(user -> movedUsers.add(user.get("username").asText()));
        List<ObjectNode> keys = keys(jdbc, movedUsers, requestKeys);
        List<ObjectNode> sagas = sagas(jdbc, aggregates);
        Map<Long, ObjectNode> sealed = new HashMap<>();
        jdbc.query("SELECT global_index, seal_sequence, digest FROM seal_event WHERE currency = ?",
                (RowCallbackHandler) rows -> sealed.put(rows.getLong(1), MoveFile.JSON.createObjectNode()
                        .put("sequence", rows.getLong(2)).put("digest", SealCodec.hex(rows.getBytes(3)))), currency);

        ObjectNode header = MoveFile.JSON.createObjectNode()
                .put("type", MoveFile.HEADER)
                .put("format", MoveFile.FORMAT)
                .put("version", MoveFile.VERSION)
                .put("currency", currency)
                .put("exportedAt", clock.instant().toString());
        header.putObject("counts")
                .put("events", events[0])
                .put("seals", seals.size())
                .put("users", users.size())
                .put("idempotencyKeys", keys.size())
                .put("sagas", sagas.size());

        long[] written = {0};
        // written aside, then renamed: a failure half-way leaves no file that looks like an export
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(part), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            line(writer, header);
            jdbc.query(streaming("SELECT " + SealCodec.EVENT_COLUMNS + " FROM domain_event_entry ORDER BY global_index"),
                    (RowCallbackHandler) rows -> {
                        SealCodec.StoredEvent event = SealCodec.read(rows);
                        if (!aggregates.contains(event.aggregateIdentifier())) {
                            return;
                        }
                        ObjectNode line = MoveFile.JSON.createObjectNode()
                                .put("type", MoveFile.EVENT)
                                .put("globalIndex", event.globalIndex())
                                .put("eventIdentifier", event.eventIdentifier())
                                .put("aggregateIdentifier", event.aggregateIdentifier())
                                .put("sequenceNumber", event.sequenceNumber())
                                .put("aggregateType", event.type())
                                .put("payloadType", event.payloadType())
                                .put("payloadRevision", event.payloadRevision())
                                .put("timeStamp", event.timeStamp())
                                .put("metaData", MoveFile.base64(event.metaData()))
                                .put("payload", MoveFile.base64(event.payload()));
                        ObjectNode seal = sealed.get(event.globalIndex());
                        if (seal != null) {
                            line.set("sealed", seal);
                        }
                        try {
                            line(writer, line);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if (++written[0] % MoveFile.PROGRESS_EVERY_EVENTS == 0) {
                            progress.printf(Locale.ROOT, "  %,d of %,d events written%n", written[0], events[0]);
                            progress.flush();
                        }
                    });
            for (List<ObjectNode> lines : List.of(seals, users, keys, sagas)) {
                for (ObjectNode line : lines) {
                    line(writer, line);
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        if (written[0] != events[0]) {
            // one snapshot: cannot happen unless the store changed under a broken isolation level
            Files.deleteIfExists(part);
            throw new IllegalStateException("read " + events[0] + " events of " + currency + ", then wrote "
                    + written[0]);
        }
        Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
        return new Summary(events[0], seals.size(), users.size(), keys.size(), sagas.size(), Files.size(out));
    }

    private static List<ObjectNode> seals(JdbcTemplate jdbc, String currency) {
        return jdbc.query("SELECT sequence, from_index, to_index, event_count, root, previous_root, sealed_at, signature "
                + "FROM seal WHERE currency = ? ORDER BY sequence", (rows, i) -> MoveFile.JSON.createObjectNode()
                .put("type", MoveFile.SEAL)
                .put("currency", currency)
                .put("sequence", rows.getLong(1))
                .put("fromIndex", rows.getLong(2))
                .put("toIndex", rows.getLong(3))
                .put("eventCount", rows.getLong(4))
                .put("root", SealCodec.hex(rows.getBytes(5)))
                .put("previousRoot", SealCodec.hex(rows.getBytes(6)))
                .put("sealedAt", MoveFile.instant(rows.getTimestamp(7)))
                .put("signature", MoveFile.base64(rows.getBytes(8))), currency);
    }

    /**
     * The currency's users: those bound to it (its administrators, its auditors) and those bound to
     * one of its counters or participants. The platform's own (ADMIN, an unbound AUDITOR) stay.
     */
    private static List<ObjectNode> users(JdbcTemplate jdbc, String currency, Set<String> aggregates) {
        List<ObjectNode> users = new ArrayList<>();
        jdbc.query("SELECT username, password_hash, role, enabled, created_at, participant_id, counter_id, changed_at, "
                + "email, currency, credentials_version FROM app_user WHERE currency IS NOT NULL "
                + "OR participant_id IS NOT NULL OR counter_id IS NOT NULL ORDER BY username", (RowCallbackHandler) rows -> {
            String participant = rows.getString(6);
            String counter = rows.getString(7);
            if (!currency.equals(rows.getString(10)) && !aggregates.contains(participant)
                    && !aggregates.contains(counter)) {
                return;
            }
            users.add(MoveFile.JSON.createObjectNode()
                    .put("type", MoveFile.USER)
                    .put("username", rows.getString(1))
                    .put("passwordHash", rows.getString(2))
                    .put("role", rows.getString(3))
                    .put("enabled", rows.getBoolean(4))
                    .put("createdAt", MoveFile.instant(rows.getTimestamp(5)))
                    .put("participantId", participant)
                    .put("counterId", counter)
                    .put("changedAt", MoveFile.instant(rows.getTimestamp(8)))
                    .put("email", rows.getString(9))
                    .put("currency", rows.getString(10))
                    .put("credentialsVersion", rows.getLong(11)));
        });
        return users;
    }

    /** The keys of the moved users, and those whose requests made this currency's events. */
    private static List<ObjectNode> keys(JdbcTemplate jdbc, Set<String> users, Set<List<String>> requestKeys) {
        List<ObjectNode> keys = new ArrayList<>();
        jdbc.query("SELECT username, scope, idem_key, request_hash, result_type, result_json, created_at "
                + "FROM idempotency_key ORDER BY username, scope, idem_key", (RowCallbackHandler) rows -> {
            String user = rows.getString(1);
            if (!users.contains(user) && !requestKeys.contains(List.of(user, rows.getString(3)))) {
                return;
            }
            keys.add(MoveFile.JSON.createObjectNode()
                    .put("type", MoveFile.KEY)
                    .put("username", user)
                    .put("scope", rows.getString(2))
                    .put("key", rows.getString(3))
                    .put("requestHash", rows.getString(4))
                    .put("resultType", rows.getString(5))
                    .put("resultJson", rows.getString(6))
                    .put("createdAt", MoveFile.instant(rows.getTimestamp(7))));
        });
        return keys;
    }

    /**
     * Sagas still running (a transfer debited, its credit not yet made) that name one of the
     * currency's aggregates (the payer's or payee's account): the saga goes with the transfer.
     */
    private static List<ObjectNode> sagas(JdbcTemplate jdbc, Set<String> aggregates) {
        List<ObjectNode> sagas = new ArrayList<>();
        jdbc.query("SELECT saga_id, revision, saga_type, serialized_saga FROM saga_entry ORDER BY saga_id",
                (RowCallbackHandler) rows -> {
                    byte[] serialized = rows.getBytes(4);
                    if (serialized == null || !names(readTree(serialized), aggregates)) {
                        return;
                    }
                    ObjectNode saga = MoveFile.JSON.createObjectNode()
                            .put("type", MoveFile.SAGA)
                            .put("sagaId", rows.getString(1))
                            .put("revision", rows.getString(2))
                            .put("sagaType", rows.getString(3))
                            .put("serializedSaga", MoveFile.base64(serialized));
                    sagas.add(saga);
                });
        for (ObjectNode saga : sagas) {
            var associations = saga.putArray("associations");
            jdbc.query("SELECT association_key, association_value FROM association_value_entry WHERE saga_id = ? "
                            + "ORDER BY id", (RowCallbackHandler) rows -> associations.addObject()
                            .put("key", rows.getString(1)).put("value", rows.getString(2)),
                    saga.get("sagaId").asText());
        }
        return sagas;
    }

    private static boolean names(JsonNode node, Set<String> aggregates) {
        if (node.isTextual()) {
            return aggregates.contains(node.asText());
        }
        for (JsonNode child : node) {
            if (names(child, aggregates)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return MoveFile.JSON.readTree(json);
        } catch (IOException e) {
            // not JSON: names no user, key or account
            return MoveFile.JSON.createObjectNode();
        }
    }

    private static void line(BufferedWriter writer, ObjectNode line) throws IOException {
        writer.write(MoveFile.JSON.writeValueAsString(line));
        writer.write('\n');
    }

    /** A statement read by chunks (the caller's transaction keeps the cursor), bytea in binary. */
    private static org.springframework.jdbc.core.PreparedStatementCreator streaming(String sql) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(2_000);
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            return statement;
        };
    }
}
