package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Off: these commands are sent as they come (group commit is GroupCommitTest's). */
    private final GroupCommit noGroupCommit = new GroupCommit(mock(CommandBus.class), mock(TransactionManager.class),
            meters, currency -> false, false, 1, 1);
    private final ConflictRetry retry = new ConflictRetry(gateway, noGroupCommit, meters, 3, 1);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");

    @Test
    void aCommandThatLostARaceIsSentAgainUntilItPasses() {
        when(gateway.sendAndWait(any(CommandMessage.class)))
                .thenThrow(new ConcurrencyException("seq 3 taken"))
                .thenThrow(new ConcurrencyException("seq 4 taken"))
                .thenReturn("done");
        Object result = retry.sendAndWait(command);
        assertThat(result).isEqualTo("done");
        verify(gateway, times(3)).sendAndWait(command);
        assertThat(meters.counter("mlc.commands.retried").count()).isEqualTo(2.0);
    }

    @Test
    void theRetriesAreBounded() {
        when(gateway.sendAndWait(any(CommandMessage.class))).thenThrow(new ConcurrencyException("always taken"));
        assertThatThrownBy(() -> retry.sendAndWait(command)).isInstanceOf(ConcurrencyException.class);
        verify(gateway, times(4)).sendAndWait(command);
    }

    @Test
    void aCommandThatLostADeadlockIsSentAgainAndBothPass() throws Exception {
        // two commands lock the same two aggregates in opposite orders, as a bulk chunk and a payment
        // may: Axon's lock factory fails one of them, which then goes again once the other is done
        PessimisticLockFactory locks = PessimisticLockFactory.usingDefaults();
        CyclicBarrier bothHoldTheirFirstLock = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        CommandGateway lockingGateway = mock(CommandGateway.class);
        when(lockingGateway.sendAndWait(any(CommandMessage.class))).thenAnswer(invocation -> {
            CommandMessage<?> sent = invocation.getArgument(0);
            String first = (String) sent.getPayload();
            String second = first.equals("a") ? "b" : "a";
            boolean firstAttempt = attempts.incrementAndGet() <= 2;
            Lock firstLock = locks.obtainLock(first);
            try {
                if (firstAttempt) {
                    bothHoldTheirFirstLock.await(10, TimeUnit.SECONDS);
                }
                Lock secondLock = locks.obtainLock(second);
                secondLock.release();
                return "done " + first;
            } finally {
                firstLock.release();
            }
        });
        ConflictRetry retrying = new ConflictRetry(lockingGateway, noGroupCommit, meters, 3, 1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Object> ab = threads.submit(() -> retrying.sendAndWait(GenericCommandMessage.asCommandMessage("a")));
            Future<Object> ba = threads.submit(() -> retrying.sendAndWait(GenericCommandMessage.asCommandMessage("b")));
            assertThat(ab.get(30, TimeUnit.SECONDS)).isEqualTo("done a");
            assertThat(ba.get(30, TimeUnit.SECONDS)).isEqualTo("done b");
        } finally {
            threads.shutdownNow();
        }
        assertThat(meters.counter("mlc.commands.retried").count()).isGreaterThanOrEqualTo(1.0);
        assertThat(ConflictRetry.isConflict(new IllegalStateException(new DeadlockException("cycle")))).isTrue();
        assertThat(ConflictRetry.isConflict(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(ConflictRetry.isConflict(new RuntimeException(new SQLException("unique", "23505")))).isFalse();
    }

    @Test
    void aRefusalOrASecondCreationIsAnsweredAtOnce() {
        when(gateway.sendAndWait(any(CommandMessage.class)))
                .thenThrow(new AggregateStreamCreationException("exists"));
        assertThatThrownBy(() -> retry.sendAndWait(command)).isInstanceOf(AggregateStreamCreationException.class);
        verify(gateway, times(1)).sendAndWait(command);
        assertThat(ConflictRetry.isConflict(new IllegalStateException(new ConcurrencyException("wrapped")))).isTrue();
        assertThat(ConflictRetry.isConflict(new IllegalStateException("other"))).isFalse();
    }
}
