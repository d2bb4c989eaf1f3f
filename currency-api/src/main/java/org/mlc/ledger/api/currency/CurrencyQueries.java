package org.mlc.ledger.api.currency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Currencies as {@link CurrencyProjection} writes them in {@code currency_view}: the one place that reads it. */
@Component
public class CurrencyQueries {

    /**
     * A currency and its policies as the read side knows them; {@code bonusEligibleKinds}: the
     * participant kinds that may get the bonus, sorted (members only until the currency says).
     */
    public record Currency(String code, String name, long conversionEurosMinor, long conversionUnitsMinor,
                           long reconversionFeeBasisPoints, long membershipFeeMinor, boolean membershipRequired,
                           Instant definedAt, List<String> bonusEligibleKinds, Map<String, Long> membershipFeesByKind) {
    }

    private static final String COLUMNS = "code, name, conversion_euros_minor, conversion_units_minor, "
            + "reconversion_fee_basis_points, membership_fee_minor, membership_required, defined_at, "
            + "bonus_eligible_kinds, membership_fees_by_kind";
    private static final RowMapper<Currency> ROW = CurrencyQueries::currency;

    private final JdbcTemplate jdbc;

    public CurrencyQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Currency> find(String code) {
        return jdbc.query("SELECT " + COLUMNS + " FROM currency_view WHERE code = ?", ROW, code).stream().findFirst();
    }

    public boolean exists(String code) {
        return find(code).isPresent();
    }

    /** Every currency, by code (a deployment runs a handful). */
    public List<Currency> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM currency_view ORDER BY code", ROW);
    }

    private static Currency currency(ResultSet rs, int row) throws SQLException {
        return new Currency(rs.getString("code"), rs.getString("name"), rs.getLong("conversion_euros_minor"),
                rs.getLong("conversion_units_minor"), rs.getLong("reconversion_fee_basis_points"),
                rs.getLong("membership_fee_minor"), rs.getBoolean("membership_required"),
                rs.getTimestamp("defined_at").toInstant(), kinds(rs.getString("bonus_eligible_kinds")),
                fees(rs.getString("membership_fees_by_kind")));
    }

    /** "COLLECTIVITE:5000,MERCHANT:3000" as kinds and fees, sorted by kind. */
    private static Map<String, Long> fees(String written) {
        Map<String, Long> fees = new java.util.TreeMap<>();
        for (String fee : written.isEmpty() ? new String[0] : written.split(",")) {
            fees.put(fee.substring(0, fee.indexOf(':')), Long.parseLong(fee.substring(fee.indexOf(':') + 1)));
        }
        return fees;
    }

    private static List<String> kinds(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
    }
}
