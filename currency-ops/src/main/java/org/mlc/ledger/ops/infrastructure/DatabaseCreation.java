package org.mlc.ledger.ops.infrastructure;

import org.springframework.stereotype.Component;

/**
 * Whether the embedded database may be created where there is none yet. Only {@code seed demo}
 * allows it (a fresh demo machine); a read-only command pointed at the wrong directory must fail.
 * Set before the database is first asked for: the context starts it lazily.
 */
@Component
public class DatabaseCreation {

    private volatile boolean allowed;

    public boolean allowed() {
        return allowed;
    }

    public void allow() {
        allowed = true;
    }
}
