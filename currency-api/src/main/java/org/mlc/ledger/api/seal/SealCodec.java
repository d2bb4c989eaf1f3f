package org.mlc.ledger.api.seal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The canonical bytes of a stored event and of a seal (docs/hosting.md, "Seals"): the one
 * definition the sealing job and {@code currency-ops verify} share.
 * <p>
 * An event's digest is SHA-256 over the tag {@code MLC-EVENT-1} and then, each as a 4-byte
 * big-endian length followed by its bytes (length -1 and no bytes for a NULL): event identifier,
 * aggregate identifier, sequence number (8 bytes big-endian, no length), aggregate type, payload
 * type, payload revision, time stamp (the stored text), metadata and payload (the stored bytes). Text
 * is UTF-8. The global index is left out: it is this deployment's, and an imported currency gets
 * new ones.
 * <p>
 * A seal's root is SHA-256 over the tag {@code MLC-SEAL-1}, the currency (length and UTF-8 bytes),
 * the previous seal's root (32 bytes; 32 zero bytes for a chain's first seal) and the digests of
 * the chain's events in global order.
 */
public final class SealCodec {

    /** The chain of the events of an aggregate whose first event names no currency. */
    public static final String NO_CURRENCY = "-";
    public static final byte[] GENESIS = new byte[32];
    /** The columns {@link #read} expects, in its order. */
    public static final String EVENT_COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, "
            + "type, payload_type, payload_revision, time_stamp, meta_data, payload";

    private static final byte[] EVENT_TAG = "MLC-EVENT-1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEAL_TAG = "MLC-SEAL-1".getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private SealCodec() {
    }

    /** A row of {@code domain_event_entry}, as stored. */
    public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier,
                              long sequenceNumber, String type, String payloadType, String payloadRevision,
                              String timeStamp, byte[] metaData, byte[] payload) {
    }

    /** The row at {@code rows}' cursor, selected with {@link #EVENT_COLUMNS}. */
    public static StoredEvent read(ResultSet rows) throws SQLException {
        return new StoredEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getBytes(9),
                rows.getBytes(10));
    }

    public static byte[] digest(StoredEvent event) {
        MessageDigest sha = sha256();
        sha.update(EVENT_TAG);
        text(sha, event.eventIdentifier());
        text(sha, event.aggregateIdentifier());
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        text(sha, event.type());
        text(sha, event.payloadType());
        text(sha, event.payloadRevision());
        text(sha, event.timeStamp());
        bytes(sha, event.metaData());
        bytes(sha, event.payload());
        return sha.digest();
    }

    /** A seal's root being computed: the previous root, then each event's digest in global order. */
    public static final class Root {
        private final MessageDigest sha = sha256();
        private long events;

        public Root(String currency, byte[] previousRoot) {
            sha.update(SEAL_TAG);
            text(sha, currency);
            sha.update(previousRoot);
        }

        public void add(byte[] eventDigest) {
            sha.update(eventDigest);
            events++;
        }

        public long events() {
            return events;
        }

        public byte[] finish() {
            return sha.digest();
        }
    }

    /**
     * The text a seal's signature covers. The global indexes are left out, like the root leaves
     * them out: an imported currency's seals keep their signatures.
     */
    public static byte[] signedText(String currency, long sequence, long eventCount, byte[] previousRoot, byte[] root,
                                    Instant at) {
        return ("MLC-SEAL-1\n" + currency + "\n" + sequence + "\n" + eventCount + "\n" + hex(previousRoot) + "\n"
                + hex(root) + "\n" + at + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The chain an aggregate's events go to, from its first event: the currency aggregate's own code,
     * else the payload's top-level {@code currency}, else {@link #NO_CURRENCY}.
     */
    public static String currencyOf(String aggregateType, String aggregateIdentifier, byte[] payload) {
        if ("Currency".equals(aggregateType)) {
            return aggregateIdentifier;
        }
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NO_CURRENCY;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("currency".equals(field) && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            // an unreadable payload names no currency; its digest still seals it
        }
        return NO_CURRENCY;
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    public static byte[] unhex(String text) {
        return HEX.parseHex(text);
    }

    private static void text(MessageDigest sha, String value) {
        bytes(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest sha, byte[] value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            return;
        }
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        sha.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
