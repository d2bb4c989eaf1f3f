package org.mlc.ledger.currency;

import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.BudgetId;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.money.Money;
import org.mlc.ledger.money.Ratio;

/** A local currency and its policies. */
@AggregateRoot
public class Currency {

    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,11}");
    public static final int MAX_NAME_LENGTH = 100;
    /** A fee above 50 % would be confiscation, not a fee. */
    public static final long MAX_RECONVERSION_FEE_BASIS_POINTS = 5_000;
    public static final long BASIS_POINTS = 10_000;
    /**
     * A unit worth more than 100 € or less than one euro cent is no local currency backed euro for
     * euro: units per euro stay between 1/100 and 100. The bound also keeps a conversion's units
     * within a hundred times its euros, so no sum of them comes near a long's range.
     */
    public static final long MAX_RATIO_SPREAD = 100;
    /**
     * Each term of the ratio at most 10,000.00 (20 : 21 is written 20.00 : 21.00): the largest
     * amount times a term stays far below a long's range, so applying the ratio cannot overflow.
     */
    public static final long MAX_RATIO_TERM_MINOR = 10_000_00;

    @AggregateIdentifier
    private CurrencyCode code;
    private ConversionPolicy conversion;
    private long reconversionFeeBasisPoints;
    private long membershipFeeMinor;
    /** Above a fifth of each conversion a donation would not be a share any more. */
    public static final long MAX_DONATION_BASIS_POINTS = 2_000;
    private AccountId issuerAccount;
    private long donationBasisPoints;
    /** A minimum fee above this would swallow small reconversions whole. */
    public static final long MAX_RECONVERSION_MINIMUM_FEE_MINOR = 100_00;
    private long reconversionMinimumFeeMinor;
    /** A yearly fee above this is not an adhésion to a local currency any more. */
    public static final long MAX_MEMBERSHIP_FEE_MINOR = 500_00;
    /** A participant kind as the currency names it (the currency knows kinds only by name). */
    private static final java.util.regex.Pattern KIND_NAME = java.util.regex.Pattern.compile("[A-Z][A-Z_]{0,31}");
    /** Whether an expired membership blocks conversions; off by default. */
    private boolean membershipRequiredForConversion;
    /** Fees that differ from the one fee, by participant kind name. */
    private Map<String, Long> membershipFeesByKind = Map.of();
    /** Members paying members: allowed by default, a currency may turn it off. */
    private boolean memberTransfersAllowed = true;
    /** Sponsor budgets in the order they were committed: the bonus draws on the oldest first. */
    private final List<BudgetSlot> budgets = new ArrayList<>();
    /** Filières the currency added to the usual ones. */
    private final List<String> ownFilieres = new ArrayList<>();

    /** Where a budget stands in the draw order, and when it may be drawn on. */
    public record BudgetSlot(BudgetId budgetId, LocalDate from, LocalDate to) {
    }

    protected Currency() {
        // for Axon
    }

    @CommandHandler
    public Currency(DefineCurrency command) {
        if (!CODE.matcher(command.code().value()).matches()) {
            throw DomainException.invalid("currency.code-malformed",
                    "code must be 2 to 12 capital letters or digits, starting with a letter");
        }
        if (command.name() == null || command.name().isBlank() || command.name().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("currency.name-required", "name is required, at most {0} characters",
                    MAX_NAME_LENGTH);
        }
        if (command.conversion() == null) {
            throw DomainException.invalid("currency.conversion-required",
                    "conversion is required, e.g. 20 euros for 21 units");
        }
        DomainException.throwIfAny(ratioOutOfBounds(command.conversion()));
        if (command.reconversionFeeBasisPoints() < 0
                || command.reconversionFeeBasisPoints() > MAX_RECONVERSION_FEE_BASIS_POINTS) {
            throw DomainException.invalid("currency.reconversion-fee-out-of-range",
                    "reconversionFee must be between 0 and 0.50");
        }
        if (command.membershipFeeMinor() < 0 || command.membershipFeeMinor() > MAX_MEMBERSHIP_FEE_MINOR) {
            throw DomainException.invalid("currency.membership-fee-out-of-range",
                    "membershipFee must be between 0 and 500.00");
        }
        apply(new CurrencyDefined(command.code(), command.name(), command.conversion(),
                command.reconversionFeeBasisPoints(), command.membershipFeeMinor(), command.definedAt()));
    }

    /** Refuses a ratio outside the bounds ({@link #MAX_RATIO_SPREAD}, {@link #MAX_RATIO_TERM_MINOR}). */
    public static Optional<DomainException> ratioOutOfBounds(ConversionPolicy conversion) {
        long euros = conversion.eurosMinor();
        long units = conversion.unitsMinor();
        // terms bounded first: the products below then cannot overflow
        if (euros > MAX_RATIO_TERM_MINOR || units > MAX_RATIO_TERM_MINOR) {
            return Optional.of(DomainException.invalid("currency.conversion-term-too-large",
                    "conversion: euros and units must each be at most {0}",
                    java.math.BigDecimal.valueOf(MAX_RATIO_TERM_MINOR, Money.DECIMALS)).naming("conversion"));
        }
        if (units > euros * MAX_RATIO_SPREAD || euros > units * MAX_RATIO_SPREAD) {
            return Optional.of(DomainException.invalid("currency.conversion-spread",
                    "conversion: one euro must buy between 1/{0} and {0} units",
                            MAX_RATIO_SPREAD).naming("conversion"));
        }
        return Optional.empty();
    }

    @CommandHandler
    public CurrencyCode handle(SetDonationShare command) {
        if (command.basisPoints() < 0 || command.basisPoints() > MAX_DONATION_BASIS_POINTS) {
            throw DomainException.invalid("currency.donation-share-out-of-range",
                    "donationShare must be between 0 and 0.20");
        }
        if (command.basisPoints() > 0 && command.issuerAccount() == null) {
            throw DomainException.invalid("currency.issuer-account-required",
                    "issuerAccount is required to give a donation share");
        }
        apply(new DonationShareSet(code, command.issuerAccount(), command.basisPoints(), command.at()));
        return code;
    }

    @CommandHandler
    public CurrencyCode handle(SetReconversionFeeMinimum command) {
        if (command.minimumFeeMinor() < 0 || command.minimumFeeMinor() > MAX_RECONVERSION_MINIMUM_FEE_MINOR) {
            throw DomainException.invalid("currency.minimum-fee-out-of-range",
                    "minimumFee must be between 0 and 100.00");
        }
        apply(new ReconversionFeeMinimumSet(code, command.minimumFeeMinor(), command.at()));
        return code;
    }

    @EventSourcingHandler
    void on(ReconversionFeeMinimumSet event) {
        reconversionMinimumFeeMinor = event.minimumFeeMinor();
    }

    /**
     * The fee of a reconversion of {@code unitsMinor}: the percentage rounded up to the cent (in
     * favour of the fund: fewer euros leave it), at least the minimum, never more than the units.
     */
    public long reconversionFeeFor(long unitsMinor) {
        if (unitsMinor > Amounts.MAX_AMOUNT_MINOR) {
            throw DomainException.invalid("reconversion.units-too-large", "units must not exceed {0}",
                    Money.of(Amounts.MAX_AMOUNT_MINOR, code.value()))
                    .naming("units");
        }
        long percentage = -Math.floorDiv(-Math.multiplyExact(unitsMinor, reconversionFeeBasisPoints), BASIS_POINTS);
        return Math.min(unitsMinor, Math.max(percentage, reconversionMinimumFeeMinor));
    }

    public long reconversionMinimumFeeMinor() {
        return reconversionMinimumFeeMinor;
    }

    @CommandHandler
    public CurrencyCode handle(SetMembershipPolicy command) {
        if (command.feeMinor() < 0 || command.feeMinor() > MAX_MEMBERSHIP_FEE_MINOR) {
            throw DomainException.invalid("currency.membership-fee-out-of-range",
                    "membershipFee must be between 0 and 500.00");
        }
        if (command.feesByKind() != null) {
            for (var fee : command.feesByKind().entrySet()) {
                if (fee.getKey() == null || !KIND_NAME.matcher(fee.getKey()).matches()) {
                    throw DomainException.invalid("currency.fee-kind-malformed",
                            "feesByKind names participant kinds, like COLLECTIVITE").naming("feesByKind");
                }
                if (fee.getValue() == null || fee.getValue() < 0 || fee.getValue() > MAX_MEMBERSHIP_FEE_MINOR) {
                    throw DomainException.invalid("currency.membership-fee-out-of-range",
                            "membershipFee must be between 0 and 500.00").naming("feesByKind");
                }
            }
        }
        if (command.feeMinor() != membershipFeeMinor
                || command.requiredForConversion() != membershipRequiredForConversion) {
            apply(new MembershipPolicySet(code, command.feeMinor(), command.requiredForConversion(), command.at()));
        }
        if (command.feesByKind() != null && !command.feesByKind().equals(membershipFeesByKind)) {
            apply(new MembershipFeesByKindSet(code, new java.util.TreeMap<>(command.feesByKind()), command.at()));
        }
        return code;
    }

    @EventSourcingHandler
    void on(MembershipPolicySet event) {
        membershipFeeMinor = event.feeMinor();
        membershipRequiredForConversion = event.requiredForConversion();
    }

    @EventSourcingHandler
    void on(MembershipFeesByKindSet event) {
        membershipFeesByKind = Map.copyOf(event.feesByKind());
    }

    /** The yearly fee of a participant of this kind (by name): its own where one is set, else the one fee. */
    public long membershipFeeMinor(String kind) {
        return membershipFeesByKind.getOrDefault(kind, membershipFeeMinor);
    }

    public boolean membershipRequiredForConversion() {
        return membershipRequiredForConversion;
    }

    @CommandHandler
    public CurrencyCode handle(SetMemberTransfers command) {
        if (command.allowed() != memberTransfersAllowed) {
            apply(new MemberTransfersSet(code, command.allowed(), command.at()));
        }
        return code;
    }

    /** A currency's own filières: this many is a taxonomy, not a list. */
    public static final int MAX_OWN_FILIERES = 50;

    @CommandHandler
    public CurrencyCode handle(AddFiliere command) {
        if (command.filiere() == null || !Filieres.PATTERN.matcher(command.filiere()).matches()) {
            throw DomainException.invalid("currency.filiere-malformed",
                    "filiere must be a code like ALIMENTATION (capital letters and _)");
        }
        if (filiereExists(command.filiere())) {
            return code;
        }
        if (ownFilieres.size() >= MAX_OWN_FILIERES) {
            throw DomainException.invalid("currency.too-many-filieres",
                    "a currency has at most {0} filières of its own",
                    MAX_OWN_FILIERES);
        }
        apply(new FiliereAdded(code, command.filiere(), command.at()));
        return code;
    }

    @EventSourcingHandler
    void on(FiliereAdded event) {
        ownFilieres.add(event.filiere());
    }

    /** Whether the filière is one of the usual ones or one this currency added. */
    public boolean filiereExists(String filiere) {
        return Filieres.STANDARD.contains(filiere) || ownFilieres.contains(filiere);
    }

    /** The usual filières, then the currency's own, in the order they were added. */
    public List<String> filieres() {
        List<String> all = new ArrayList<>(Filieres.STANDARD);
        all.addAll(ownFilieres);
        return all;
    }

    @EventSourcingHandler
    void on(MemberTransfersSet event) {
        memberTransfersAllowed = event.allowed();
    }

    public boolean memberTransfersAllowed() {
        return memberTransfersAllowed;
    }

    @EventSourcingHandler
    void on(DonationShareSet event) {
        issuerAccount = event.issuerAccount();
        donationBasisPoints = event.basisPoints();
    }

    /** The issuer account donations come from (null when the share is off). */
    public AccountId issuerAccount() {
        return issuerAccount;
    }

    public long donationBasisPoints() {
        return donationBasisPoints;
    }

    /**
     * Who may get the bonus, by participant kind (names of {@code participant.ParticipantKind},
     * which this package cannot see: the bonus handler checks them). Null until the currency sets
     * it: then the bonus policy's default applies (members only).
     */
    private List<String> bonusEligibleKinds;

    /** Called by the bonus eligibility handler, which checked the kinds; nothing when they are the same. */
    public void setBonusEligibility(List<String> kinds, Instant at) {
        List<String> sorted = kinds.stream().distinct().sorted().toList();
        if (!sorted.equals(bonusEligibleKinds)) {
            apply(new BonusEligibilitySet(code, sorted, at));
        }
    }

    @EventSourcingHandler
    void on(BonusEligibilitySet event) {
        bonusEligibleKinds = List.copyOf(event.kinds());
    }

    /** The kinds the currency made eligible to the bonus, empty while it never said. */
    public Optional<List<String>> bonusEligibleKinds() {
        return Optional.ofNullable(bonusEligibleKinds);
    }

    /** Called by the budget handler, in the unit of work that commits the budget. */
    public void attachBudget(BudgetId budgetId, LocalDate from, LocalDate to, Instant at) {
        apply(new BonusBudgetAttached(code, budgetId, from, to, at));
    }

    /** The budgets whose period covers this instant, oldest first. */
    public List<BudgetId> budgetsActiveAt(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, CivilDay.ZONE);
        return budgets.stream()
                .filter(slot -> !day.isBefore(slot.from()) && !day.isAfter(slot.to()))
                .map(BudgetSlot::budgetId)
                .toList();
    }

    @EventSourcingHandler
    void on(BonusBudgetAttached event) {
        budgets.add(new BudgetSlot(event.budgetId(), event.from(), event.to()));
    }

    /** Above half of a balance per period demurrage would be confiscation, not fonte. */
    public static final Ratio MAX_DEMURRAGE_RATE = new Ratio(1, 2);
    /** A rate has at most this many decimals ("0.015" is three): beyond that it is noise, and the terms stay small. */
    public static final int MAX_DEMURRAGE_RATE_DECIMALS = 6;
    /** A period longer than a year would hardly make the currency circulate. */
    public static final int MAX_DEMURRAGE_PERIOD_MONTHS = 12;

    /** The demurrage policy while it is on, null when off (the default, or rate 0). */
    private Demurrage demurrage;

    /**
     * Sets the demurrage policy; a rate of 0 turns it off (the other values are then not needed).
     * Called by the demurrage handler, which checked that the beneficiary's account is an
     * association's of this currency and the kinds (the participant package's, after this one).
     */
    public void setDemurrage(BigDecimal rate, int periodMonths, LocalDate firstDueOn, long thresholdMinor,
                             List<String> kinds, ParticipantId beneficiary, AccountId beneficiaryAccount,
                             boolean includeEarmarked, Instant at) {
        Ratio exact = demurrageRate(rate);
        if (exact == null) {
            apply(new DemurrageSet(code, 0, 1, periodMonths, firstDueOn, thresholdMinor,
                    kinds == null ? List.of() : List.copyOf(kinds), beneficiary, beneficiaryAccount, includeEarmarked,
                    at));
            return;
        }
        if (periodMonths < 1 || periodMonths > MAX_DEMURRAGE_PERIOD_MONTHS) {
            throw DomainException.invalid("demurrage.period-out-of-range",
                    "periodMonths must be between 1 and {0}", MAX_DEMURRAGE_PERIOD_MONTHS).naming("periodMonths");
        }
        if (firstDueOn == null) {
            throw DomainException.invalid("demurrage.first-due-on-required",
                    "firstDueOn is required, the first day the fonte is due, like 2027-01-01").naming("firstDueOn");
        }
        if (thresholdMinor < 0 || thresholdMinor > Amounts.MAX_AMOUNT_MINOR) {
            throw DomainException.invalid("demurrage.threshold-out-of-range",
                    "thresholdPerAccount must be between 0 and {0}", Money.of(Amounts.MAX_AMOUNT_MINOR, code.value()))
                    .naming("thresholdPerAccount");
        }
        if (kinds == null || kinds.isEmpty()) {
            throw DomainException.invalid("demurrage.kinds-required",
                    "kinds is required: the participant kinds whose accounts melt, e.g. [\"MEMBER\"]").naming("kinds");
        }
        if (beneficiary == null || beneficiaryAccount == null) {
            throw DomainException.invalid("demurrage.beneficiary-required",
                    "beneficiary is required: the association the fonte goes to").naming("beneficiary");
        }
        apply(new DemurrageSet(code, exact.numerator(), exact.denominator(), periodMonths, firstDueOn, thresholdMinor,
                kinds.stream().distinct().sorted().toList(), beneficiary, beneficiaryAccount, includeEarmarked, at));
    }

    /** The rate as an exact fraction, null for 0; refused when negative, above the maximum or too precise. */
    private static Ratio demurrageRate(BigDecimal rate) {
        if (rate == null) {
            throw DomainException.invalid("demurrage.rate-required", "rate is required, like \"0.02\" (0 turns it off)")
                    .naming("rate");
        }
        BigDecimal plain = rate.stripTrailingZeros();
        if (plain.signum() < 0 || plain.compareTo(BigDecimal.valueOf(MAX_DEMURRAGE_RATE.numerator(),
                0).divide(BigDecimal.valueOf(MAX_DEMURRAGE_RATE.denominator()))) > 0) {
            throw DomainException.invalid("demurrage.rate-out-of-range", "rate must be between 0 and {0}",
                    new BigDecimal("0.5")).naming("rate");
        }
        if (plain.signum() == 0) {
            return null;
        }
        if (plain.scale() > MAX_DEMURRAGE_RATE_DECIMALS) {
            throw DomainException.invalid("demurrage.rate-too-precise", "rate has at most {0} decimals",
                    MAX_DEMURRAGE_RATE_DECIMALS).naming("rate");
        }
        int scale = Math.max(plain.scale(), 0);
        return new Ratio(plain.movePointRight(scale).longValueExact(), BigDecimal.ONE.movePointRight(scale)
                .longValueExact());
    }

    @EventSourcingHandler
    void on(DemurrageSet event) {
        demurrage = event.rateNumerator() == 0 ? null
                : new Demurrage(new Ratio(event.rateNumerator(), event.rateDenominator()), event.periodMonths(),
                        event.firstDueOn(), event.thresholdMinor(), event.kinds(), event.beneficiary(),
                        event.beneficiaryAccount(), event.includeEarmarked());
    }

    /** The demurrage policy, the rate an exact fraction; empty while off. */
    public Optional<Demurrage> demurrage() {
        return Optional.ofNullable(demurrage);
    }

    @EventSourcingHandler
    void on(CurrencyDefined event) {
        code = event.code();
        conversion = event.conversion();
        reconversionFeeBasisPoints = event.reconversionFeeBasisPoints();
        membershipFeeMinor = event.membershipFeeMinor();
    }

    public CurrencyCode code() {
        return code;
    }

    public ConversionPolicy conversion() {
        return conversion;
    }

    public long reconversionFeeBasisPoints() {
        return reconversionFeeBasisPoints;
    }

    public long membershipFeeMinor() {
        return membershipFeeMinor;
    }
}
