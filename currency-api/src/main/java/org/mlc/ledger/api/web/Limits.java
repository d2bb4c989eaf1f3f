package org.mlc.ledger.api.web;

/**
 * Limits of the API that are not kept next to the code they guard (see docs/security.md for the
 * whole list: body size, text lengths, page sizes, amounts).
 */
public final class Limits {

    /** Most lines one bulk request (several operations in one body) may carry. */
    public static final int MAX_BULK_LINES = 1_000;

    private Limits() {
    }
}
