package org.mlc.ledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * Keys are each user's own: the stored answer is found by (user, scope, key), so another user's
 * "pay-1" is another request. The ids a request creates ({@link Keyed#derivedId}) are an HMAC of
 * (user, scope, key, what) under a secret drawn at the first start and kept in the database
 * ({@code id_secret}): unpredictable without it (a key in a README names no account), yet the same
 * for a retry on any node, so a retry and two concurrent requests with one key still name one
 * thing, and the aggregate's creation refuses a second one even before the key's row is stored.
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
    /** The currency the request was about (its audit is that currency's: docs/security.md). */
    public static final String CURRENCY = "currency";
    public static final String CORRELATION_ID = "correlationId";
    /** The metadata every event carries, propagated from the command that caused it. */
    public static final String[] METADATA_KEYS = {USER, ROLE, COUNTER, CURRENCY, IdempotencyInterceptor.KEY,
            CORRELATION_ID};
    private static final String MAC_ALGORITHM = "HmacSHA256";

    private static final Logger log = LoggerFactory.getLogger(IdempotentCommands.class);

    private final ConflictRetry commandGateway;
    private final Counter replays;
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final ObjectMapper hashMapper;
    private final TransactionTemplate transactions;
    private volatile SecretKeySpec idSecret;

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
        // drawn at start, not at the first request: the first key must not write a row of its own
        secret();
    }

    /**
     * A request under its key: who sent it, where, what it said, the answer already stored for it
     * (if any, read once here), and the ids it names.
     */
    public static final class Keyed {

        private final String user;
        private final String scope;
        private final String key;
        private final String requestHash;
        private final StoredAnswer stored;
        private final SecretKeySpec secret;

        private Keyed(String user, String scope, String key, String requestHash, StoredAnswer stored,
                      SecretKeySpec secret) {
            this.user = user;
            this.scope = scope;
            this.key = key;
            this.requestHash = requestHash;
            this.stored = stored;
            this.secret = secret;
        }

        /** The user the key belongs to ("" when no one is signed in). */
        public String user() {
            return user;
        }

        public String scope() {
            return scope;
        }

        public String key() {
            return key;
        }

        public String requestHash() {
            return requestHash;
        }

        /**
         * The id of what this request creates: the same for a resent request of the same user, and
         * unpredictable to anyone else (an HMAC under the ledger's secret, in the form of a UUID).
         */
        public String derivedId(String what) {
            if (stored != null && stored.legacy()) {
                // answered before keys were per user: name again the ids that answer holds
                return UUID.nameUUIDFromBytes((scope + "\n" + key + "\n" + what).getBytes(StandardCharsets.UTF_8))
                        .toString();
            }
            try {
                Mac mac = Mac.getInstance(MAC_ALGORITHM);
                mac.init(secret);
                for (String part : new String[] {user, scope, key, what}) {
                    mac.update(part.getBytes(StandardCharsets.UTF_8));
                    mac.update((byte) 0);
                }
                ByteBuffer bytes = ByteBuffer.wrap(mac.doFinal());
                long high = (bytes.getLong() & ~0xF000L) | 0x8000L; // version 8: a UUID of the application's own
                long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // the RFC's variant
                return new UUID(high, low).toString();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(MAC_ALGORITHM + " is not available", e);
            }
        }
    }

    /** The answer stored for a key; {@code legacy} when stored before keys were per user (no user). */
    private record StoredAnswer(String requestHash, String resultJson, boolean legacy) {
    }

    public Keyed key(String scope, String key, Object request) {
        if (key == null || key.isBlank()) {
            throw ApiException.of(HttpStatus.BAD_REQUEST, "idempotency-key-missing", HEADER, "web.idempotency-key-missing",
                    "the {0} header is required on every request that changes state", HEADER);
        }
        if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiException.of(HttpStatus.BAD_REQUEST, "validation", HEADER, "web.idempotency-key-format",
                    "{0} must be 1 to {1} printable ASCII characters", HEADER, MAX_KEY_LENGTH);
        }
        String user = currentUser();
        return new Keyed(user, scope, key, hash(scope, request), stored(user, scope, key), secret());
    }

    /** The first answer to this key if there is one (a replay), else the result of sending the command. */
    public <R> R send(Keyed keyed, Object command, Class<R> resultType) {
        R previous = previousAnswer(keyed, keyed.stored, resultType);
        if (previous != null) {
            return previous;
        }
        try {
            Map<String, Object> metaData = who();
            metaData.put(IdempotencyInterceptor.OWNER, keyed.user());
            metaData.put(IdempotencyInterceptor.SCOPE, keyed.scope());
            metaData.put(IdempotencyInterceptor.KEY, keyed.key());
            metaData.put(IdempotencyInterceptor.REQUEST_HASH, keyed.requestHash());
            R result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(metaData));
            log.info("{} done by {}, key {}: {}", keyed.scope(), metaData.get(USER), keyed.key(), result);
            return result;
        } catch (RuntimeException e) {
            // A concurrent request with the same key may have won the race: answer as it did.
            R raced = previousAnswer(keyed, stored(keyed.user(), keyed.scope(), keyed.key()), resultType);
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
        R previous = previousAnswer(keyed, keyed.stored, resultType);
        if (previous != null) {
            return previous;
        }
        try {
            R result = transactions.execute(status -> {
                R answer = change.get();
                try {
                    jdbc.update("INSERT INTO idempotency_key (username, scope, idem_key, request_hash, result_type, "
                                    + "result_json) VALUES (?, ?, ?, ?, ?, ?)", keyed.user(), keyed.scope(),
                            keyed.key(), keyed.requestHash(), resultType.getName(),
                            objectMapper.writeValueAsString(answer));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot store the answer to key " + keyed.key(), e);
                }
                return answer;
            });
            log.info("{} done by {}, key {}: {}", keyed.scope(), who().get(USER), keyed.key(), result);
            return result;
        } catch (RuntimeException e) {
            R raced = previousAnswer(keyed, stored(keyed.user(), keyed.scope(), keyed.key()), resultType);
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
            String currency = org.mlc.ledger.api.security.AccessInterceptor.currentCurrency();
            if (currency != null) {
                who.put(CURRENCY, currency);
            }
        }
        String correlationId = CorrelationIdFilter.current();
        if (correlationId != null) {
            who.put(CORRELATION_ID, correlationId);
        }
        return who;
    }

    private static String currentUser() {
        Caller caller = Caller.currentOrNull();
        return caller == null ? "" : caller.username();
    }

    /**
     * The answer stored for this user's key, or for the key before keys were per user (a request
     * answered before the upgrade and retried after it is not done twice).
     */
    private StoredAnswer stored(String user, String scope, String key) {
        return jdbc.query("SELECT username, request_hash, result_json FROM idempotency_key "
                        + "WHERE username IN (?, '') AND scope = ? AND idem_key = ? ORDER BY username DESC LIMIT 1",
                (rs, i) -> new StoredAnswer(rs.getString("request_hash"), rs.getString("result_json"),
                        rs.getString("username").isEmpty()), user, scope, key).stream().findFirst().orElse(null);
    }

    /** The ledger's secret for ids, drawn by the first node that starts and read by the others. */
    private SecretKeySpec secret() {
        SecretKeySpec known = idSecret;
        if (known == null) {
            byte[] drawn = new byte[32];
            new SecureRandom().nextBytes(drawn);
            jdbc.update("INSERT INTO id_secret (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
                    HexFormat.of().formatHex(drawn));
            String secret = jdbc.queryForObject("SELECT secret FROM id_secret WHERE id = 1", String.class);
            known = new SecretKeySpec(HexFormat.of().parseHex(secret), MAC_ALGORITHM);
            idSecret = known;
        }
        return known;
    }

    private <R> R previousAnswer(Keyed keyed, StoredAnswer row, Class<R> resultType) {
        if (row == null) {
            return null;
        }
        if (!keyed.requestHash().equals(row.requestHash())) {
            throw ApiException.of(HttpStatus.CONFLICT, "idempotency-conflict", HEADER, "web.idempotency-conflict",
                    "this {0} was already used for a different request", HEADER);
        }
        try {
            log.info("{} replayed for key {}", keyed.scope(), keyed.key());
            replays.increment();
            return objectMapper.readValue(row.resultJson(), resultType);
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
