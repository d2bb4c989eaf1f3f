package org.mlc.ledger.api.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What happened in each commune of a currency over a period, from the read side: the participants
 * of {@code participant_view} by their commune, their conversions ({@code conversion_view}), the
 * payments they received ({@code transfer_view}) and the aid units spent with them
 * ({@code aid_movement}). A report only: it reads those views, it decides nothing.
 */
@Component
public class TerritoryQueries {

    /** One commune's figures; amounts in minor units, {@code b2bVolumeMinor} paid by one professional to another. */
    public record CommuneFigures(String commune, long members, long merchants, long conversionsEurosMinor,
                                 long payments, long paymentsVolumeMinor, long b2bVolumeMinor, long aidSpentMinor) {
    }

    /** Where a participant is: its currency, commune and EPCI (null when not said). */
    public record Place(String currency, String commune, String epci) {
    }

    private final JdbcTemplate jdbc;

    public TerritoryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Place> placeOf(String participantId) {
        return jdbc.query("SELECT currency, commune, epci FROM participant_view WHERE participant_id = ?",
                (rs, row) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3)), participantId)
                .stream().findFirst();
    }

    /** The communes where participants of this EPCI are, in a currency. */
    public List<String> communesOf(String currency, String epci) {
        return jdbc.queryForList("SELECT DISTINCT commune FROM participant_view WHERE currency = ? AND epci = ? "
                + "AND commune IS NOT NULL ORDER BY commune", String.class, currency, epci);
    }

    /**
     * Each commune where a participant of {@code currency} is: its members and merchants (registered
     * now), and from {@code start} (inclusive) to {@code end} (exclusive) the euros its participants
     * converted (cancelled conversions left out), the payments its participants received (completed),
     * their volume and the part paid between professionals (neither payer nor payee a member), and
     * the earmarked aid units spent with its merchants; by commune.
     */
    public List<CommuneFigures> byCommune(String currency, Instant start, Instant end) {
        Map<String, long[]> figures = new TreeMap<>();
        Timestamp from = Timestamp.from(start);
        Timestamp to = Timestamp.from(end);
        jdbc.query("SELECT commune, SUM(CASE WHEN kind = 'MEMBER' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN kind = 'MERCHANT' THEN 1 ELSE 0 END) FROM participant_view "
                        + "WHERE currency = ? AND commune IS NOT NULL GROUP BY commune",
                (java.sql.ResultSet rs) -> {
                    long[] f = figures.computeIfAbsent(rs.getString(1), c -> new long[7]);
                    f[0] = rs.getLong(2);
                    f[1] = rs.getLong(3);
                }, currency);
        jdbc.query("SELECT p.commune, SUM(c.euros_minor) FROM conversion_view c "
                        + "JOIN participant_view p ON p.account_id = c.account_id "
                        + "WHERE c.currency = ? AND c.cancelled_at IS NULL AND c.converted_at >= ? AND c.converted_at < ? "
                        + "AND p.commune IS NOT NULL GROUP BY p.commune",
                (java.sql.ResultSet rs) -> {
                    figures.computeIfAbsent(rs.getString(1), c -> new long[7])[2] = rs.getLong(2);
                }, currency, from, to);
        jdbc.query("SELECT p.commune, COUNT(*), SUM(t.amount_minor), "
                        + "SUM(CASE WHEN f.kind <> 'MEMBER' AND p.kind <> 'MEMBER' THEN t.amount_minor ELSE 0 END) "
                        + "FROM transfer_view t JOIN participant_view p ON p.account_id = t.to_account "
                        + "JOIN participant_view f ON f.account_id = t.from_account "
                        + "WHERE t.currency = ? AND t.status = 'COMPLETED' AND t.requested_at >= ? AND t.requested_at < ? "
                        + "AND p.commune IS NOT NULL GROUP BY p.commune",
                (java.sql.ResultSet rs) -> {
                    long[] f = figures.computeIfAbsent(rs.getString(1), c -> new long[7]);
                    f[3] = rs.getLong(2);
                    f[4] = rs.getLong(3);
                    f[5] = rs.getLong(4);
                }, currency, from, to);
        jdbc.query("SELECT p.commune, SUM(m.units_minor) FROM aid_movement m "
                        + "JOIN participant_view p ON p.account_id = m.payee_account_id "
                        + "WHERE m.kind = 'SPENT' AND p.currency = ? AND m.at >= ? AND m.at < ? "
                        + "AND p.commune IS NOT NULL GROUP BY p.commune",
                (java.sql.ResultSet rs) -> {
                    figures.computeIfAbsent(rs.getString(1), c -> new long[7])[6] = rs.getLong(2);
                }, currency, from, to);
        return figures.entrySet().stream().map(e -> {
            long[] f = e.getValue();
            return new CommuneFigures(e.getKey(), f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
        }).toList();
    }
}
