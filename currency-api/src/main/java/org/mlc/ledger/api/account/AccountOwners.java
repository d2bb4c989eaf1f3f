package org.mlc.ledger.api.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.mlc.ledger.api.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whose an account is and its currency, remembered once seen: neither ever changes after the
 * account is opened, and every payment asks both for its two accounts (who may pay from it, are
 * both in one currency), which made three queries of each payment.
 */
@Component
public class AccountOwners {

    /** An account's owner (null for the association's own accounts) and currency. */
    public record Owner(String participantId, String currency) {
    }

    /** Accounts remembered at most; beyond, the least used are read again when asked. */
    static final long MAX_ACCOUNTS_REMEMBERED = 200_000;

    private final AccountQueries accounts;
    private final Cache<String, Owner> known = Caffeine.newBuilder().maximumSize(MAX_ACCOUNTS_REMEMBERED).build();

    public AccountOwners(AccountQueries accounts) {
        this.accounts = accounts;
    }

    /** The account's owner and currency, or empty when no such account is known (yet). */
    public Optional<Owner> of(String accountId) {
        Owner owner = known.getIfPresent(accountId);
        if (owner != null) {
            return Optional.of(owner);
        }
        Optional<Owner> found = accounts.find(accountId).map(account -> new Owner(account.participantId(),
                account.currency()));
        found.ifPresent(seen -> known.put(accountId, seen));
        return found;
    }

    /** The account's currency, or a 404 naming {@code field} when no such account is known. */
    public String currencyOf(String accountId, String field) {
        return of(accountId).map(Owner::currency).orElseThrow(() ->
                ApiException.of(HttpStatus.NOT_FOUND, "not-found", field, "web.unknown.account",
                        "unknown account {0}", accountId));
    }
}
