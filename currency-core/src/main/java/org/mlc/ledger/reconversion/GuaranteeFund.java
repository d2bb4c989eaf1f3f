package org.mlc.ledger.reconversion;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ReconversionId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.money.Money;

/**
 * The guarantee fund's payouts of one currency: every reconversion's euros leave the fund here,
 * one after the other, so that together they never exceed what entered it, as the fund records
 * it: each inflow ({@link FundInflowRecorded}, by the handler that records the source event) and,
 * for a store written before it did, an opening figure ({@link FundInflowsOpened}). Created by
 * its first inflow or opening.
 */
@AggregateRoot
public class GuaranteeFund {

    /** A bank reference longer than this is not a reference. */
    public static final int MAX_BANK_REFERENCE_LENGTH = 140;

    public enum PayoutStatus { REQUESTED, PAID, CONFIRMED }

    /** The source of a payout's {@link FundMovementAttributed}. */
    public static final String PAYOUT = "PAYOUT";

    private record Payout(long eurosMinor, PayoutStatus status) {
    }

    @AggregateIdentifier
    private String id;
    private CurrencyCode currency;
    private long paidOutMinor;
    private long inflowsMinor;
    private boolean opened;
    private boolean recordedInflows;
    private final Map<ReconversionId, Payout> payouts = new HashMap<>();
    private final FundAccounts accounts = new FundAccounts();

    protected GuaranteeFund() {
        // for Axon
    }

    private GuaranteeFund(CurrencyCode currency) {
        this.id = idOf(currency);
        this.currency = currency;
    }

    /** The fund of {@code currency}, or null before anything entered it. */
    private static Aggregate<GuaranteeFund> find(Repository<GuaranteeFund> funds, CurrencyCode currency) {
        try {
            return funds.load(idOf(currency));
        } catch (AggregateNotFoundException e) {
            return null;
        }
    }

    /**
     * Asks the fund of {@code currency} to pay {@code eurosMinor} out to {@code accountId}'s owner;
     * refused ({@code insufficient-fund}) beyond what entered it and was not paid out yet, as the
     * fund itself recorded it. For handlers that burn the same units in the same unit of work.
     */
    public static void payOut(Repository<GuaranteeFund> funds, CurrencyCode currency, ReconversionId reconversionId,
                              AccountId accountId, long eurosMinor, Instant at) {
        payOut(funds, currency, reconversionId, accountId, null, eurosMinor, at);
    }

    /** The same, out of the fund's bank account {@code fundAccount} (null: the first), as far as it holds. */
    public static void payOut(Repository<GuaranteeFund> funds, CurrencyCode currency, ReconversionId reconversionId,
                              AccountId accountId, String fundAccount, long eurosMinor, Instant at) {
        Aggregate<GuaranteeFund> fund = find(funds, currency);
        if (fund == null) {
            // nothing entered it yet
            new FundAccounts().require(currency, fundAccount);
            throw insufficient(currency, 0, eurosMinor);
        }
        fund.execute(f -> f.requestPayout(reconversionId, accountId, fundAccount, eurosMinor, at));
    }

    /**
     * Records on the fund of {@code currency} the euros that {@code source} brought in, creating the
     * fund with its first inflow. For handlers that record the source event (and its postings) in
     * the same unit of work.
     */
    public static void recordInflow(Repository<GuaranteeFund> funds, CurrencyCode currency, InflowSource source,
                                    String sourceId, long eurosMinor, Instant at) throws Exception {
        recordInflow(funds, currency, null, source, sourceId, eurosMinor, at);
    }

    /** The same, into the fund's bank account {@code fundAccount} (null: the first). */
    public static void recordInflow(Repository<GuaranteeFund> funds, CurrencyCode currency, String fundAccount,
                                    InflowSource source, String sourceId, long eurosMinor, Instant at)
            throws Exception {
        if (eurosMinor <= 0) {
            return;
        }
        FundInflowRecorded inflow = new FundInflowRecorded(currency, source, sourceId, eurosMinor, at);
        Aggregate<GuaranteeFund> fund = find(funds, currency);
        if (fund == null) {
            new FundAccounts().require(currency, fundAccount);
            funds.newInstance(() -> {
                GuaranteeFund created = new GuaranteeFund(currency);
                apply(inflow);
                return created;
            });
        } else {
            fund.execute(f -> {
                String account = f.accounts.require(currency, fundAccount);
                apply(inflow);
                f.attribute(account, source.name(), sourceId, eurosMinor, at);
            });
        }
    }

