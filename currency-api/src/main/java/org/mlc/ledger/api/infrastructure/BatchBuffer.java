package org.mlc.ledger.api.infrastructure;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a projection's handlers collect over one processor batch and write with a few statements,
 * instead of several statements per event.
 * <p>
 * A pooled streaming processor handles a batch of events in one (batching) unit of work and one
 * transaction, and stores its token in that unit's prepare-commit phase; the transaction commits in
 * the commit phase that follows. A buffer is a resource of the root unit of work, created by the
 * first handler that uses it, which registers one {@code onPrepareCommit} flush: the buffered rows
 * are written inside the batch's transaction, with its token, or not at all (a failure rolls both
 * back and the batch is handled again). Outside a unit of work a handler's rows are written at once.
 * <p>
 * A handler of the same processing group that reads what a buffer holds must {@link #flush} it
 * first.
 */
public interface BatchBuffer {

    /** Writes what was collected and forgets it, so that a later flush writes only what came since. */
    void flush();

    /**
     * Adds to the current batch's buffer named {@code key} (made by {@code create} on first use); out
     * of a unit of work (or in one that is committing already), to a fresh buffer flushed at once.
     */
    static <B extends BatchBuffer> void add(String key, Supplier<B> create, Consumer<B> add) {
        if (!CurrentUnitOfWork.isStarted()
                || !CurrentUnitOfWork.get().root().phase().isBefore(UnitOfWork.Phase.PREPARE_COMMIT)) {
            B buffer = create.get();
            add.accept(buffer);
            buffer.flush();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        B buffer = root.getOrComputeResource(key, name -> {
            B created = create.get();
            root.onPrepareCommit(unitOfWork -> created.flush());
            return created;
        });
        add.accept(buffer);
    }

    /** Writes now what the current batch's buffer named {@code key} holds, if there is one. */
    static void flush(String key) {
        if (CurrentUnitOfWork.isStarted()) {
            BatchBuffer buffer = CurrentUnitOfWork.get().root().getResource(key);
            if (buffer != null) {
                buffer.flush();
            }
        }
    }
}
