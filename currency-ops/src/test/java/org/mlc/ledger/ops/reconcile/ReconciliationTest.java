package org.mlc.ledger.ops.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.ops.reconcile.ReconciliationReport.Check;

/** The fold and its checks alone, without a database. */
class ReconciliationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode issued(String accountId, long unitsMinor) throws Exception {
        return JSON.readTree("""
                {"accountId":"%s","postings":[{"account":"MLC:BOUSOL:ISSUANCE","amountMinor":-%d},
                 {"account":"MLC:BOUSOL:PARTICIPANT:%s","amountMinor":%d}]}"""
                .formatted(accountId, unitsMinor, accountId, unitsMinor));
    }

    @Test
    void differencesBeyondTheListingLimitAreCountedNotListed() throws Exception {
        Reconciliation reconciliation = new Reconciliation();
        int accounts = Reconciliation.MAX_LISTED_FINDINGS + 5;
        for (int i = 0; i < accounts; i++) {
            reconciliation.fold(i + 1, "org.mlc.ledger.account.UnitsIssued", issued("acc-" + i, 100));
        }
        reconciliation.compareLedgerBalance("MLC:BOUSOL:ISSUANCE", -100L * accounts);

        Check projections = reconciliation.report().checks().get(4);

        assertThat(projections.status()).isEqualTo(Check.Status.FAILED);
        // each participant account is missing from both projections
        assertThat(projections.lines()).hasSize(Reconciliation.MAX_LISTED_FINDINGS);
        assertThat(projections.unlistedCount()).isEqualTo(2L * accounts - Reconciliation.MAX_LISTED_FINDINGS);
    }

    private static JsonNode notesSold(long unitsMinor) throws Exception {
        return JSON.readTree("""
                {"postings":[{"account":"MLC:BOUSOL:ISSUANCE","amountMinor":-%d},
                 {"account":"MLC:BOUSOL:PAPER_IN_CIRCULATION","amountMinor":%d}]}""".formatted(unitsMinor, unitsMinor));
    }

    @Test
    void everyNotePrintedIsSomewhereAndThoseInCirculationAreTheLedgersPaper() throws Exception {
        Reconciliation reconciliation = new Reconciliation();
        reconciliation.fold(1, "org.mlc.ledger.counter.NotesSold", notesSold(5000));
        reconciliation.compareLedgerBalance("MLC:BOUSOL:ISSUANCE", -5000);
        reconciliation.compareLedgerBalance("MLC:BOUSOL:PAPER_IN_CIRCULATION", 5000);
        reconciliation.compareNoteInventory("BOUSOL", "BOUSOL-2026-A", 50, "PRINTED", 500);
        reconciliation.compareNoteInventory("BOUSOL", "BOUSOL-2026-A", 50, "VAULT", 490);
        reconciliation.compareNoteInventory("BOUSOL", "BOUSOL-2026-A", 50, "COUNTER", 8);
        reconciliation.compareNoteInventory("BOUSOL", "BOUSOL-2026-A", 50, "CIRCULATION", 1);
        reconciliation.compareNoteInventory("BOUSOL", "BOUSOL-2026-A", 50, "DESTROYED", 1);

        assertThat(reconciliation.report().checks().get(5).status()).isEqualTo(Check.Status.OK);
    }

    @Test
    void aNoteMissingFromTheInventoryOrPaperTheInventoryDoesNotShowFails() throws Exception {
        Reconciliation reconciliation = new Reconciliation();
        reconciliation.fold(1, "org.mlc.ledger.counter.NotesSold", notesSold(10000));
        reconciliation.compareNoteInventory("BOUSOL", "BOUSOL-2026-A", 50, "PRINTED", 500);
        reconciliation.compareNoteInventory("BOUSOL", "BOUSOL-2026-A", 50, "VAULT", 498);
        reconciliation.compareNoteInventory("BOUSOL", "BOUSOL-2026-A", 50, "CIRCULATION", 1);

        Check notes = reconciliation.report().checks().get(5);

        assertThat(notes.status()).isEqualTo(Check.Status.FAILED);
        assertThat(notes.lines()).containsExactly(
                "BOUSOL series BOUSOL-2026-A notes of 50: printed differs from vault + counters + circulation "
                        + "+ withdrawn + destroyed + released by 1",
                "BOUSOL: paper in circulation 100.00 in the ledger, notes in circulation worth 50.00 in note_inventory");
    }

    @Test
    void aPostingOnAnUnknownKindOfAccountStopsTheFold() throws Exception {
        Reconciliation reconciliation = new Reconciliation();
        JsonNode payload = JSON.readTree("""
                {"postings":[{"account":"MLC:BOUSOL:MYSTERY","amountMinor":-1},
                 {"account":"MLC:BOUSOL:ISSUANCE","amountMinor":1}]}""");

        assertThatThrownBy(() -> reconciliation.fold(7, "org.mlc.ledger.Whatever", payload))
                .isInstanceOf(ReconciliationException.class)
                .hasMessageContaining("cannot fold event #7 (org.mlc.ledger.Whatever)")
                .hasMessageContaining("MYSTERY");
    }
}
