package org.mlc.ledger.api.demurrage;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.currency.Demurrage;
import org.mlc.ledger.money.Amounts;
import org.springframework.stereotype.Component;

/**
 * What the association's dashboard and the public page say of a currency's fonte while it is on:
 * its rate, its period, the next due date, whom it benefits (by name, never an id) and what it
 * collected so far, from the accounts (the runs) and from paper notes (revalidation stamps).
 */
@Component
public class FonteExplained {

    /**
     * A fonte in the words of a page: {@code rate} a percentage as written in the page's language,
     * amounts as decimal strings; {@code threshold} null when every unit melts.
     */
    public record Fonte(String rate, int periodMonths, LocalDate nextDueOn, LocalDate periodFrom, String threshold,
                        String beneficiary, String collected, String collectedFromAccounts,
                        String collectedFromNotes) {
    }

    private final CurrencyQueries currencies;
    private final DemurrageQueries fonte;
    private final ParticipantQueries participants;

    public FonteExplained(CurrencyQueries currencies, DemurrageQueries fonte, ParticipantQueries participants) {
        this.currencies = currencies;
        this.fonte = fonte;
        this.participants = participants;
    }

    /** The currency's fonte on {@code today}, empty while it has none. */
    public Optional<Fonte> of(String code, LocalDate today, Locale locale) {
        return currencies.demurrage(code).map(policy -> {
            Demurrage rule = DemurrageJob.policy(policy);
            LocalDate next = rule.nextDueOnOrAfter(today);
            long accounts = fonte.collectedMinor(code);
            long notes = fonte.revalidationFeesMinor(code);
            String beneficiary = policy.beneficiary() == null ? null
                    : participants.find(policy.beneficiary()).map(ParticipantQueries.Participant::name).orElse(null);
            return new Fonte(percent(policy.rateNumerator(), policy.rateDenominator(), locale), policy.periodMonths(),
                    next, rule.periodStart(next), policy.thresholdMinor() == 0 ? null
                    : Amounts.format(policy.thresholdMinor()), beneficiary, Amounts.format(accounts + notes),
                    Amounts.format(accounts), Amounts.format(notes));
        });
    }

    /** An exact rate as a percentage, all its decimals kept ("1,5 %", "0,0001 %"). */
    static String percent(long numerator, long denominator, Locale locale) {
        BigDecimal value = new BigDecimal(numerator).movePointRight(2).divide(new BigDecimal(denominator),
                java.math.MathContext.DECIMAL64).stripTrailingZeros();
        DecimalFormat format = new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(locale));
        return format.format(value) + " %";
    }
}
