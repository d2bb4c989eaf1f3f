package org.mlc.ledger.counter;

import java.util.HashMap;
import java.util.Map;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.RemittanceId;

/** A counter's remittances of euros to the guarantee fund: to remit, remitted, confirmed by the bank. */
final class Remittances {

    record Remittance(PaidBy means, long eurosMinor, ExchangeCounter.RemittanceStatus status) {
    }

    private final Map<RemittanceId, Remittance> remittances = new HashMap<>();

    /** The remittance, or {@code not-found}. */
    Remittance get(CounterId counter, RemittanceId remittanceId) {
        Remittance remittance = remittances.get(remittanceId);
        if (remittance == null) {
            throw DomainException.notFound("unknown remittance " + remittanceId + " at counter " + counter);
        }
        return remittance;
    }

    /** The remittance, or null. */
    Remittance find(RemittanceId remittanceId) {
        return remittances.get(remittanceId);
    }

    void requireNew(RemittanceId remittanceId) {
        if (remittances.containsKey(remittanceId)) {
            throw DomainException.conflict("already-exists", "remittance " + remittanceId + " exists");
        }
    }

    void prepared(RemittanceId remittanceId, PaidBy means, long eurosMinor) {
        remittances.put(remittanceId, new Remittance(means, eurosMinor, ExchangeCounter.RemittanceStatus.TO_REMIT));
    }

    void moved(RemittanceId remittanceId, ExchangeCounter.RemittanceStatus status) {
        remittances.computeIfPresent(remittanceId, (k, r) -> new Remittance(r.means(), r.eurosMinor(), status));
    }
}
