package org.mlc.ledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mlc.ledger.api.infrastructure.IdempotencyInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a state-changing command under an Idempotency-Key: the same key and request returns the
 * first answer without a second effect; the same key with another request is a 409. The key is
 * stored with the command's events, in one transaction (see {@link IdempotencyInterceptor}).
 */
@Component
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(IdempotentCommands.class);

    private final CommandGateway commandGateway;
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public IdempotentCommands(CommandGateway commandGateway, JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
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
            R result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                    IdempotencyInterceptor.SCOPE, keyed.scope(),
                    IdempotencyInterceptor.KEY, keyed.key(),
                    IdempotencyInterceptor.REQUEST_HASH, keyed.requestHash())));
            log.info("{} done, key {}: {}", keyed.scope(), keyed.key(), result);
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
            digest.update(objectMapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash request", e);
        }
    }
}