    /** Puts the movement just recorded on {@code account} when it is not the first. */
    private void attribute(String account, String source, String sourceId, long eurosMinor, Instant at) {
        if (!account.equals(FundAccounts.FIRST)) {
            apply(new FundMovementAttributed(currency, account, source, sourceId, eurosMinor, at));
        }
    }

    /**
     * Declares a bank account of the fund of {@code command}'s currency (see {@link DeclareFundAccount}),
     * creating the fund if nothing was recorded on it yet.
     */
    static FundAccount declareAccount(Repository<GuaranteeFund> funds, DeclareFundAccount command) throws Exception {
        String bank = command.bank() == null ? "" : command.bank().strip();
        if (bank.isEmpty() || bank.length() > DeclareFundAccount.MAX_BANK_LENGTH) {
            throw DomainException.invalid("fund.bank-name-required", "a bank's name of 1 to {0} characters is required",
                    DeclareFundAccount.MAX_BANK_LENGTH).naming("bank");
        }
        String iban = Iban.normalized(command.iban());
        Aggregate<GuaranteeFund> fund = find(funds, command.currency());
        if (fund == null) {
            funds.newInstance(() -> {
                GuaranteeFund created = new GuaranteeFund(command.currency());
                apply(new FundAccountDeclared(command.currency(), FundAccounts.FIRST, bank, iban, command.at()));
                return created;
            });
            return new FundAccount(FundAccounts.FIRST, bank, iban);
        }
        return fund.invoke(f -> {
            f.accounts.requireNewIban(command.currency(), iban);
            String id = f.accounts.nextId();
            apply(new FundAccountDeclared(command.currency(), id, bank, iban, command.at()));
            return new FundAccount(id, bank, iban);
        });
    }

    /**
     * Records on the fund of {@code currency} that an inflow of {@code source} did not happen (a
     * wrong bank statement match undone): refused ({@code fund-already-paid-out}) when the fund
     * would be left with less than it already paid out. For handlers that record the source's
     * compensating event (and its postings) in the same unit of work.
     */
    public static void reverseInflow(Repository<GuaranteeFund> funds, CurrencyCode currency, InflowSource source,
                                     String sourceId, long eurosMinor, String reason, String by, Instant at) {
        reverseInflow(funds, currency, null, source, sourceId, eurosMinor, reason, by, at);
    }

    /** The same, out of the fund's bank account {@code fundAccount} (null: the first) that the inflow went to. */
    public static void reverseInflow(Repository<GuaranteeFund> funds, CurrencyCode currency, String fundAccount,
                                     InflowSource source, String sourceId, long eurosMinor, String reason, String by,
                                     Instant at) {
        Aggregate<GuaranteeFund> fund = find(funds, currency);
        if (fund == null) {
            throw DomainException.conflict("not-matched", "fund.nothing-entered",
                    "nothing entered the guarantee fund of {0}",
                    currency);
        }
        fund.execute(f -> {
            if (eurosMinor > f.availableMinor()) {
                throw DomainException.refused("fund-already-paid-out", "fund.already-paid-out",
                        "the guarantee fund of {0} received {1} and paid out {2}: taking back {3} would leave it "
                                + "below what it paid out", currency, Money.of(f.inflowsMinor, "EUR"),
                        Money.of(f.paidOutMinor, "EUR"), Money.of(eurosMinor, "EUR"));
            }
            String account = f.accounts.require(currency, fundAccount);
            if (eurosMinor > f.accounts.balanceOf(account)) {
                // the fund as a whole could, but this bank account paid the euros out already
                throw DomainException.refused("fund-already-paid-out", "fund.bank-account-already-paid-out",
                        "bank account {0} of the guarantee fund of {1} holds {2}: taking back {3} would leave it "
                                + "below what it paid out", account, currency,
                        Money.of(f.accounts.balanceOf(account), "EUR"), Money.of(eurosMinor, "EUR"));
            }
            apply(new FundInflowReversed(currency, source, sourceId, eurosMinor, reason, by, at));
            f.attribute(account, source.name(), sourceId, -eurosMinor, at);
        });
    }

