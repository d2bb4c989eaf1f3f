package org.mlc.ledger.ops.reconcile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads an event's JSON payload for the fold. Most payloads are read with Jackson's streaming parser,
 * keeping only "postings" and "transferId" and skipping the rest: building the whole tree of every
 * payload was most of the time reconcile spent. Only the plain shape is read so: a root object, each
 * key at most once, "postings" absent, null or an array of objects each with one text "account" and
 * one "amountMinor" that fits a long, "transferId" absent, null or a text. Anything else (a line the
 * fold would refuse, a duplicate key, a number for a transfer id...) is read as a tree and folded by
 * {@link Reconciliation#fold(long, String, JsonNode)}, the reference reading, so the two can never
 * disagree on what they both accept and every refusal keeps its message.
 */
final class PayloadReader {

    /** One payload read: exactly one of the two is set. */
    record Payload(EventPostings postings, JsonNode tree) {

        void foldInto(Reconciliation reconciliation, long globalIndex, String payloadType) {
            if (postings != null) {
                reconciliation.fold(globalIndex, payloadType, postings);
            } else {
                reconciliation.fold(globalIndex, payloadType, tree);
            }
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    // the mapper's own factory: the same parser settings and limits whichever way a payload is read
    private final JsonFactory factory = json.getFactory();

    Payload read(long globalIndex, String payloadType, byte[] payload) {
        EventPostings postings;
        try {
            // the few events the fold reads beyond their postings (sponsors' figures) are read whole
            postings = Reconciliation.readsWholePayload(payloadType) ? null : readPlain(payload);
        } catch (IOException e) {
            postings = null; // a broken payload: readTree refuses it below, in its own words
        }
        if (postings != null) {
            return new Payload(postings, null);
        }
        try {
            return new Payload(null, json.readTree(payload));
        } catch (IOException e) {
            throw new ReconciliationException("cannot read the payload of event #" + globalIndex + " (" + payloadType
                    + ") as JSON: " + e.getMessage(), e);
        }
    }

    /** The postings of a payload of the plain shape; null for any other, to be read as a tree. */
    private EventPostings readPlain(byte[] payload) throws IOException {
        try (JsonParser parser = factory.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            EventPostings.Builder postings = null;
            boolean postingsSeen = false;
            String transferId = null;
            // to the end of the root object, as readTree: a payload broken further on is refused (then
            // by readTree), and what follows the root object is ignored either way
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("postings".equals(name)) {
                    if (postingsSeen) {
                        return null;
                    }
                    postingsSeen = true;
                    if (value == JsonToken.START_ARRAY) {
                        postings = readLines(parser);
                        if (postings == null) {
                            return null;
                        }
                    } else if (value != JsonToken.VALUE_NULL) {
                        return null;
                    }
                } else if ("transferId".equals(name)) {
                    if (transferId != null) {
                        return null;
                    }
                    if (value == JsonToken.VALUE_STRING) {
                        transferId = parser.getText();
                    } else if (value == JsonToken.VALUE_NULL) {
                        transferId = ""; // as the tree's asText("") reads a null
                    } else {
                        return null;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (postings == null) {
                return EventPostings.NONE;
            }
            return postings.build(transferId == null ? "" : transferId);
        }
    }

    /** The lines of "postings", the parser on its opening bracket; null unless every line is plain. */
    private static EventPostings.Builder readLines(JsonParser parser) throws IOException {
        EventPostings.Builder lines = new EventPostings.Builder();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                return null;
            }
            String account = null;
            boolean amountSeen = false;
            long amountMinor = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("account".equals(name)) {
                    if (account != null || value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    account = parser.getText();
                } else if ("amountMinor".equals(name)) {
                    // a whole number that fits a long (the parser says BIG_INTEGER when it does not)
                    if (amountSeen || value != JsonToken.VALUE_NUMBER_INT
                            || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return null;
                    }
                    amountMinor = parser.getLongValue();
                    amountSeen = true;
                } else {
                    parser.skipChildren();
                }
            }
            if (account == null || !amountSeen) {
                return null;
            }
            lines.add(account, amountMinor);
        }
        return lines;
    }
}
