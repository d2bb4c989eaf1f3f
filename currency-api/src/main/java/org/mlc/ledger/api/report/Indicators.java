package org.mlc.ledger.api.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.api.payment.TransferQueries;
import org.mlc.ledger.ledger.Coverage;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.api.demurrage.DemurrageQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Currency indicators per calendar month (UTC), from the journal and the payment and conversion
 * views. Balances are taken at the end of the month; flows over the month. The operator command
 * line makes one from its own {@link JdbcTemplate}, so it computes the same figures as the API.
 */
@Component
public final class Indicators {

    /** Decimals of ratios (velocity, coverage, B2B share); rounded down, never flattering. */
    public static final int RATIO_DECIMALS = Coverage.RATIO_DECIMALS;
    /** A report covers at most this many months: ten years. */
    public static final int MAX_MONTHS = 120;

    public static final List<String> CSV_COLUMNS = List.of("currency", "month", "inCirculationMinor", "electronicMinor",
            "paperMinor", "inTransitMinor", "backingMinor", "coverageRatio", "cashCoverageRatio", "sponsorReceivableMinor",
            "counterShortfallMinor", "underBackedByMinor", "conversions", "conversionEurosMinor",
            "conversionUnitsMinor", "bonusMinor", "redeemedUnitsMinor", "payments", "paymentVolumeMinor",
            "b2bPayments", "b2bVolumeMinor", "b2bShare", "velocity", "activeMembers", "activeMerchants",
            "fonteCollectedMinor");

    private final JournalQueries journal;
    private final ConversionQueries conversions;
    private final TransferQueries transfers;
    private final DemurrageQueries demurrage;

    @Autowired
    public Indicators(JournalQueries journal, ConversionQueries conversions, TransferQueries transfers,
                      DemurrageQueries demurrage) {
        this.demurrage = demurrage;
        this.journal = journal;
        this.conversions = conversions;
        this.transfers = transfers;
    }

    /** Outside the application (the operator command line): the same figures from that database. */
    public Indicators(JdbcTemplate jdbc) {
        this(new JournalQueries(jdbc), new ConversionQueries(jdbc), new TransferQueries(jdbc),
                new DemurrageQueries(jdbc));
    }

    /**
     * The figures of one month; amounts in minor units, ratios as exact decimal strings or null.
     * Circulation and backing are {@link Coverage}'s, at the end of the month.
     */
    public record Month(String currency, YearMonth month, long inCirculationMinor, long electronicMinor,
                        long paperMinor, long inTransitMinor, long backingMinor, String coverageRatio,
                        String cashCoverageRatio, long sponsorReceivableMinor, long counterShortfallMinor,
                        long underBackedByMinor,
                        long conversions, long conversionEurosMinor, long conversionUnitsMinor, long bonusMinor,
                        long redeemedUnitsMinor, long payments, long paymentVolumeMinor, long b2bPayments,
                        long b2bVolumeMinor, String b2bShare, String velocity, long activeMembers,
                        long activeMerchants, long fonteCollectedMinor) {

        public List<Object> csvValues() {
            return List.of(currency, month.toString(), inCirculationMinor, electronicMinor, paperMinor,
                    inTransitMinor, backingMinor, text(coverageRatio), text(cashCoverageRatio), sponsorReceivableMinor,
                    counterShortfallMinor, underBackedByMinor, conversions, conversionEurosMinor,
                    conversionUnitsMinor, bonusMinor, redeemedUnitsMinor, payments, paymentVolumeMinor, b2bPayments,
                    b2bVolumeMinor, text(b2bShare), text(velocity), activeMembers, activeMerchants,
                    fonteCollectedMinor);
        }

        private static String text(String ratio) {
            return ratio == null ? "" : ratio;
        }
    }

    public List<Month> months(String currency, YearMonth from, YearMonth to) {
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw new IllegalArgumentException("from must not be after to, and at most " + MAX_MONTHS + " months");
        }
        List<Month> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(month(currency, month));
        }
        return months;
    }

    public Month month(String currency, YearMonth month) {
        Instant start = start(month);
        Instant end = start(month.plusMonths(1));
        Map<LedgerAccountKind, Long> opening = journal.balancesBefore(currency, start);
        Coverage closing = Coverage.of(journal.balancesBefore(currency, end), sponsorReceivableBefore(currency, end));
        long circulation = closing.inCirculationMinor();
        long openingCirculation = Coverage.of(opening, 0).inCirculationMinor();

        ConversionQueries.Totals converted = conversions.totalsOfCurrency(currency, start, end);
        long redeemed = journal.redeemedUnitsMinor(currency, start, end);
        TransferQueries.PaymentFigures payments = transfers.completed(currency, start, end);
        TransferQueries.ActiveAccounts active = transfers.active(currency, start, end);
        long volume = payments.volumeMinor();
        long b2bVolume = payments.b2bVolumeMinor();
        // velocity: how many times the average unit in circulation changed hands over the month
        long averageCirculationTimesTwo = openingCirculation + circulation;
        return new Month(currency, month, circulation, closing.electronicMinor(), closing.paperMinor(),
                closing.inTransitMinor(), closing.backingMinor(), closing.coverageRatio(), closing.cashCoverageRatio(),
                closing.sponsorReceivableMinor(), closing.counterShortfallMinor(), closing.underBackedByMinor(),
                converted.conversions(), converted.eurosMinor(),
                converted.unitsMinor(), converted.bonusMinor(), redeemed,
                payments.payments(), volume, payments.b2bPayments(), b2bVolume, ratio(b2bVolume, volume),
                ratio(2 * volume, averageCirculationTimesTwo), active.members(), active.merchants(),
                demurrage.collectedMinor(currency, start, end));
    }

    /**
     * What the sponsors owed at that instant for the bonus drawn: all bonus granted before it, less
     * all they had paid in. Summed over the currency rather than per budget (the views keep no
     * history per budget), so a budget paid ahead of its draws offsets another's debt: never more
     * than the supply's per-budget figure, equal to it when no sponsor pays ahead.
     */
    private long sponsorReceivableBefore(String currency, Instant before) {
        long drawn = conversions.totalsOfCurrency(currency, Instant.EPOCH, before).bonusMinor();
        return Math.max(0, drawn - journal.sponsorPaidInBefore(currency, before));
    }

    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(CivilDay.ZONE).toInstant();
    }

    public static String ratio(long numerator, long denominator) {
        return Coverage.ratio(numerator, denominator);
    }
}