    /** See {@link OpenFundInflows}; creates the fund if nothing was recorded on it yet. */
    static void open(Repository<GuaranteeFund> funds, OpenFundInflows command) throws Exception {
        if (command.inflowsMinor() < 0) {
            throw DomainException.invalid("fund.opening-inflows-negative", "the opening inflows cannot be negative");
        }
        FundInflowsOpened opened = new FundInflowsOpened(command.currency(), command.inflowsMinor(),
                command.upToGlobalIndex(), command.at());
        Aggregate<GuaranteeFund> fund = find(funds, command.currency());
        if (fund == null) {
            funds.newInstance(() -> {
                GuaranteeFund created = new GuaranteeFund(command.currency());
                apply(opened);
                return created;
            });
        } else {
            fund.execute(f -> {
                if (f.opened || f.recordedInflows) {
                    throw f.opened
                            ? DomainException.conflict("fund-inflows-already-opened", "fund.inflows-already-opened",
                                    "the guarantee fund of {0} has its opening inflows already", command.currency())
                            : DomainException.conflict("fund-inflows-already-opened", "fund.inflows-already-recorded",
                                    "the guarantee fund of {0} records its inflows already", command.currency());
                }
                apply(opened);
            });
        }
    }

    /** One per currency; the id must not collide with the currency's or its bank account's. */
    public static String idOf(CurrencyCode currency) {
        return "guarantee-fund-" + currency.value();
    }

    /** What entered the fund, as it recorded it: the opening figure and every inflow since. */
    public long inflowsMinor() {
        return inflowsMinor;
    }

    public long paidOutMinor() {
        return paidOutMinor;
    }

    /** What the fund can still pay: what entered it, less what it paid out. */
    public long availableMinor() {
        return inflowsMinor - paidOutMinor;
    }

    public boolean opened() {
        return opened;
    }

    /** The fund's bank accounts, in the order declared (the implicit first one when none was). */
    public List<FundAccount> fundAccounts() {
        return accounts.all();
    }

    /** What the fund's bank account holds by the fund's own figures. */
    public long balanceOf(String fundAccount) {
        return accounts.balanceOf(fundAccount);
    }

    /** The account named ({@code null}: the first), or {@code invalid} naming {@code fundAccount}. */
    public String requireAccount(String fundAccount) {
        return accounts.require(currency, fundAccount);
    }

    /** The bank account a payout is paid from. */
    public String payoutAccountOf(ReconversionId reconversionId) {
        return accounts.payoutAccount(reconversionId);
    }

    void requestPayout(ReconversionId reconversionId, AccountId accountId, String fundAccount, long eurosMinor,
                       Instant at) {
        String account = accounts.require(currency, fundAccount);
        if (eurosMinor > availableMinor()) {
            throw insufficient(currency, availableMinor(), eurosMinor);
        }
        if (eurosMinor > accounts.balanceOf(account)) {
            throw DomainException.refused("insufficient-fund", "fund.insufficient-bank-account",
                    "bank account {0} of the guarantee fund of {1} holds {2}, less than {3}", account, currency,
                    Money.of(Math.max(0, accounts.balanceOf(account)), "EUR"), Money.of(eurosMinor, "EUR"));
        }
        Postings postings = Postings.builder()
                .move(account(LedgerAccountKind.GUARANTEE_FUND), account(LedgerAccountKind.PAYOUTS_DUE), eurosMinor)
                .build();
        apply(new PayoutRequested(currency, reconversionId, accountId, eurosMinor, postings, at));
        attribute(account, PAYOUT, reconversionId.value(), -eurosMinor, at);
    }

    private static DomainException insufficient(CurrencyCode currency, long availableMinor, long eurosMinor) {
        return DomainException.refused("insufficient-fund", "fund.insufficient",
                "the guarantee fund of {0} can pay {1}, "
                + "less than {2}", currency, Money.of(Math.max(0, availableMinor), "EUR"), Money.of(eurosMinor, "EUR"));
    }

    @CommandHandler
    public ReconversionId handle(MarkPayoutPaid command) {
        Payout payout = payout(command.reconversionId());
        if (payout.status() == PayoutStatus.REQUESTED) {
            apply(new PayoutPaid(currency, command.reconversionId(), reference(command.bankOrder()), command.at()));
        }
        return command.reconversionId();
    }

    @CommandHandler
    public ReconversionId handle(ConfirmPayout command) {
        Payout payout = payout(command.reconversionId());
        if (payout.status() == PayoutStatus.CONFIRMED) {
            return command.reconversionId();
        }
        if (payout.status() != PayoutStatus.PAID) {
            throw DomainException.conflict("payout-not-paid", "payout.not-paid",
                    "payout {0} was not ordered to the bank yet", command.reconversionId());
        }
        Postings postings = Postings.builder()
                .move(account(LedgerAccountKind.PAYOUTS_DUE), account(LedgerAccountKind.OUTSIDE), payout.eurosMinor())
                .build();
        apply(new PayoutConfirmed(currency, command.reconversionId(), payout.eurosMinor(),
                reference(command.bankReference()), postings, command.at()));
        return command.reconversionId();
    }

