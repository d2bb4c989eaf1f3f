package org.mlc.ledger.aid;

/** What became of one grant. */
public enum GrantOutcome { GRANTED, ALREADY_GRANTED, REFUSED }

