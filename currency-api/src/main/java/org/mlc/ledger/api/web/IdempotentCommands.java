package org.mlc.ledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.mlc.ledger.api.infrastructure.ConflictRetry;
import org.mlc.ledger.api.infrastructure.IdempotencyInterceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.mlc.ledger.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a state-changing command under an Idempotency-Key: the same key and request returns the
 * first answer without a second effect; the same key with another request is a 409. The key is
 * stored with the command's events, in one transaction (see {@link IdempotencyInterceptor}).
 * Every command carries in its metadata who sent it (user, role, counter), the key and the
 * request's correlation id; Axon copies them onto every event it causes (see
 * {@link #METADATA_KEYS}), sagas' follow-up events included.
 */
@Component
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 200;

    public static final String USER = "user";
    public static final String ROLE = "role";
    public static final String COUNTER = "counter";
    public static final String CORRELATION_ID = "correlationId";
    /** The metadata every event carries, propagated from the command that caused it. */
    public static final String[] METADATA_KEYS = {USER, ROLE, COUNTER, IdempotencyInterceptor.KEY, CORRELATION_ID};

    private static final Logger log = LoggerFactory.getLogger(IdempotentCommands.class);

    private final ConflictRetry commandGateway;
    private final Counter replays;
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final ObjectMapper hashMapper;
    private final TransactionTemplate transactions;

    public IdempotentCommands(ConflictRetry commandGateway, JdbcTemplate jdbc, ObjectMapper objectMapper,
                              TransactionTemplate transactions, MeterRegistry meters) {
        this.commandGateway = commandGateway;
        this.replays = Counter.builder("mlc.idempotency.replays")
                .description("requests answered from a stored answer to their Idempotency-Key (a client's retry)")
                .register(meters);
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        // Map.of iterates in an order that changes from one JVM to the next: sort map keys, so a
        // request resent after a restart hashes as it did the first time.
        this.hashMapper = objectMapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.transactions = transactions;
    }

    /** A request under its key: where it was sent, what it said, and the ids derived from the key. */
    public record Keyed(String scope, String key, String requestHash) {

        /** A stable id for what this request creates, so that a resent request names the same thing. */
        public String derivedId(String what) {
            return UUID.nameUUIDFromBytes((scope + "\n" + key + "\n" + what).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }

    public Keyed key(String scope, String key, Object request) {
        if (key == null || key.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "idempotency-key-missing",
                    "the " + HEADER + " header is required on every request that changes state", HEADER);
        }
        if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation",
                    HEADER + " must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters", HEADER);
        }
        return new Keyed(scope, key, hash(scope, request));
    }

    /** The first answer to this key if there is one (a replay), else the result of sending the command. */
    public <R> R send(Keyed keyed, Object command, Class<R> resultType) {
        R previous = previousAnswer(keyed, resultType);
        if (previous != null) {
            return previous;
        }
        try {
            Map<String, Object> metaData = who();
            metaData.put(IdempotencyInterceptor.SCOPE, keyed.scope());
            metaData.put(IdempotencyInterceptor.KEY, keyed.key());
            metaData.put(IdempotencyInterceptor.REQUEST_HASH, keyed.requestHash());
            R result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(metaData));
            log.info("{} done by {}, key {}: {}", keyed.scope(), metaData.get(USER), keyed.key(), result);
            return result;
        } catch (RuntimeException e) {
            // A concurrent request with the same key may have won the race: answer as it did.
            R raced = previousAnswer(keyed, resultType);
            if (raced != null) {
                return raced;
            }
            throw e;
        }
    }

    /**
     * Sends a command that records nothing, a check the domain makes before a longer job starts
     * (e.g. whether an account may pay in bulk): it refuses as any command does, under no key.
     */
    public void check(Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(who()));
    }

    /** A question the domain answers from its aggregates, recording nothing (e.g. a conversion quote), under no key. */
    public <R> R ask(Object command, Class<R> resultType) {
        return resultType.cast(commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(who())));
    }

    /**
     * A change that is not a ledger command (the users of the API): run under the key like a
     * command, its answer stored in the same transaction as its effect.
     */
    public <R> R apply(Keyed keyed, Class<R> resultType, Supplier<R> change) {
        R previous = previousAnswer(keyed, resultType);
        if (previous != null) {
            return previous;
        }
        try {
            R result = transactions.execute(status -> {
                R answer = change.get();
                try {
                    jdbc.update("INSERT INTO idempotency_key (scope, idem_key, request_hash, result_type, result_json) "
                                    + "VALUES (?, ?, ?, ?, ?)", keyed.scope(), keyed.key(), keyed.requestHash(),
                            resultType.getName(), objectMapper.writeValueAsString(answer));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot store the answer to key " + keyed.key(), e);
                }
                return answer;
            });
            log.info("{} done by {}, key {}: {}", keyed.scope(), who().get(USER), keyed.key(), result);
            return result;
        } catch (RuntimeException e) {
            R raced = previousAnswer(keyed, resultType);
            if (raced != null) {
                return raced;
            }
            throw e;
        }
    }

    /** Who sends: the authenticated caller and the request's correlation id, when there are. */
    private static Map<String, Object> who() {
        Map<String, Object> who = new LinkedHashMap<>();
        Caller caller = Caller.currentOrNull();
        if (caller != null) {
            who.put(USER, caller.username());
            who.put(ROLE, caller.role().name());
            if (caller.counterId() != null) {
                who.put(COUNTER, caller.counterId());
            }
        }
        String correlationId = CorrelationIdFilter.current();
        if (correlationId != null) {
            who.put(CORRELATION_ID, correlationId);
        }
        return who;
    }

    private <R> R previousAnswer(Keyed keyed, Class<R> resultType) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT request_hash, result_json FROM idempotency_key WHERE scope = ? AND idem_key = ?",
                keyed.scope(), keyed.key());
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        if (!keyed.requestHash().equals(row.get("request_hash"))) {
            throw new ApiException(HttpStatus.CONFLICT, "idempotency-conflict",
                    "this " + HEADER + " was already used for a different request", HEADER);
        }
        try {
            log.info("{} replayed for key {}", keyed.scope(), keyed.key());
            replays.increment();
            return objectMapper.readValue((String) row.get("result_json"), resultType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer for key " + keyed.key() + " cannot be read", e);
        }
    }

    private String hash(String scope, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(hashMapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash request", e);
        }
    }
}
