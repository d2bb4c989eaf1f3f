package org.mlc.ledger.ops.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming reading of payloads against the reference, the tree: for each payload, a fold fed by
 * {@link PayloadReader} and a fold fed by {@code readTree} must give the same report, or fail with the
 * same message.
 */
class PayloadReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "org.mlc.ledger.payment.TransferDebited";

    /** A balanced ledger to fold first, so that the payload under test lands among real balances. */
    private static final List<String> BEFORE = List.of(
            """
            {"accountId":"acc-a","postings":[{"account":"MLC:BOUSOL:ISSUANCE","amountMinor":-1000},
             {"account":"MLC:BOUSOL:PARTICIPANT:acc-a","amountMinor":1000}],"at":"2025-03-01T09:00:00Z"}""",
            """
            {"transferId":"t-1","from":"acc-a","to":"acc-b","postings":[
             {"account":"MLC:BOUSOL:PARTICIPANT:acc-a","amountMinor":-300},
             {"account":"MLC:BOUSOL:IN_TRANSIT","amountMinor":300}],"reference":null}""");

    private static String transfer(String transferId, String postings) {
        return "{\"transferId\":" + transferId + ",\"nested\":{\"postings\":[1,2],\"x\":[{\"y\":null}]},\"postings\":"
                + postings + ",\"at\":\"2025-03-01T09:00:00Z\"}";
    }

    private static final String CREDIT = """
            [{"account":"MLC:BOUSOL:IN_TRANSIT","amountMinor":-300},
             {"account":"MLC:BOUSOL:PARTICIPANT:acc-b","amountMinor":300}]""";

    @Test
    void plainPayloadsAreReadWithoutATreeAndFoldAsTheTreeDoes() {
        List<String> plain = List.of(
                transfer("\"t-1\"", CREDIT), // drains t-1
                transfer("\"t-2\"", CREDIT), // leaves t-1 open and t-2 in debt
                transfer("null", CREDIT), // in transit without a transfer id: keyed by the event
                "{\"postings\":" + CREDIT + "}", // no transfer id at all
                "{\"accountId\":\"acc-a\"}", // no postings
                "{\"accountId\":\"acc-a\",\"postings\":null}",
                "{\"postings\":[]}",
                // unbalanced, in two books, one line with more fields than the fold reads
                """
                {"postings":[{"account":"MLC:BOUSOL:PARTICIPANT:acc-b","amountMinor":100,"note":{"a":[1]}},
                 {"amountMinor":-250,"account":"EUR:BOUSOL:COUNTER_CASH:counter-1"}]}""",
                // an amount beyond an int, within a long
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:PARTICIPANT:acc-b\",\"amountMinor\":9000000000000000000}]}",
                "{\"postings\":[]} trailing words the tree never reads");
        for (String payload : plain) {
            assertThat(new PayloadReader().read(3, TYPE, bytes(payload)).postings()).as(payload).isNotNull();
            assertSameFold(payload);
        }
    }

    @Test
    void otherShapesAreReadAsATreeAndFoldAsTheTreeDoes() {
        List<String> others = List.of(
                transfer("42", CREDIT), // a number for a transfer id: the tree reads it as "42"
                transfer("{\"id\":\"t-1\"}", CREDIT),
                "{\"transferId\":\"t-1\",\"transferId\":\"t-2\",\"postings\":" + CREDIT + "}", // the last one wins
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:ISSUANCE\",\"amountMinor\":1}],\"postings\":" + CREDIT + "}",
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:ISSUANCE\",\"account\":\"MLC:BOUSOL:PARTICIPANT:acc-b\","
                        + "\"amountMinor\":5}]}",
                "[1,2]",
                "null",
                "\"text\"",
                "");
        for (String payload : others) {
            assertThat(new PayloadReader().read(3, TYPE, bytes(payload)).postings()).as(payload).isNull();
            assertSameFold(payload);
        }
    }

    @Test
    void refusedPayloadsAreRefusedWithTheTreesMessage() {
        List<String> refused = List.of(
                "{\"postings\":{\"account\":\"MLC:BOUSOL:ISSUANCE\"}}",
                "{\"postings\":\"none\"}",
                "{\"postings\":[1]}",
                "{\"postings\":[null]}",
                "{\"postings\":[[]]}",
                "{\"postings\":[{\"amountMinor\":1}]}",
                "{\"postings\":[{\"account\":7,\"amountMinor\":1}]}",
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:ISSUANCE\"}]}",
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:ISSUANCE\",\"amountMinor\":\"1.00\"}]}",
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:ISSUANCE\",\"amountMinor\":1.0}]}",
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:ISSUANCE\",\"amountMinor\":1e2}]}",
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:ISSUANCE\",\"amountMinor\":9223372036854775808}]}",
                // an unknown account before a line that is not plain: the tree fails on the first
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:MYSTERY\",\"amountMinor\":1},{\"account\":3}]}",
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:MYSTERY\",\"amountMinor\":1}]}",
                // a balance that overflows
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:PARTICIPANT:acc-a\",\"amountMinor\":9223372036854775807}]}",
                // broken JSON, before and after the postings
                "{\"at\":\"2025-03\u0001\",\"postings\":[]}",
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:ISSUANCE\",\"amountMinor\":1}],\"at\":",
                "{\"postings\":[{\"account\":\"MLC:BOUSOL:ISSUANCE\" \"amountMinor\":1}]}",
                "{\"postings\":[]");
        for (String payload : refused) {
            Throwable streamed = catchThrowable(() -> fold(payload, true));
            Throwable tree = catchThrowable(() -> fold(payload, false));
            assertThat(tree).as(payload).isInstanceOf(ReconciliationException.class);
            assertThat(streamed).as(payload).isInstanceOf(ReconciliationException.class)
                    .hasMessage(tree.getMessage());
        }
    }

    private static void assertSameFold(String payload) {
        assertThat(fold(payload, true)).as(payload).isEqualTo(fold(payload, false));
    }

    /** The report of the balanced ledger then the payload, read by the reader or as a tree (as reconcile read it before). */
    private static ReconciliationReport fold(String payload, boolean streamed) {
        Reconciliation reconciliation = new Reconciliation();
        PayloadReader reader = new PayloadReader();
        long globalIndex = 0;
        for (String event : BEFORE) {
            reader.read(++globalIndex, TYPE, bytes(event)).foldInto(reconciliation, globalIndex, TYPE);
        }
        globalIndex++;
        if (streamed) {
            reader.read(globalIndex, TYPE, bytes(payload)).foldInto(reconciliation, globalIndex, TYPE);
        } else {
            try {
                reconciliation.fold(globalIndex, TYPE, JSON.readTree(bytes(payload)));
            } catch (java.io.IOException e) {
                throw new ReconciliationException("cannot read the payload of event #" + globalIndex + " (" + TYPE
                        + ") as JSON: " + e.getMessage(), e);
            }
        }
        reconciliation.compareLedgerBalance("MLC:BOUSOL:ISSUANCE", -1000);
        return reconciliation.report();
    }

    private static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
