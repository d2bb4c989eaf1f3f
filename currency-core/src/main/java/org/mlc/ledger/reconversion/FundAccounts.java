package org.mlc.ledger.reconversion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ReconversionId;

/**
 * The guarantee fund's bank accounts and what each holds. Every movement of the fund is on the
 * first account ("1", the implicit one until an account is declared) unless a
 * {@link FundMovementAttributed} puts it on another, so a fund with one account records nothing
 * more than before and its older events need no change.
 */
final class FundAccounts {

    static final String FIRST = "1";

    private final Map<String, FundAccount> declared = new LinkedHashMap<>();
    private final Map<String, Long> balances = new HashMap<>();
    private final Map<ReconversionId, String> payoutAccounts = new HashMap<>();

    /** The account named ({@code null}: the first), or {@code invalid} naming {@code fundAccount}. */
    String require(CurrencyCode currency, String account) {
        if (account == null || account.equals(FIRST) || declared.containsKey(account)) {
            return account == null ? FIRST : account;
        }
        throw DomainException.invalid("fund.unknown-bank-account", "the guarantee fund of {0} has no bank account {1}",
                currency, account).naming("fundAccount");
    }

    String nextId() {
        return String.valueOf(declared.size() + 1);
    }

    void requireNewIban(CurrencyCode currency, String iban) {
        if (declared.values().stream().anyMatch(a -> a.iban().equals(iban))) {
            throw DomainException.conflict("iban-already-declared", "fund.iban-already-declared",
                    "the guarantee fund of {0} has a bank account with IBAN {1} already", currency,
                            iban).naming("iban");
        }
    }

    /** More than one account: the figures are told apart by account. */
    boolean several() {
        return declared.size() > 1;
    }

    long balanceOf(String account) {
        return balances.getOrDefault(account, 0L);
    }

    /** The accounts in the order declared, each with its balance; the implicit one when none was declared. */
    List<FundAccount> all() {
        return declared.isEmpty() ? List.of(new FundAccount(FIRST, null, null)) : new ArrayList<>(declared.values());
    }

    String payoutAccount(ReconversionId reconversionId) {
        return payoutAccounts.getOrDefault(reconversionId, FIRST);
    }

    void declared(FundAccountDeclared event) {
        declared.put(event.fundAccount(), new FundAccount(event.fundAccount(), event.bank(), event.iban()));
    }

    /** A movement of the fund, on the first account until attributed elsewhere. */
    void moved(long eurosMinor) {
        balances.merge(FIRST, eurosMinor, Math::addExact);
    }

    void attributed(FundMovementAttributed event) {
        balances.merge(event.fundAccount(), event.eurosMinor(), Math::addExact);
        balances.merge(FIRST, -event.eurosMinor(), Math::addExact);
        if (GuaranteeFund.PAYOUT.equals(event.source())) {
            payoutAccounts.put(ReconversionId.of(event.sourceId()), event.fundAccount());
        }
    }
}
