package org.mlc.ledger.payment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.inject.Inject;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.mlc.ledger.common.AccountId;

/**
 * Finishes transfers an older version debited without crediting in the same commit (payments
 * now credit in the debit's unit of work, see docs/ledger.md): once the payer is debited (value
 * in transit), credit the payee; if the payee refuses, return the amount to the payer. The saga ends when in-transit is drained
 * for this transfer, whichever way. Each step's time is the time of the event that caused it,
 * so the saga needs no clock. Commands are sent and waited for: a failure must fail the event
 * handling (and be retried by the processor), never leave value silently in transit.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class TransferSaga {

    public static final String ASSOCIATION = "transferId";

    @JsonIgnore
    private transient CommandGateway commandGateway;

    private AccountId from;
    private AccountId to;
    private long amountMinor;

    /**
     * Whether an event is any business of this saga. A payment that debits and credits in one
     * unit of work marks both events ({@link TransferMetaData#CREDIT_FOLLOWS}, {@link TransferMetaData#CREDITED_WITH_DEBIT}):
     * its saga would end at once and none is ever stored, so the saga processor may pass them by
     * without creating a saga or looking the saga store up for them (one query per event).
     */
    public static boolean concerns(Object payload, Map<String, ?> metaData) {
        if (payload instanceof TransferDebited) {
            return !Boolean.TRUE.equals(metaData.get(TransferMetaData.CREDIT_FOLLOWS));
        }
        if (payload instanceof TransferCredited) {
            return !Boolean.TRUE.equals(metaData.get(TransferMetaData.CREDITED_WITH_DEBIT));
        }
        return true;
    }

    @Inject
    public void setCommandGateway(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(TransferDebited event, @MetaDataValue(TransferMetaData.CREDIT_FOLLOWS) Boolean creditFollows) {
        if (Boolean.TRUE.equals(creditFollows)) {
            // the payee was credited in the debit's own commit: nothing in transit to move (the
            // saga ends before it is ever stored)
            SagaLifecycle.end();
            return;
        }
        from = event.from();
        to = event.to();
        amountMinor = event.amountMinor();
        commandGateway.sendAndWait(new CreditTransfer(event.to(), event.transferId(), event.from(), event.currency(),
                event.amountMinor(), event.at()));
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(TransferCreditRefused event) {
        commandGateway.sendAndWait(new ReturnTransfer(from, event.transferId(), amountMinor, event.reason(), event.at()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(TransferCredited event) {
        // the payee has it: nothing left in transit for this transfer
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(TransferReturned event) {
        // the payer has it back: nothing left in transit for this transfer
    }
}
