package org.mlc.ledger.issuance;

/** What became of one line: ISSUED, ALREADY_ISSUED or REFUSED (with the stable code and why). */
public record IssuanceLineResult(String key, String outcome, String code, String detail) {

    public static final String ISSUED = "ISSUED";
    public static final String ALREADY_ISSUED = "ALREADY_ISSUED";
    public static final String REFUSED = "REFUSED";
}
