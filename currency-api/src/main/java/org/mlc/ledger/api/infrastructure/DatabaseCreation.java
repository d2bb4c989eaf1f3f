package org.mlc.ledger.api.infrastructure;

/**
 * Whether the embedded database may be created where there is none yet. The application creates
 * its own on first start and defines no such bean; the operator tool defines one that only
 * {@code seed demo} and {@code bench store} open (a fresh demo machine), so that a read-only
 * command pointed at the wrong directory fails instead of creating an empty ledger. Set before the
 * database is first asked for: the operator context starts it lazily.
 */
public class DatabaseCreation {

    private volatile boolean allowed;

    public boolean allowed() {
        return allowed;
    }

    public void allow() {
        allowed = true;
    }
}
