package org.mlc.ledger.api.transparency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.currency.SupplyQuery;
import org.mlc.ledger.api.participant.MerchantProfileQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.report.Indicators;
import org.mlc.ledger.money.Amounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the public sees of a currency, computed by the same code as the authenticated views (the
 * supply: {@link SupplyQuery}, so {@code ledger/Coverage}; the months: {@link Indicators}) and
 * kept a short while ({@code mlc.public-figures.cache-seconds}): anonymous readers cannot make the
 * ledger recompute its books at every request. Nothing here names a member: counts only.
 */
@Component
public class PublicFigures {

    /** The conversion rate: {@code euros} buy {@code units}. */
    public record Conversion(String euros, String units) {
    }

    /**
     * A currency's public figures; amounts as decimal strings, ratios as exact decimal strings or
     * null (nothing in circulation); {@code fundBanks}: the banks holding the guarantee fund.
     */
    public record Figures(String code, String name, Conversion conversion, String inCirculation, String electronic,
                          String paper, String guaranteeFund, String backing, String coverageRatio,
                          String cashCoverageRatio, long approvedMerchants, long members, List<String> fundBanks,
                          Instant asOf) {
    }

    /** A month's circulation and backing, at its end (the indicators' figures). */
    public record Month(String month, String inCirculation, String electronic, String paper, String backing,
                        String coverageRatio, String cashCoverageRatio) {
    }

    public record History(String code, List<Month> months, Instant asOf) {
    }

    private final CurrencyQueries currencies;
    private final SupplyQuery supply;
    private final ParticipantQueries participants;
    private final MerchantProfileQueries profiles;
    private final Indicators indicators;
    private final Clock clock;
    private final Cache<List<Object>, Object> cache;

    public PublicFigures(CurrencyQueries currencies, SupplyQuery supply, ParticipantQueries participants,
                         MerchantProfileQueries profiles, Indicators indicators, Clock clock,
                         @Value("${mlc.public-figures.cache-seconds:60}") long cacheSeconds) {
        this.currencies = currencies;
        this.supply = supply;
        this.participants = participants;
        this.profiles = profiles;
        this.indicators = indicators;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(Math.max(0, cacheSeconds)))
                .maximumSize(1_000).build();
    }

    /** Every currency's figures, by code (the list itself is read afresh: a new currency shows at once). */
    public List<Figures> all() {
        return currencies.all().stream()
                .map(c -> this.<Figures>cached(List.of("currency", c.code()), () -> compute(c.code()))).toList();
    }

    /** A currency's figures; empty for an unknown currency. */
    public Optional<Figures> of(String code) {
        if (currencies.find(code).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cached(List.of("currency", code), () -> compute(code)));
    }

    /** Month by month, {@code from} to {@code to} included (the caller checked the currency and the period). */
    public History history(String code, YearMonth from, YearMonth to) {
        return cached(List.of("history", code, from, to), () -> new History(code,
                indicators.months(code, from, to).stream().map(m -> new Month(m.month().toString(),
                        Amounts.format(m.inCirculationMinor()), Amounts.format(m.electronicMinor()),
                        Amounts.format(m.paperMinor()), Amounts.format(m.backingMinor()), m.coverageRatio(),
                        m.cashCoverageRatio())).toList(), clock.instant()));
    }

    /** The public directory (see {@link MerchantProfileQueries#directory}); blank filters are none. */
    public List<MerchantProfileQueries.PublicMerchant> merchants(String currency, String filiere, String commune,
                                                                 String query) {
        List<Object> key = java.util.Arrays.asList("merchants", currency, filiere, commune, query);
        return cached(key, () -> profiles.directory(currency, filiere, commune, query));
    }

    /** The communes of a currency's directory, for the search form. */
    public List<String> communes(String currency) {
        return cached(List.of("communes", currency), () -> profiles.communes(currency));
    }

    private Figures compute(String code) {
        CurrencyQueries.Currency currency = currencies.find(code).orElseThrow();
        SupplyQuery.Supply figures = supply.of(code);
        ParticipantQueries.Counts counts = participants.counts(code);
        return new Figures(code, currency.name(), new Conversion(Amounts.format(currency.conversionEurosMinor()),
                Amounts.format(currency.conversionUnitsMinor())), figures.inCirculation(), figures.electronic(),
                figures.paper(), figures.guaranteeFund(), figures.backing(), figures.coverageRatio(),
                figures.cashCoverageRatio(), counts.approvedMerchants(), counts.members(),
                figures.fundByBank().stream().map(SupplyQuery.FundByBank::bank)
                        .filter(bank -> bank != null && !bank.isBlank()).distinct().sorted().toList(),
                clock.instant());
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(List<Object> key, Supplier<T> compute) {
        return (T) cache.get(key, k -> compute.get());
    }
}
