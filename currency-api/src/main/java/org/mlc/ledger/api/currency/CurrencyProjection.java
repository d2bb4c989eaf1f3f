package org.mlc.ledger.api.currency;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.currency.BonusEligibilitySet;
import org.mlc.ledger.currency.CurrencyDefined;
import org.mlc.ledger.currency.MembershipFeesByKindSet;
import org.mlc.ledger.currency.DemurrageSet;
import org.mlc.ledger.currency.MembershipPolicySet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Currencies and their policies, for reading. */
@Component
@ProcessingGroup(Projections.DIRECTORY)
class CurrencyProjection {


    private final JdbcTemplate jdbc;

    public CurrencyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CurrencyDefined event) {
        jdbc.update("INSERT INTO currency_view (code, name, conversion_euros_minor, conversion_units_minor, "
                        + "reconversion_fee_basis_points, membership_fee_minor, defined_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (code) DO NOTHING",
                event.code().value(), event.name(), event.conversion().eurosMinor(), event.conversion().unitsMinor(),
                event.reconversionFeeBasisPoints(), event.membershipFeeMinor(), Timestamp.from(event.definedAt()));
    }

    @EventHandler
    void on(MembershipPolicySet event) {
        jdbc.update("UPDATE currency_view SET membership_fee_minor = ?, membership_required = ? WHERE code = ?",
                event.feeMinor(), event.requiredForConversion(), event.code().value());
    }

    @EventHandler
    void on(MembershipFeesByKindSet event) {
        jdbc.update("UPDATE currency_view SET membership_fees_by_kind = ? WHERE code = ?",
                String.join(",", new java.util.TreeMap<>(event.feesByKind()).entrySet().stream()
                        .map(fee -> fee.getKey() + ":" + fee.getValue()).toList()), event.code().value());
    }

    @EventHandler
    void on(BonusEligibilitySet event) {
        jdbc.update("UPDATE currency_view SET bonus_eligible_kinds = ? WHERE code = ?",
                String.join(",", event.kinds()), event.code().value());
    }

    @EventHandler
    void on(DemurrageSet event) {
        jdbc.update("UPDATE currency_view SET demurrage_rate_numerator = ?, demurrage_rate_denominator = ?, "
                        + "demurrage_period_months = ?, demurrage_first_due_on = ?, demurrage_threshold_minor = ?, "
                        + "demurrage_kinds = ?, demurrage_beneficiary = ?, demurrage_beneficiary_account = ?, "
                        + "demurrage_include_earmarked = ? WHERE code = ?",
                event.rateNumerator(), event.rateDenominator(), event.periodMonths(), event.firstDueOn(),
                event.thresholdMinor(), event.kinds() == null ? "" : String.join(",", event.kinds()),
                event.beneficiary() == null ? null : event.beneficiary().value(),
                event.beneficiaryAccount() == null ? null : event.beneficiaryAccount().value(),
                event.includeEarmarked(), event.code().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE currency_view");
    }
}
