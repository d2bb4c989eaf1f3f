package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConflictRetry retry = new ConflictRetry(gateway, meters, 3, 1);
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
    void aRefusalOrASecondCreationIsAnsweredAtOnce() {
        when(gateway.sendAndWait(any(CommandMessage.class)))
                .thenThrow(new AggregateStreamCreationException("exists"));
        assertThatThrownBy(() -> retry.sendAndWait(command)).isInstanceOf(AggregateStreamCreationException.class);
        verify(gateway, times(1)).sendAndWait(command);
        assertThat(ConflictRetry.isConflict(new IllegalStateException(new ConcurrencyException("wrapped")))).isTrue();
        assertThat(ConflictRetry.isConflict(new IllegalStateException("other"))).isFalse();
    }
}
