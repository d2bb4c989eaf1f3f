package org.mlc.ledger.api.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Currency indicators per calendar month (UTC), from the journal and the payment and conversion
 * views. Balances are taken at the end of the month; flows over the month. Plain JDBC, so the
 * operator command line computes the same figures as the API.
 */
public final class Indicators {

    /** Decimals of ratios (velocity, coverage, B2B share); rounded down, never flattering. */
    public static final int RATIO_DECIMALS = 4;
    /** A report covers at most this many months: ten years. */
    public static final int MAX_MONTHS = 120;

    public static final List<String> CSV_COLUMNS = List.of("currency", "month", "inCirculationMinor", "electronicMinor",
            "paperMinor", "inTransitMinor", "backingMinor", "coverageRatio", "conversions", "conversionEurosMinor",
            "conversionUnitsMinor", "bonusMinor", "redeemedUnitsMinor", "payments", "paymentVolumeMinor",
            "b2bPayments", "b2bVolumeMinor", "b2bShare", "velocity", "activeMembers", "activeMerchants");

    private final JdbcTemplate jdbc;

    public Indicators(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of one month; amounts in minor units, ratios as exact decimal strings or null. */
    public record Month(String currency, YearMonth month, long inCirculationMinor, long electronicMinor,
                        long paperMinor, long inTransitMinor, long backingMinor, String coverageRatio,
                        long conversions, long conversionEurosMinor, long conversionUnitsMinor, long bonusMinor,
                        long redeemedUnitsMinor, long payments, long paymentVolumeMinor, long b2bPayments,
                        long b2bVolumeMinor, String b2bShare, String velocity, long activeMembers,
                        long activeMerchants) {

        public List<Object> csvValues() {
            return List.of(currency, month.toString(), inCirculationMinor, electronicMinor, paperMinor,
                    inTransitMinor, backingMinor, text(coverageRatio), conversions, conversionEurosMinor,
                    conversionUnitsMinor, bonusMinor, redeemedUnitsMinor, payments, paymentVolumeMinor, b2bPayments,
                    b2bVolumeMinor, text(b2bShare), text(velocity), activeMembers, activeMerchants);
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
        Timestamp start = Timestamp.from(start(month));
        Timestamp end = Timestamp.from(start(month.plusMonths(1)));
        Map<LedgerAccountKind, Long> opening = balancesBefore(currency, start);
        Map<LedgerAccountKind, Long> closing = balancesBefore(currency, end);
        long electronic = closing.getOrDefault(LedgerAccountKind.PARTICIPANT, 0L)
                + closing.getOrDefault(LedgerAccountKind.AID_PROGRAM, 0L);
        long paper = closing.getOrDefault(LedgerAccountKind.PAPER_IN_CIRCULATION, 0L);
        long inTransit = closing.getOrDefault(LedgerAccountKind.IN_TRANSIT, 0L);
        long circulation = electronic + paper + inTransit;
        long backing = backing(closing);
        long openingCirculation = circulation(opening);

        Map<String, Object> conversions = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(euros_minor), 0) AS euros, "
                + "COALESCE(SUM(units_minor), 0) AS units, COALESCE(SUM(bonus_minor), 0) AS bonus FROM conversion_view "
                + "WHERE currency = ? AND converted_at >= ? AND converted_at < ?", currency, start, end);
        // units coming back to issuance are burnt: reconversions, and whatever else retires units
        Long redeemed = jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM journal_entry WHERE currency = ? "
                + "AND kind = 'ISSUANCE' AND amount_minor > 0 AND booked_at >= ? AND booked_at < ?", Long.class,
                currency, start, end);
        Map<String, Object> payments = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(t.amount_minor), 0) AS volume, "
                + "COUNT(*) FILTER (WHERE f.owner_kind = 'MERCHANT' AND p.owner_kind = 'MERCHANT') AS b2b, "
                + "COALESCE(SUM(t.amount_minor) FILTER (WHERE f.owner_kind = 'MERCHANT' AND p.owner_kind = 'MERCHANT'), 0) "
                + "AS b2b_volume FROM transfer_view t JOIN account_view f ON f.account_id = t.from_account "
                + "JOIN account_view p ON p.account_id = t.to_account WHERE t.currency = ? AND t.status = 'COMPLETED' "
                + "AND t.requested_at >= ? AND t.requested_at < ?", currency, start, end);
        Map<String, Object> active = jdbc.queryForMap("SELECT COUNT(DISTINCT a.account_id) FILTER (WHERE a.owner_kind = "
                + "'MEMBER') AS members, COUNT(DISTINCT a.account_id) FILTER (WHERE a.owner_kind = 'MERCHANT') AS merchants "
                + "FROM transfer_view t JOIN account_view a ON a.account_id IN (t.from_account, t.to_account) "
                + "WHERE t.currency = ? AND t.status = 'COMPLETED' AND t.requested_at >= ? AND t.requested_at < ?",
                currency, start, end);
        long volume = number(payments, "volume");
        long b2bVolume = number(payments, "b2b_volume");
        // velocity: how many times the average unit in circulation changed hands over the month
        long averageCirculationTimesTwo = openingCirculation + circulation;
        return new Month(currency, month, circulation, electronic, paper, inTransit, backing,
                ratio(backing, circulation), number(conversions, "n"), number(conversions, "euros"),
                number(conversions, "units"), number(conversions, "bonus"), redeemed == null ? 0 : redeemed,
                number(payments, "n"), volume, number(payments, "b2b"), b2bVolume, ratio(b2bVolume, volume),
                ratio(2 * volume, averageCirculationTimesTwo), number(active, "members"), number(active, "merchants"));
    }

    /** Units held by the public (electronic, aid programmes' included, paper, in transit). */
    static long circulation(Map<LedgerAccountKind, Long> balances) {
        return balances.getOrDefault(LedgerAccountKind.PARTICIPANT, 0L)
                + balances.getOrDefault(LedgerAccountKind.AID_PROGRAM, 0L)
                + balances.getOrDefault(LedgerAccountKind.PAPER_IN_CIRCULATION, 0L)
                + balances.getOrDefault(LedgerAccountKind.IN_TRANSIT, 0L);
    }

    /**
     * Euros that back them: the fund, cash at counters not yet remitted, sponsor money committed,
     * less the membership fees paid in euros (negative balance), which sit there but are not backing.
     */
    static long backing(Map<LedgerAccountKind, Long> balances) {
        return balances.getOrDefault(LedgerAccountKind.GUARANTEE_FUND, 0L)
                + balances.getOrDefault(LedgerAccountKind.COUNTER_CASH, 0L)
                + balances.getOrDefault(LedgerAccountKind.SPONSOR_COMMITTED, 0L)
                + balances.getOrDefault(LedgerAccountKind.MEMBERSHIP_FEES, 0L);
    }

    private Map<LedgerAccountKind, Long> balancesBefore(String currency, Timestamp before) {
        Map<LedgerAccountKind, Long> sums = new EnumMap<>(LedgerAccountKind.class);
        jdbc.query("SELECT kind, SUM(amount_minor) AS total FROM journal_entry WHERE currency = ? AND booked_at < ? "
                + "GROUP BY kind", rs -> {
                    sums.put(LedgerAccountKind.valueOf(rs.getString("kind")), rs.getLong("total"));
                }, currency, before);
        return sums;
    }

    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public static String ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATIO_DECIMALS, RoundingMode.DOWN)
                .toPlainString();
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
