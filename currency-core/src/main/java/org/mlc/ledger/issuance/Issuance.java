package org.mlc.ledger.issuance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.IssuanceId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;

/**
 * A direct issuance: a funder's euros, paid at parity into the guarantee fund, issued as units to
 * its recipients line by line. No unit exists before the euros are in; each line is issued once.
 */
@AggregateRoot
public class Issuance {

    public enum Status { AWAITING_FUNDS, FUNDED }

    public enum LineStatus { PENDING, ISSUED, REFUSED }

    @AggregateIdentifier
    private IssuanceId id;
    private CurrencyCode currency;
    private ParticipantId funder;
    private long eurosMinor;
    private Status status;
    private final Map<String, IssuanceLine> lines = new LinkedHashMap<>();
    private final Map<String, LineStatus> lineStatus = new LinkedHashMap<>();

    protected Issuance() {
        // for Axon
    }

    /** Called by {@link IssuanceHandler}, which checked the funder, the recipients and the lines. */
    Issuance(FileIssuance command, long eurosMinor) {
        apply(new IssuanceFiled(command.issuanceId(), command.currency(), command.funder(), command.funderAccount(),
                command.reference(), eurosMinor, List.copyOf(command.lines()), command.by(), command.at()));
    }

    /**
     * The euros are in: recorded once ({@code already-confirmed} the second time). By the
     * confirmation and the bank statement import, which record the fund's inflow with it.
     */
    public void receiveFunds(String bankReference, String by, Instant at) {
        if (status == Status.FUNDED) {
            throw DomainException.conflict("already-confirmed", "issuance.already-confirmed",
                    "issuance {0} is confirmed already", id);
        }
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.OUTSIDE),
                        LedgerAccount.of(currency.value(), LedgerAccountKind.GUARANTEE_FUND), eurosMinor)
                .build();
        apply(new IssuanceFundsReceived(id, currency, eurosMinor, bankReference, by, postings, at));
    }

    /**
     * Undoes a confirmation (a wrong bank match): {@code not-matched} when not confirmed,
     * {@code issuance-lines-issued} once a unit went to a recipient (they cannot be taken back).
     */
    public void reverseFunds(String reason, String by, Instant at) {
        if (status != Status.FUNDED) {
            throw DomainException.conflict("not-matched", "issuance.not-confirmed", "issuance {0} is not confirmed", id);
        }
        if (lineStatus.containsValue(LineStatus.ISSUED)) {
            throw DomainException.refused("issuance-lines-issued", "issuance.lines-issued",
                    "issuance {0} issued units to its recipients already", id);
        }
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.GUARANTEE_FUND),
                        LedgerAccount.of(currency.value(), LedgerAccountKind.OUTSIDE), eurosMinor)
                .build();
        apply(new IssuanceFundsReversed(id, currency, eurosMinor, reason, by, postings, at));
    }

    /** The line of that key, refused when the issuance has none or is not funded. */
    IssuanceLine lineToIssue(String key) {
        IssuanceLine line = lines.get(key);
        if (line == null) {
            throw DomainException.notFound("issuance.unknown-line", "issuance {0} has no line {1}", id, key);
        }
        if (status != Status.FUNDED) {
            throw DomainException.refused("issuance-not-funded", "issuance.not-funded",
                    "the euros of issuance {0} are not in the fund yet", id);
        }
        return line;
    }

    void issue(IssuanceLine line, Instant at) {
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.ISSUANCE),
                        LedgerAccount.of(currency.value(), LedgerAccountKind.PARTICIPANT, line.accountId().value()),
                        line.unitsMinor())
                .build();
        apply(new IssuanceLineIssued(id, currency, line.key(), line.recipient(), line.accountId(), line.unitsMinor(),
                line.label(), postings, at));
    }

    void refuse(IssuanceLine line, String code, Instant at) {
        apply(new IssuanceLineRefused(id, line.key(), line.accountId(), code, at));
    }

    @EventSourcingHandler
    void on(IssuanceFiled event) {
        id = event.issuanceId();
        currency = event.currency();
        funder = event.funder();
        eurosMinor = event.eurosMinor();
        status = Status.AWAITING_FUNDS;
        for (IssuanceLine line : event.lines()) {
            lines.put(line.key(), line);
            lineStatus.put(line.key(), LineStatus.PENDING);
        }
    }

    @EventSourcingHandler
    void on(IssuanceFundsReceived event) {
        status = Status.FUNDED;
    }

    @EventSourcingHandler
    void on(IssuanceFundsReversed event) {
        status = Status.AWAITING_FUNDS;
    }

    @EventSourcingHandler
    void on(IssuanceLineIssued event) {
        lineStatus.put(event.key(), LineStatus.ISSUED);
    }

    @EventSourcingHandler
    void on(IssuanceLineRefused event) {
        lineStatus.put(event.key(), LineStatus.REFUSED);
    }

    public IssuanceId id() {
        return id;
    }

    public CurrencyCode currency() {
        return currency;
    }

    public ParticipantId funder() {
        return funder;
    }

    public long eurosMinor() {
        return eurosMinor;
    }

    public Status status() {
        return status;
    }

    public LineStatus lineStatus(String key) {
        return lineStatus.get(key);
    }

    /** The accounts of these lines that are still to be issued (a key it has no line for is left out), in id order. */
    List<String> accountsToIssue(List<String> keys) {
        return keys.stream().filter(key -> lines.containsKey(key) && lineStatus.get(key) != LineStatus.ISSUED)
                .map(key -> lines.get(key).accountId().value()).distinct().sorted().toList();
    }

    /** The keys of the lines, in the file's order. */
    public List<String> keys() {
        return List.copyOf(lines.keySet());
    }
}
