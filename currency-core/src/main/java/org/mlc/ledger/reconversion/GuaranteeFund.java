package org.mlc.ledger.reconversion;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
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
import org.mlc.ledger.money.Amounts;

/**
 * The guarantee fund's payouts of one currency: every reconversion's euros leave the fund here,
 * one after the other, so that together they never exceed what entered it. Created by the first
 * reconversion ({@link ReconversionHandler}).
 */
@AggregateRoot
public class GuaranteeFund {

    /** A bank reference longer than this is not a reference. */
    public static final int MAX_BANK_REFERENCE_LENGTH = 140;

    public enum PayoutStatus { REQUESTED, PAID, CONFIRMED }

    private record Payout(long eurosMinor, PayoutStatus status) {
    }

    @AggregateIdentifier
    private String id;
    private CurrencyCode currency;
    private long paidOutMinor;
    private final Map<ReconversionId, Payout> payouts = new HashMap<>();

    protected GuaranteeFund() {
        // for Axon
    }

    GuaranteeFund(CurrencyCode currency, ReconversionId reconversionId, AccountId accountId, long eurosMinor,
                  long fundInflowsMinor, Instant at) {
        this.id = idOf(currency);
        this.currency = currency;
        requestPayout(reconversionId, accountId, eurosMinor, fundInflowsMinor, at);
    }

    /**
     * Asks the fund of {@code currency} to pay {@code eurosMinor} out to {@code accountId}'s owner,
     * creating the fund's payouts with the first one; refused ({@code insufficient-fund}) beyond
     * what entered it. For handlers that burn the same units in the same unit of work.
     */
    public static void payOut(Repository<GuaranteeFund> funds, CurrencyCode currency, ReconversionId reconversionId,
                              AccountId accountId, long eurosMinor, long fundInflowsMinor, Instant at)
            throws Exception {
        Aggregate<GuaranteeFund> fund = null;
        try {
            fund = funds.load(idOf(currency));
        } catch (AggregateNotFoundException e) {
            // the currency's first payout: the fund's payouts start with it
        }
        if (fund == null) {
            funds.newInstance(() -> new GuaranteeFund(currency, reconversionId, accountId, eurosMinor,
                    fundInflowsMinor, at));
        } else {
            fund.execute(f -> f.requestPayout(reconversionId, accountId, eurosMinor, fundInflowsMinor, at));
        }
    }

    /** One per currency; the id must not collide with the currency's or its bank account's. */
    public static String idOf(CurrencyCode currency) {
        return "guarantee-fund-" + currency.value();
    }

    /** What the fund can still pay, given what entered it. */
    public long availableMinor(long fundInflowsMinor) {
        return fundInflowsMinor - paidOutMinor;
    }

    void requestPayout(ReconversionId reconversionId, AccountId accountId, long eurosMinor, long fundInflowsMinor,
                       Instant at) {
        if (eurosMinor > availableMinor(fundInflowsMinor)) {
            throw DomainException.refused("insufficient-fund", "the guarantee fund of " + currency + " can pay "
                    + Amounts.format(Math.max(0, availableMinor(fundInflowsMinor))) + ", less than "
                    + Amounts.format(eurosMinor));
        }
        Postings postings = Postings.builder()
                .move(account(LedgerAccountKind.GUARANTEE_FUND), account(LedgerAccountKind.PAYOUTS_DUE), eurosMinor)
                .build();
        apply(new PayoutRequested(currency, reconversionId, accountId, eurosMinor, postings, at));
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
            throw DomainException.conflict("payout-not-paid",
                    "payout " + command.reconversionId() + " was not ordered to the bank yet");
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
            throw DomainException.notFound("unknown reconversion " + reconversionId);
        }
        return payout;
    }

    private static String reference(String reference) {
        if (reference != null && reference.length() > MAX_BANK_REFERENCE_LENGTH) {
            throw DomainException.invalid("a bank reference is at most " + MAX_BANK_REFERENCE_LENGTH + " characters");
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
        payouts.put(event.reconversionId(), new Payout(event.eurosMinor(), PayoutStatus.REQUESTED));
    }

    @EventSourcingHandler
    void on(PayoutPaid event) {
        payouts.computeIfPresent(event.reconversionId(), (k, p) -> new Payout(p.eurosMinor(), PayoutStatus.PAID));
    }

    @EventSourcingHandler
    void on(PayoutConfirmed event) {
        payouts.computeIfPresent(event.reconversionId(), (k, p) -> new Payout(p.eurosMinor(), PayoutStatus.CONFIRMED));
    }
}
