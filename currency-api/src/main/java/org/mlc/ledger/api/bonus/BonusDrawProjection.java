package org.mlc.ledger.api.bonus;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.status.Projections;
import org.mlc.ledger.bonus.BonusDrawn;
import org.mlc.ledger.bonus.BonusReturned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bonus each budget granted, conversion by conversion (a return as a negative draw): what the
 * sponsor's impact report counts (conversions, members reached, euros converted, by month).
 */
@Component
@ProcessingGroup(Projections.REPORTS)
class BonusDrawProjection {

    private final JdbcTemplate jdbc;

    BonusDrawProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BonusDrawn event, EventMessage<?> message) {
        row(message.getIdentifier(), event.budgetId().value(), event.conversionId().value(), event.accountId().value(),
                event.bonusMinor(), event);
    }

    @EventHandler
    void on(BonusReturned event, EventMessage<?> message) {
        row(message.getIdentifier(), event.budgetId().value(), event.conversionId().value(), event.accountId().value(),
                -event.bonusMinor(), event);
    }

    private void row(String eventId, String budgetId, String conversionId, String accountId, long bonusMinor,
                     Object event) {
        java.time.Instant at = event instanceof BonusDrawn d ? d.at() : ((BonusReturned) event).at();
        jdbc.update("INSERT INTO bonus_draw (event_id, budget_id, conversion_id, account_id, bonus_minor, at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING", eventId, budgetId, conversionId,
                accountId, bonusMinor, Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE bonus_draw");
    }
}
