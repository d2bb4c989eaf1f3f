package org.mlc.ledger.ops.move;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

/**
 * The file a currency moves in (docs/hosting.md, "Moving a currency"): gzip, one JSON object a
 * line. The first line is the header ({@value #HEADER}: format, version, currency, exported at,
 * counts); then one line per row, its {@code type} saying which: {@value #EVENT}, {@value #SEAL},
 * {@value #USER}, {@value #KEY}, {@value #SAGA}. Stored bytes (payloads, metadata, roots,
 * signatures) are base64 or hex, never re-encoded JSON: an event's digest covers its stored bytes,
 * so they must come back byte for byte for the seals to verify.
 */
final class MoveFile {

    static final String FORMAT = "mlc-currency";
    static final int VERSION = 1;

    static final String HEADER = "header";
    static final String EVENT = "event";
    static final String SEAL = "seal";
    static final String USER = "user";
    static final String KEY = "idempotencyKey";
    static final String SAGA = "saga";

    /** Events between two progress lines, on export and import. */
    static final int PROGRESS_EVERY_EVENTS = 10_000;

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder UNBASE64 = Base64.getDecoder();

    private MoveFile() {
    }

    static String base64(byte[] bytes) {
        return bytes == null ? null : BASE64.encodeToString(bytes);
    }

    static byte[] unbase64(String text) {
        return text == null ? null : UNBASE64.decode(text);
    }

    /** A timestamp as ISO-8601 with all its digits (PostgreSQL keeps microseconds). */
    static String instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }

    static Timestamp timestamp(String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }
}
