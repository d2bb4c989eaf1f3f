package org.mlc.ledger.api.report;

import java.util.EnumMap;
import java.util.Map;
import org.mlc.ledger.ledger.Book;
import org.mlc.ledger.ledger.LedgerAccountKind;

/**
 * How the ledger's account kinds map to the association's chart of accounts (plan comptable
 * associatif) in the FEC export; documented in docs/accounting.md. The EUR book maps to balance
 * sheet accounts; the MLC book, valued at parity (1 unit backed by 1 euro), to class 8 memorandum
 * accounts (engagements); the currency of the units is named in each line's label, never in
 * Idevise, which takes ISO 4217 codes only.
 */
public final class ChartOfAccounts {

    public record Account(String number, String label) {
    }

    public record Journal(String code, String label) {
    }

    /** Where a kind added later lands until it is mapped: a suspense account the accountant sees at once. */
    public static final Account SUSPENSE = new Account("471000", "Compte d'attente (type de compte non encore ventilé)");

    private static final Map<LedgerAccountKind, Account> ACCOUNTS = new EnumMap<>(LedgerAccountKind.class);

    static {
        ACCOUNTS.put(LedgerAccountKind.GUARANTEE_FUND, new Account("512100", "Banque - fonds de garantie"));
        ACCOUNTS.put(LedgerAccountKind.COUNTER_CASH, new Account("531100", "Caisses des comptoirs de change"));
        ACCOUNTS.put(LedgerAccountKind.SPONSOR_COMMITTED, new Account("441100", "Financeurs - bonus engagés à recevoir"));
        // a closing's difference is a sum to regularise (covered by the association, or found at a
        // recount), not yet a loss or a gain: its own sub-account of 471, apart from the suspense
        ACCOUNTS.put(LedgerAccountKind.COUNTER_DISCREPANCY,
                new Account("471800", "Écarts de caisse des comptoirs à régulariser"));
        ACCOUNTS.put(LedgerAccountKind.PAYOUTS_DUE, new Account("467200", "Prestataires - reconversions à payer"));
        ACCOUNTS.put(LedgerAccountKind.OUTSIDE, new Account("467100", "Monnaie locale - contrepartie des euros"));
        ACCOUNTS.put(LedgerAccountKind.ISSUANCE, new Account("801100", "Monnaie locale - unités émises"));
        ACCOUNTS.put(LedgerAccountKind.PARTICIPANT, new Account("801200", "Monnaie locale - comptes des porteurs"));
        ACCOUNTS.put(LedgerAccountKind.IN_TRANSIT, new Account("801300", "Monnaie locale - virements en cours"));
        ACCOUNTS.put(LedgerAccountKind.PAPER_IN_CIRCULATION, new Account("801400", "Monnaie locale - billets en circulation"));
        ACCOUNTS.put(LedgerAccountKind.FEES, new Account("801500", "Monnaie locale - commissions de reconversion"));
        ACCOUNTS.put(LedgerAccountKind.MEMBERSHIP_FEES, new Account("756000", "Cotisations des adhérents"));
        ACCOUNTS.put(LedgerAccountKind.AID_PROGRAM, new Account("801600", "Monnaie locale - programmes d'aide (CCAS)"));
    }

    private ChartOfAccounts() {
    }

    public static Account account(LedgerAccountKind kind) {
        return ACCOUNTS.getOrDefault(kind, SUSPENSE);
    }

    public static Journal journal(Book book) {
        return book == Book.EUR ? new Journal("EUR", "Trésorerie en euros")
                : new Journal("MLC", "Monnaie locale (unités, à parité)");
    }
}
