package org.mlc.ledger.api.report;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.counter.ConversionCancelled;
import org.mlc.ledger.counter.EurosConverted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Conversions at counters, for counter day reports and the conversion indicators; a cancelled one is marked. */
@Component
@ProcessingGroup(Projections.REPORTS)
class ConversionProjection {

    private final JdbcTemplate jdbc;

    public ConversionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code agent}: who sent the conversion (the event's metadata, as the audit reads it), for its receipt. */
    @EventHandler
    void on(EurosConverted event, @MetaDataValue(IdempotentCommands.USER) String agent) {
        jdbc.update("INSERT INTO conversion_view (conversion_id, counter_id, currency, account_id, euros_minor, "
                        + "units_minor, bonus_minor, paid_by, payout, converted_at, agent) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversion_id) DO NOTHING",
                event.conversionId().value(), event.counterId().value(), event.currency().value(),
                event.accountId().value(), event.eurosMinor(), event.unitsMinor(), event.bonusMinor(),
                event.paidBy().name(), event.payout().name(), Timestamp.from(event.at()), agent);
    }

    @EventHandler
    void on(ConversionCancelled event) {
        jdbc.update("UPDATE conversion_view SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? "
                        + "WHERE conversion_id = ?", Timestamp.from(event.at()), event.cancelledBy(), event.reason(),
                event.conversionId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE conversion_view");
    }
}
