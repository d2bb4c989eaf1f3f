package org.mlc.ledger.reconversion;

/** A bank account of the guarantee fund: {@code bank} and {@code iban} are null for the implicit one. */
public record FundAccount(String id, String bank, String iban) {
}
