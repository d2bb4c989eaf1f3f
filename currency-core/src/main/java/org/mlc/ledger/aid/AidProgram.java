package org.mlc.ledger.aid;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.money.Money;

/**
 * A CCAS aid programme: euros paid into the guarantee fund become units of the programme (at
 * parity), granted to members as earmarked lots that come back at expiry; closing it takes what it
 * holds back to euros for the CCAS. It never grants more than it holds.
 */
@AggregateRoot
public class AidProgram {

    public static final int MAX_NAME_LENGTH = 100;
    /** A grant valid for more than ten years is not aid any more but a pension. */
    public static final int MAX_VALIDITY_DAYS = 3_650;
    public static final int MAX_FILIERES = 20;
    public static final int MAX_REFERENCE_LENGTH = 140;

    public enum FundingStatus { ANNOUNCED, RECEIVED }

    private record Funding(long eurosMinor, FundingStatus status) {
    }

    @AggregateIdentifier
    private AidProgramId id;
    private ParticipantId ccas;
    private AccountId ccasAccount;
    private CurrencyCode currency;
    private List<String> filieres;
    private int validityDays;
    private Long monthlyCapPerBeneficiaryMinor;
    private boolean closed;
    private long balanceMinor;
    private final Map<FundingId, Funding> fundings = new HashMap<>();
    private final Set<GrantId> grants = new HashSet<>();
    /** Granted per beneficiary and month (in the earmark zone), for the monthly cap. */
    private final Map<String, Long> grantedByBeneficiaryMonth = new HashMap<>();

    protected AidProgram() {
        // for Axon
    }

    /** Called by {@link AidProgramHandler}, which checked the CCAS, its account and the filières. */
    AidProgram(CreateAidProgram command) {
        if (command.name() == null || command.name().isBlank() || command.name().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("aid.name-required", "name is required, at most {0} characters",
                    MAX_NAME_LENGTH);
        }
        if (command.filieres() == null || command.filieres().isEmpty() || command.filieres().size() > MAX_FILIERES) {
            throw DomainException.invalid("aid.filieres-count", "filieres: 1 to {0} filières", MAX_FILIERES);
        }
        if (command.validityDays() < 1 || command.validityDays() > MAX_VALIDITY_DAYS) {
            throw DomainException.invalid("aid.validity-out-of-range", "validityDays must be between 1 and {0}",
                    MAX_VALIDITY_DAYS);
        }
        if (command.monthlyCapPerBeneficiaryMinor() != null && command.monthlyCapPerBeneficiaryMinor() <= 0) {
            throw DomainException.invalid("aid.monthly-cap-not-positive",
                    "monthlyCapPerBeneficiary must be greater than zero");
        }
        apply(new AidProgramCreated(command.programId(), command.ccas(), command.ccasAccount(), command.currency(),
                command.name(), List.copyOf(new java.util.LinkedHashSet<>(command.filieres())), command.validityDays(),
                command.monthlyCapPerBeneficiaryMinor(), command.at()));
    }

    @CommandHandler
    public FundingId handle(AnnounceAidFunding command) {
        requireOpen();
        if (fundings.containsKey(command.fundingId())) {
            return command.fundingId();
        }
        if (command.eurosMinor() <= 0) {
            throw DomainException.invalid("aid.funding-not-positive", "euros must be greater than zero");
        }
        apply(new AidFundingAnnounced(command.fundingId(), id, currency, command.eurosMinor(),
                reference(command.reference()), command.at()));
        return command.fundingId();
    }

