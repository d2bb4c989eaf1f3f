package org.mlc.ledger.api.currency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * A currency's demurrage (fonte) policy while it is on: the rate an exact fraction
     * {@code rateNumerator / rateDenominator}, the kinds sorted; {@code beneficiary} and
     * {@code beneficiaryAccount} the association's participant and account.
     */
    public record Demurrage(long rateNumerator, long rateDenominator, int periodMonths, LocalDate firstDueOn,
                            long thresholdMinor, List<String> kinds, String beneficiary, String beneficiaryAccount,
                            boolean includeEarmarked) {

        /** The rate as the decimal it was given in ("0.02"). */
        public String rate() {
            return new BigDecimal(rateNumerator).divide(new BigDecimal(rateDenominator)).stripTrailingZeros()
                    .toPlainString();
        }
    }

    /** The currency's demurrage policy, empty while it is off (or the currency unknown). */
    public Optional<Demurrage> demurrage(String code) {
        return jdbc.query("SELECT demurrage_rate_numerator, demurrage_rate_denominator, demurrage_period_months, "
                + "demurrage_first_due_on, demurrage_threshold_minor, demurrage_kinds, demurrage_beneficiary, "
                + "demurrage_beneficiary_account, demurrage_include_earmarked FROM currency_view "
                + "WHERE code = ? AND demurrage_rate_numerator > 0", (rs, row) -> new Demurrage(
                rs.getLong("demurrage_rate_numerator"), rs.getLong("demurrage_rate_denominator"),
                rs.getInt("demurrage_period_months"), rs.getObject("demurrage_first_due_on", LocalDate.class),
                rs.getLong("demurrage_threshold_minor"), kinds(rs.getString("demurrage_kinds")),
                rs.getString("demurrage_beneficiary"), rs.getString("demurrage_beneficiary_account"),
                rs.getBoolean("demurrage_include_earmarked")), code).stream().findFirst();
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
