package org.mlc.ledger.application;

/** Where an application stands: waiting for the association, or decided. */
public enum ApplicationStatus {
    PENDING,
    APPROVED,
    REJECTED
}
