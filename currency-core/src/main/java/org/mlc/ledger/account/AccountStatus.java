package org.mlc.ledger.account;

public enum AccountStatus {
    ACTIVE,
    FROZEN,
    CLOSED
}