    /**
     * The bank statement shows the transfer of a payout: that is proof it was ordered and done, so
     * a payout still REQUESTED is marked paid and confirmed in one step. The caller checked the
     * amount against {@link #payoutEurosMinor}.
     */
    public void confirmFromStatement(ReconversionId reconversionId, String bankReference, Instant at) {
        Payout payout = payout(reconversionId);
        if (payout.status() == PayoutStatus.REQUESTED) {
            apply(new PayoutPaid(currency, reconversionId, reference(bankReference), at));
        }
        handle(new ConfirmPayout(currency, reconversionId, bankReference, at));
    }

    /**
     * Undoes a payout's confirmation (a wrong bank statement match): the payout is paid (ordered)
     * again, its euros owed; {@code not-matched} for one not confirmed.
     */
    public void undoPayoutConfirmation(ReconversionId reconversionId, String reason, String by, Instant at) {
        Payout payout = payout(reconversionId);
        if (payout.status() != PayoutStatus.CONFIRMED) {
            throw DomainException.conflict("not-matched", "payout.not-confirmed", "payout {0} is not confirmed",
                    reconversionId);
        }
        Postings postings = Postings.builder()
                .move(account(LedgerAccountKind.OUTSIDE), account(LedgerAccountKind.PAYOUTS_DUE), payout.eurosMinor())
                .build();
        apply(new PayoutConfirmationUndone(currency, reconversionId, payout.eurosMinor(), reason, by, postings, at));
    }

    /** The euros of a payout, or -1 when this fund has none with this id. */
    public long payoutEurosMinor(ReconversionId reconversionId) {
        Payout payout = payouts.get(reconversionId);
        return payout == null ? -1 : payout.eurosMinor();
    }

    public PayoutStatus statusOf(ReconversionId reconversionId) {
        Payout payout = payouts.get(reconversionId);
        return payout == null ? null : payout.status();
    }

    private Payout payout(ReconversionId reconversionId) {
        Payout payout = payouts.get(reconversionId);
        if (payout == null) {
            throw DomainException.notFound("payout.unknown-reconversion", "unknown reconversion {0}", reconversionId);
        }
        return payout;
    }

    private static String reference(String reference) {
        if (reference != null && reference.length() > MAX_BANK_REFERENCE_LENGTH) {
            throw DomainException.invalid("payout.bank-reference-too-long",
                    "a bank reference is at most {0} characters",
                    MAX_BANK_REFERENCE_LENGTH);
        }
        return reference;
    }

    private LedgerAccount account(LedgerAccountKind kind) {
        return LedgerAccount.of(currency.value(), kind);
    }

    @EventSourcingHandler
    void on(PayoutRequested event) {
        id = idOf(event.currency());
        currency = event.currency();
        paidOutMinor += event.eurosMinor();
        accounts.moved(-event.eurosMinor());
        payouts.put(event.reconversionId(), new Payout(event.eurosMinor(), PayoutStatus.REQUESTED));
    }

    @EventSourcingHandler
    void on(FundInflowRecorded event) {
        id = idOf(event.currency());
        currency = event.currency();
        inflowsMinor += event.eurosMinor();
        accounts.moved(event.eurosMinor());
        recordedInflows = true;
    }

    @EventSourcingHandler
    void on(FundInflowReversed event) {
        inflowsMinor -= event.eurosMinor();
        accounts.moved(-event.eurosMinor());
    }

    @EventSourcingHandler
    void on(FundAccountDeclared event) {
        id = idOf(event.currency());
        currency = event.currency();
        accounts.declared(event);
    }

    @EventSourcingHandler
    void on(FundMovementAttributed event) {
        accounts.attributed(event);
    }

    @EventSourcingHandler
    void on(FundInflowsOpened event) {
        id = idOf(event.currency());
        currency = event.currency();
        inflowsMinor += event.inflowsMinor();
        accounts.moved(event.inflowsMinor());
        opened = true;
    }

    @EventSourcingHandler
    void on(PayoutPaid event) {
        payouts.computeIfPresent(event.reconversionId(), (k, p) -> new Payout(p.eurosMinor(), PayoutStatus.PAID));
    }

    @EventSourcingHandler
    void on(PayoutConfirmed event) {
        payouts.computeIfPresent(event.reconversionId(), (k, p) -> new Payout(p.eurosMinor(), PayoutStatus.CONFIRMED));
    }

    @EventSourcingHandler
    void on(PayoutConfirmationUndone event) {
        payouts.computeIfPresent(event.reconversionId(), (k, p) -> new Payout(p.eurosMinor(), PayoutStatus.PAID));
    }
}
