package org.mlc.ledger.demurrage;

import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.participant.ParticipantKind;

/**
 * Sets the demurrage policy on the currency. Here rather than on {@link Currency} itself: the
 * beneficiary is checked on its account (an association's, of that currency) and kinds are the
 * participant package's, both after the currency package.
 */
class DemurragePolicyHandler {

    /** Who melts when the currency does not say: the accounts that circulate, not the associations'. */
    static final Set<ParticipantKind> DEFAULT_KINDS = EnumSet.of(ParticipantKind.MEMBER, ParticipantKind.MERCHANT);

    private final Repository<Account> accounts;
    private final Repository<Currency> currencies;

    DemurragePolicyHandler(Repository<Account> accounts, Repository<Currency> currencies) {
        this.accounts = accounts;
        this.currencies = currencies;
    }

    @CommandHandler
    public CurrencyCode handle(SetDemurrage command) {
        ParticipantId beneficiary = null;
        if (command.beneficiaryAccount() != null) {
            Account account = Aggregates.loadOr(accounts, command.beneficiaryAccount().value(),
                    DomainException.notFound("unknown.beneficiary-account", "unknown beneficiary account {0}",
                            command.beneficiaryAccount()).naming("beneficiary")).invoke(a -> a);
            if (account.ownerKind() != ParticipantKind.ASSOCIATION || !account.currency().equals(command.currency())) {
                throw DomainException.refused("beneficiary-not-association", "demurrage.beneficiary-not-association",
                        "beneficiary {0} must be an association of {1}", account.owner(), command.currency())
                        .naming("beneficiary");
            }
            beneficiary = account.owner();
        }
        Set<ParticipantKind> kinds = command.kinds() == null ? DEFAULT_KINDS : command.kinds();
        if (kinds.stream().anyMatch(java.util.Objects::isNull)) {
            throw DomainException.invalid("demurrage.kinds-required",
                    "kinds is required: the participant kinds whose accounts melt, e.g. [\"MEMBER\"]").naming("kinds");
        }
        ParticipantId named = beneficiary;
        Aggregates.load(currencies, command.currency().value(), "currency").execute(currency ->
                currency.setDemurrage(command.rate(), command.periodMonths(), command.firstDueOn(),
                        command.thresholdMinor(), kinds.stream().map(Enum::name).toList(), named,
                        command.beneficiaryAccount(), command.includeEarmarked(), command.at()));
        return command.currency();
    }
}
