package org.mlc.ledger.api.account;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.account.UnitsReconverted;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.PayoutConfirmed;
import org.mlc.ledger.reconversion.PayoutPaid;
import org.mlc.ledger.reconversion.PayoutRequested;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.mlc.ledger.account.AccountClosed;
import org.mlc.ledger.account.AccountFrozen;
import org.mlc.ledger.account.AccountOpened;
import org.mlc.ledger.account.AccountStatus;
import org.mlc.ledger.account.AccountUnfrozen;
import org.mlc.ledger.account.DonationGiven;
import org.mlc.ledger.account.DonationReceived;
import org.mlc.ledger.account.PaperNotesDeposited;
import org.mlc.ledger.account.UnitsIssued;
import org.mlc.ledger.aid.AidFundingReceived;
import org.mlc.ledger.aid.AidGranted;
import org.mlc.ledger.aid.AidProgramClosed;
import org.mlc.ledger.aid.ExpiredUnitsReturned;
import org.mlc.ledger.api.infrastructure.GlobalIndex;
import org.mlc.ledger.bonus.BonusBudgetCommitted;
import org.mlc.ledger.bonus.SponsorPaymentReceived;
import org.mlc.ledger.counter.CashDiscrepancyRecorded;
import org.mlc.ledger.counter.NotesSold;
import org.mlc.ledger.counter.RemittanceConfirmed;
import org.mlc.ledger.counter.MembershipFeeReceived;
import org.mlc.ledger.account.MembershipFeePaid;
import org.mlc.ledger.counter.EurosConverted;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.mlc.ledger.payment.TransferReturned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The books as tables: the balance of every ledger account of both books, and for participant
 * accounts their status, balance and statement lines with running balance.
 */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

    public static final String GROUP = "ledger";

    private final JdbcTemplate jdbc;
    private final GlobalIndex globalIndex;

    public LedgerProjection(JdbcTemplate jdbc, GlobalIndex globalIndex) {
        this.jdbc = jdbc;
        this.globalIndex = globalIndex;
    }

    @EventHandler
    void on(AccountOpened event) {
        jdbc.update("INSERT INTO account_view (account_id, participant_id, owner_kind, currency, status, floor_minor, "
                        + "balance_minor, entry_count, opened_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?) "
                        + "ON CONFLICT (account_id) DO NOTHING",
                event.accountId().value(), event.owner().value(), event.ownerKind().name(), event.currency().value(),
                AccountStatus.ACTIVE.name(), event.floorMinor(), Timestamp.from(event.openedAt()));
    }

    @EventHandler
    void on(AccountFrozen event) {
        status(event.accountId().value(), AccountStatus.FROZEN);
    }

    @EventHandler
    void on(AccountUnfrozen event) {
        status(event.accountId().value(), AccountStatus.ACTIVE);
    }

    @EventHandler
    void on(AccountClosed event) {
        status(event.accountId().value(), AccountStatus.CLOSED);
    }

    @EventHandler
    void on(EurosConverted event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "CONVERSION", event.conversionId().value(),
                event.counterId().value(), null));
    }

    @EventHandler
    void on(UnitsIssued event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "CONVERSION", event.conversionId().value(),
                "counter " + event.counterId().value(), null));
    }

    @EventHandler
    void on(DonationGiven event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "DONATION_OUT", event.conversionId().value(),
                event.to().value(), null));
    }

    @EventHandler
    void on(DonationReceived event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "DONATION_IN", event.conversionId().value(),
                event.from().value(), null));
    }

    @EventHandler
    void on(NotesSold event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "NOTES_SOLD", event.conversionId().value(),
                event.counterId().value(), null));
    }

    @EventHandler
    void on(PaperNotesDeposited event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "NOTES_DEPOSIT", event.depositId().value(),
                "counter " + event.counterId().value(), null));
    }

    @EventHandler
    void on(CashDiscrepancyRecorded event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "DISCREPANCY", event.closingId().value(),
                event.counterId().value(), null));
    }

    @EventHandler
    void on(UnitsReconverted event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "RECONVERSION",
                event.reconversionId().value(), null, null));
        // The payout (another aggregate) may be projected before or after this: each side upserts.
        jdbc.update("INSERT INTO reconversion_view (reconversion_id, currency, account_id, units_minor, fee_minor, "
                        + "euros_minor, paid_out_minor, status, requested_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) "
                        + "ON CONFLICT (reconversion_id) DO UPDATE SET units_minor = EXCLUDED.units_minor, "
                        + "fee_minor = EXCLUDED.fee_minor", event.reconversionId().value(), event.currency().value(),
                event.accountId().value(), event.unitsMinor(), event.feeMinor(), event.eurosMinor(),
                event.eurosMinor() == 0 ? "NONE" : GuaranteeFund.PayoutStatus.REQUESTED.name(),
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(PayoutRequested event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "PAYOUT", event.reconversionId().value(),
                event.accountId().value(), null));
        jdbc.update("INSERT INTO reconversion_view (reconversion_id, currency, account_id, units_minor, fee_minor, "
                        + "euros_minor, paid_out_minor, status, requested_at) VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?) "
                        + "ON CONFLICT (reconversion_id) DO UPDATE SET paid_out_minor = EXCLUDED.paid_out_minor",
                event.reconversionId().value(), event.currency().value(), event.accountId().value(),
                event.eurosMinor(), event.eurosMinor(), GuaranteeFund.PayoutStatus.REQUESTED.name(),
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(PayoutPaid event) {
        jdbc.update("UPDATE reconversion_view SET status = ?, bank_order = ?, paid_at = ? WHERE reconversion_id = ?",
                GuaranteeFund.PayoutStatus.PAID.name(), event.bankOrder(), Timestamp.from(event.at()),
                event.reconversionId().value());
    }

    @EventHandler
    void on(PayoutConfirmed event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "PAYOUT_CONFIRMED",
                event.reconversionId().value(), null, event.bankReference()));
        jdbc.update("UPDATE reconversion_view SET status = ?, bank_reference = ?, confirmed_at = ? "
                        + "WHERE reconversion_id = ?", GuaranteeFund.PayoutStatus.CONFIRMED.name(),
                event.bankReference(), Timestamp.from(event.at()), event.reconversionId().value());
    }

    @EventHandler
    void on(MembershipFeeReceived event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "MEMBERSHIP",
                event.membershipId().value(), event.participantId().value(), null));
    }

    @EventHandler
    void on(MembershipFeePaid event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "MEMBERSHIP",
                event.membershipId().value(), null, "membership fee"));
    }

    @EventHandler
    void on(RemittanceConfirmed event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "REMITTANCE", event.remittanceId().value(),
                event.counterId().value(), event.bankReference()));
    }

    @EventHandler
    void on(BonusBudgetCommitted event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "SPONSOR_COMMITMENT", event.budgetId().value(),
                event.sponsor().value(), null));
    }

    @EventHandler
    void on(SponsorPaymentReceived event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "SPONSOR_PAYMENT", event.budgetId().value(),
                null, event.reference()));
    }

    @EventHandler
    void on(TransferDebited event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "PAYMENT_OUT", event.transferId().value(),
                event.to().value(), event.reference()));
    }

    @EventHandler
    void on(TransferCredited event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "PAYMENT_IN", event.transferId().value(),
                event.from().value(), null));
    }

    @EventHandler
    void on(TransferReturned event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "PAYMENT_RETURNED", event.transferId().value(),
                null, event.reason()));
    }

    @EventHandler
    void on(AidFundingReceived event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "AID_FUNDING", event.fundingId().value(),
                event.programId().value(), event.bankReference()));
    }

    @EventHandler
    void on(AidGranted event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "AID_GRANT", event.grantId().value(),
                "aid programme " + event.programId().value(), "until " + event.expiresOn()));
    }

    @EventHandler
    void on(ExpiredUnitsReturned event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "AID_EXPIRY", event.grantId().value(),
                "aid programme " + event.programId().value(), null));
    }

    @EventHandler
    void on(AidProgramClosed event, EventMessage<?> message) {
        book(event.postings(), new Line(globalIndex.of(message), event.at(), "AID_CLOSING",
                event.reconversionId().value(), event.programId().value(), null));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM account_entry");
        jdbc.update("DELETE FROM reconversion_view");
        jdbc.update("DELETE FROM account_view");
        jdbc.update("DELETE FROM ledger_balance");
    }

    /** What a statement line says besides its amount. */
    private record Line(long globalIndex, Instant at, String kind, String operationId, String counterparty,
                        String reference) {
    }

    private void book(Postings postings, Line line) {
        for (Posting posting : postings.lines()) {
            var account = posting.account();
            jdbc.update("INSERT INTO ledger_balance (ledger_account, book, currency, kind, balance_minor, entry_count) "
                            + "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (ledger_account) DO UPDATE SET "
                            + "balance_minor = ledger_balance.balance_minor + EXCLUDED.balance_minor, "
                            + "entry_count = ledger_balance.entry_count + 1",
                    account.code(), account.book().name(), account.currency(), account.kind().name(),
                    posting.amountMinor());
            if (account.kind() == LedgerAccountKind.PARTICIPANT) {
                entry(account.id(), posting.amountMinor(), line);
            }
        }
    }

    private void entry(String accountId, long amountMinor, Line line) {
        var updated = jdbc.queryForMap("UPDATE account_view SET balance_minor = balance_minor + ?, "
                + "entry_count = entry_count + 1 WHERE account_id = ? RETURNING balance_minor, entry_count",
                amountMinor, accountId);
        jdbc.update("INSERT INTO account_entry (account_id, line, global_index, booked_at, kind, operation_id, "
                        + "counterparty, reference, amount_minor, balance_after_minor) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                accountId, updated.get("entry_count"), line.globalIndex(), Timestamp.from(line.at()), line.kind(),
                line.operationId(), line.counterparty(), line.reference(), amountMinor, updated.get("balance_minor"));
    }

    private void status(String accountId, AccountStatus status) {
        jdbc.update("UPDATE account_view SET status = ? WHERE account_id = ?", status.name(), accountId);
    }
}