    /** By {@code AidProgramHandler} and the bank statement import, which record the inflow on the fund. */
    public FundingId handle(ConfirmAidFunding command) {
        Funding funding = fundings.get(command.fundingId());
        if (funding == null) {
            throw DomainException.notFound("aid.unknown-funding", "programme {0} has no funding {1}", id,
                    command.fundingId());
        }
        if (funding.status() == FundingStatus.RECEIVED) {
            throw DomainException.conflict("already-confirmed", "aid.funding-already-confirmed",
                    "funding {0} is confirmed", command.fundingId());
        }
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.OUTSIDE),
                        LedgerAccount.of(currency.value(), LedgerAccountKind.GUARANTEE_FUND), funding.eurosMinor())
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.ISSUANCE), programAccount(),
                        funding.eurosMinor())
                .build();
        apply(new AidFundingReceived(command.fundingId(), id, currency, funding.eurosMinor(),
                reference(command.bankReference()), postings, command.at()));
        return command.fundingId();
    }

    /**
     * Reverses a funding confirmed by mistake (a wrong bank statement match): announced again, its
     * euros out of the fund and its units out of the programme; {@code not-matched} for one not
     * received, {@code aid-funding-spent} when the programme no longer holds its units. By the bank
     * package's handler, which reverses the fund's inflow in the same unit of work.
     */
    public void reverseFunding(FundingId fundingId, String reason, String by, Instant at) {
        Funding funding = fundings.get(fundingId);
        if (funding == null || funding.status() != FundingStatus.RECEIVED) {
            throw DomainException.conflict("not-matched", "aid.funding-not-confirmed", "funding {0} is not confirmed",
                    fundingId);
        }
        if (funding.eurosMinor() > balanceMinor) {
            throw DomainException.refused("aid-funding-spent", "aid.funding-spent",
                    "programme {0} holds {1}, less than the {2} of funding {3}: its units were granted", id,
                    Money.of(balanceMinor, currency.value()), Money.of(funding.eurosMinor(), "EUR"), fundingId);
        }
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.GUARANTEE_FUND),
                        LedgerAccount.of(currency.value(), LedgerAccountKind.OUTSIDE), funding.eurosMinor())
                .move(programAccount(), LedgerAccount.of(currency.value(), LedgerAccountKind.ISSUANCE),
                        funding.eurosMinor())
                .build();
        apply(new AidFundingReversed(fundingId, id, currency, funding.eurosMinor(), reason, by, postings, at));
    }

    /** The euros of an announced funding (0 for an unknown one). */
    public long fundingEurosMinor(FundingId fundingId) {
        Funding funding = fundings.get(fundingId);
        return funding == null ? 0 : funding.eurosMinor();
    }

    public boolean fundingReceived(FundingId fundingId) {
        Funding funding = fundings.get(fundingId);
        return funding != null && funding.status() == FundingStatus.RECEIVED;
    }

    /** Whether this grant id was granted already (a resent line). */
    public boolean granted(GrantId grantId) {
        return grants.contains(grantId);
    }

    /**
     * Checks a grant and answers its expiry date, or refuses it; nothing is applied, so a refused
     * line of a batch leaves no trace.
     */
    public LocalDate checkGrant(GrantAid command) {
        requireOpen();
        if (command.unitsMinor() <= 0) {
            throw DomainException.invalid("aid.units-not-positive", "units must be greater than zero");
        }
        LocalDate today = LocalDate.ofInstant(command.at(), CivilDay.ZONE);
        LocalDate expiresOn = command.expiresOn() == null ? today.plusDays(validityDays) : command.expiresOn();
        if (expiresOn.isBefore(today)) {
            throw DomainException.invalid("aid.expiry-past", "expires {0} is in the past", expiresOn);
        }
        if (expiresOn.isAfter(today.plusDays(MAX_VALIDITY_DAYS))) {
            throw DomainException.invalid("aid.expiry-too-far", "expires is at most {0} days ahead", MAX_VALIDITY_DAYS);
        }
        if (command.unitsMinor() > balanceMinor) {
            throw DomainException.refused("insufficient-programme-funds", "aid.insufficient-programme-funds",
                    "programme {0} holds {1}, less than {2}", id, Money.of(balanceMinor, currency.value()),
                    Money.of(command.unitsMinor(), currency.value()));
        }
        if (monthlyCapPerBeneficiaryMinor != null) {
            long already = grantedByBeneficiaryMonth.getOrDefault(monthKey(command.beneficiary(), command.at()), 0L);
            if (Math.addExact(already, command.unitsMinor()) > monthlyCapPerBeneficiaryMinor) {
                throw DomainException.refused("monthly-cap-reached", "aid.monthly-cap-reached",
                        "beneficiary {0} was granted {1} this month; the cap is {2}", command.beneficiary(),
                        Money.of(already, currency.value()), Money.of(monthlyCapPerBeneficiaryMinor, currency.value()));
            }
        }
        return expiresOn;
    }

    /** Grants after {@link #checkGrant}; the handler credits the lot to the account right after. */
    void grant(GrantAid command, LocalDate expiresOn) {
        Postings postings = Postings.builder()
                .move(programAccount(), LedgerAccount.of(currency.value(), LedgerAccountKind.PARTICIPANT,
                        command.accountId().value()), command.unitsMinor())
                .build();
        apply(new AidGranted(command.grantId(), id, currency, command.beneficiary(), command.accountId(),
                command.unitsMinor(), filieres, expiresOn, postings, command.at()));
    }

    /** Takes back what was left of an expired grant (the account drops the lot in the same unit of work). */
    void takeBackExpired(GrantId grantId, AccountId accountId, long unitsMinor, Instant at) {
        Postings postings = Postings.builder()
                .move(LedgerAccount.of(currency.value(), LedgerAccountKind.PARTICIPANT, accountId.value()),
                        programAccount(), unitsMinor)
                .build();
        apply(new ExpiredUnitsReturned(grantId, id, currency, accountId, unitsMinor, postings, at));
    }

    /** Burns what the programme holds and closes it; answers the units, which the fund pays out in euros. */
    long close(ReconversionId reconversionId, Instant at) {
        long unitsMinor = balanceMinor;
        Postings postings = unitsMinor == 0 ? Postings.none() : Postings.builder()
                .move(programAccount(), LedgerAccount.of(currency.value(), LedgerAccountKind.ISSUANCE), unitsMinor)
                .build();
        apply(new AidProgramClosed(reconversionId, id, currency, unitsMinor, postings, at));
        return unitsMinor;
    }

    @EventSourcingHandler
    void on(AidProgramCreated event) {
        id = event.programId();
        ccas = event.ccas();
        ccasAccount = event.ccasAccount();
        currency = event.currency();
        filieres = event.filieres();
        validityDays = event.validityDays();
        monthlyCapPerBeneficiaryMinor = event.monthlyCapPerBeneficiaryMinor();
    }

    @EventSourcingHandler
    void on(AidFundingAnnounced event) {
        fundings.put(event.fundingId(), new Funding(event.eurosMinor(), FundingStatus.ANNOUNCED));
    }

    @EventSourcingHandler
    void on(AidFundingReceived event) {
        fundings.put(event.fundingId(), new Funding(event.eurosMinor(), FundingStatus.RECEIVED));
        balanceMinor += event.eurosMinor();
    }

    @EventSourcingHandler
    void on(AidFundingReversed event) {
        fundings.put(event.fundingId(), new Funding(event.eurosMinor(), FundingStatus.ANNOUNCED));
        balanceMinor -= event.eurosMinor();
    }

    @EventSourcingHandler
    void on(AidGranted event) {
        grants.add(event.grantId());
        balanceMinor -= event.unitsMinor();
        grantedByBeneficiaryMonth.merge(monthKey(event.beneficiary(), event.at()), event.unitsMinor(), Long::sum);
    }

    @EventSourcingHandler
    void on(ExpiredUnitsReturned event) {
        balanceMinor += event.unitsMinor();
    }

    @EventSourcingHandler
    void on(AidProgramClosed event) {
        balanceMinor -= event.unitsMinor();
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw DomainException.refused("programme-closed", "aid.programme-closed", "programme {0} is closed", id);
        }
    }

    private static String monthKey(ParticipantId beneficiary, Instant at) {
        return beneficiary.value() + "|" + YearMonth.from(at.atZone(CivilDay.ZONE));
    }

    private static String reference(String reference) {
        if (reference != null && reference.length() > MAX_REFERENCE_LENGTH) {
            throw DomainException.invalid("aid.reference-too-long", "a reference is at most {0} characters",
                    MAX_REFERENCE_LENGTH);
        }
        return reference;
    }

    private LedgerAccount programAccount() {
        return LedgerAccount.of(currency.value(), LedgerAccountKind.AID_PROGRAM, id.value());
    }

    public AidProgramId id() {
        return id;
    }

    public ParticipantId ccas() {
        return ccas;
    }

    public AccountId ccasAccount() {
        return ccasAccount;
    }

    public CurrencyCode currency() {
        return currency;
    }

    public List<String> filieres() {
        return filieres;
    }

    public boolean closed() {
        return closed;
    }

    public long balanceMinor() {
        return balanceMinor;
    }
}
