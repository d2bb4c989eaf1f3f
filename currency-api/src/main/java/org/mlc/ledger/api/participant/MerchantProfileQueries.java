package org.mlc.ledger.api.participant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Merchants' public profiles as {@link MerchantProfileProjection} writes them in
 * {@code merchant_profile_view}: the one place that reads it. The public directory is read here,
 * and only here: approved merchants (never a suspended or withdrawn one, never another kind) that
 * published a profile, with the fields they published and nothing else.
 */
@Component
public class MerchantProfileQueries {

    /** The public directory answers at most this many merchants. */
    public static final int MAX_LISTED = 2_000;

    /** A published profile; coordinates exact (null when not given). */
    public record Profile(String participantId, String currency, String address, String postcode, String commune,
                          BigDecimal latitude, BigDecimal longitude, String description, String website,
                          String openingHours) {
    }

    /** One merchant of the public directory: its member number, name and filière, and its profile. */
    public record PublicMerchant(String number, String name, String filiere, Profile profile) {
    }

    private static final String PROFILE_COLUMNS = "m.participant_id, m.currency, m.address, m.postcode, m.commune, "
            + "m.latitude, m.longitude, m.description, m.website, m.opening_hours";

    private final JdbcTemplate jdbc;

    public MerchantProfileQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Profile> profile(String participantId) {
        return jdbc.query("SELECT " + PROFILE_COLUMNS + " FROM merchant_profile_view m WHERE m.participant_id = ?",
                (RowMapper<Profile>) (rs, row) -> profile(rs), participantId).stream().findFirst();
    }

    /**
     * The public directory of a currency (null: every currency): approved merchants with a published profile, of a filière
     * and a commune when given (the commune's case and accents ignored), whose name contains
     * {@code query} when given (likewise); by name, then number.
     */
    public List<PublicMerchant> directory(String currency, String filiere, String commune, String query) {
        String q = query == null ? "" : query.strip();
        String c = commune == null ? "" : commune.strip();
        return jdbc.query("SELECT p.number, p.name, p.filiere, " + PROFILE_COLUMNS
                        + " FROM merchant_profile_view m JOIN participant_view p ON p.participant_id = m.participant_id "
                        + "WHERE p.kind = 'MERCHANT' AND p.merchant_status = 'APPROVED' AND p.number IS NOT NULL "
                        + "AND (CAST(? AS VARCHAR) IS NULL OR m.currency = ?) "
                        + "AND (CAST(? AS VARCHAR) IS NULL OR p.filiere = ?) "
                        + "AND (? = '' OR m.search_commune = mlc_fold(?)) "
                        + "AND (? = '' OR p.search_name LIKE mlc_fold(?)) "
                        + "ORDER BY p.search_name, p.number LIMIT ?",
                (rs, row) -> new PublicMerchant(rs.getString("number"), rs.getString("name"), rs.getString("filiere"),
                        profile(rs)),
                currency, currency, filiere, filiere, c, c, q, "%" + likeEscaped(q) + "%", MAX_LISTED);
    }

    /** The communes of a currency's public directory, for the search form; by name. */
    public List<String> communes(String currency) {
        return jdbc.queryForList("SELECT DISTINCT m.commune FROM merchant_profile_view m "
                + "JOIN participant_view p ON p.participant_id = m.participant_id "
                + "WHERE m.currency = ? AND p.kind = 'MERCHANT' AND p.merchant_status = 'APPROVED' "
                + "ORDER BY m.commune", String.class, currency);
    }

    private static Profile profile(ResultSet rs) throws SQLException {
        return new Profile(rs.getString("participant_id"), rs.getString("currency"), rs.getString("address"),
                rs.getString("postcode"), rs.getString("commune"), decimal(rs.getString("latitude")),
                decimal(rs.getString("longitude")), rs.getString("description"), rs.getString("website"),
                rs.getString("opening_hours"));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
