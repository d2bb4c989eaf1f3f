package org.mlc.ledger.api.bulk;

import java.time.LocalDate;

/**
 * One line of a bulk upload: its own key, the party it names (a beneficiary, a payee), an amount,
 * an optional date and reference. A line that could not be read carries its refusal already
 * ({@code code}, {@code detail}) and is reported without being sent.
 */
public record BulkLine(int line, String key, String partyId, Long amountMinor, LocalDate expiresOn, String reference,
                       String code, String detail) {

    public static BulkLine malformed(int line, String key, String detail) {
        return new BulkLine(line, key, null, null, null, null, "validation", detail);
    }

    public boolean readable() {
        return code == null;
    }
}
