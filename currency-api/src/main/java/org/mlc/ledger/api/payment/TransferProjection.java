package org.mlc.ledger.api.payment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.status.Projections;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mlc.ledger.api.infrastructure.BatchBuffer;
import org.mlc.ledger.api.infrastructure.Unnest;
import org.mlc.ledger.payment.TransferCreditRefused;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.mlc.ledger.payment.TransferReturned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Payments and where each stands. */
@Component
@ProcessingGroup(Projections.LEDGER)
class TransferProjection {

    /** The payments of the batch being handled, as a resource of its unit of work. */
    private static final String TRANSFERS = TransferProjection.class.getName() + ".transfers";

    private final JdbcTemplate jdbc;

    public TransferProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TransferDebited event) {
        BatchBuffer.add(TRANSFERS, () -> new Transfers(jdbc), transfers -> transfers.requested(event));
    }

    @EventHandler
    void on(TransferCredited event) {
        status(event.transferId().value(), PaymentStatus.COMPLETED, null);
    }

    @EventHandler
    void on(TransferCreditRefused event) {
        status(event.transferId().value(), PaymentStatus.RETURNING, event.reason());
    }

    @EventHandler
    void on(TransferReturned event) {
        status(event.transferId().value(), PaymentStatus.RETURNED, event.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE transfer_view");
    }

    private void status(String transferId, PaymentStatus status, String reason) {
        BatchBuffer.add(TRANSFERS, () -> new Transfers(jdbc), transfers -> transfers.status(transferId, status, reason));
    }

    /** Where a payment stands after the batch's events: its last status, and its last reason given. */
    private record Change(PaymentStatus status, String reason) {
    }

    /**
     * The payments of one processor batch: one insert of the new ones, with where they stand at the
     * end of the batch, then one update of the others whose status moved. Each payment's changes are
     * folded into one (the last status; the last reason given, or the one it had), which is what
     * applying them one by one would leave.
     */
    private static final class Transfers implements BatchBuffer {

        private final JdbcTemplate jdbc;
        private final Map<String, TransferDebited> requested = new TreeMap<>(); // in key order
        private final Map<String, Change> changes = new LinkedHashMap<>();

        Transfers(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void requested(TransferDebited event) {
            String transferId = event.transferId().value();
            if (changes.containsKey(transferId)) {
                // a status change that came before the payment's row: applied to what is there now
                flush();
            }
            // a second insert of the same payment would change nothing (ON CONFLICT DO NOTHING)
            requested.putIfAbsent(transferId, event);
        }

        void status(String transferId, PaymentStatus status, String reason) {
            Change before = changes.get(transferId);
            changes.put(transferId, new Change(status, reason != null || before == null ? reason : before.reason()));
        }

        @Override
        public void flush() {
            if (!requested.isEmpty()) {
                insert();
            }
            if (!changes.isEmpty()) {
                update();
            }
            requested.clear();
            changes.clear();
        }

        /**
         * The new payments, each with where it stands at the end of the batch: a payment whose row
         * exists already is left as it is, unless the batch moved its status (the change is applied
         * to it then, as the update would have).
         */
        private void insert() {
            int size = requested.size();
            String[] ids = new String[size];
            String[] currencies = new String[size];
            String[] froms = new String[size];
            String[] tos = new String[size];
            Long[] amounts = new Long[size];
            String[] references = new String[size];
            String[] statuses = new String[size];
            String[] reasons = new String[size];
            String[] requestedAt = new String[size];
            int i = 0;
            for (TransferDebited event : requested.values()) {
                Change change = changes.remove(event.transferId().value());
                ids[i] = event.transferId().value();
                currencies[i] = event.currency().value();
                froms[i] = event.from().value();
                tos[i] = event.to().value();
                amounts[i] = event.amountMinor();
                references[i] = event.reference();
                statuses[i] = change == null ? PaymentStatus.IN_TRANSIT.name() : change.status().name();
                reasons[i] = change == null ? null : change.reason();
                // ISO-8601 in UTC: the instant itself, whatever the session's time zone
                requestedAt[i] = event.at().toString();
                i++;
            }
            // One statement rather than a JDBC batch (one execution per row for PostgreSQL); the
            // payments are distinct keys, so no row is affected twice. A change never leaves a
            // payment IN_TRANSIT: that status on a conflict means "do nothing".
            jdbc.update(Unnest.statement("INSERT INTO transfer_view (transfer_id, currency, from_account, to_account, "
                            + "amount_minor, reference, status, reason, requested_at) SELECT * FROM " + Unnest.ROWS
                            + " ON CONFLICT (transfer_id) DO UPDATE SET status = EXCLUDED.status, "
                            + "reason = COALESCE(EXCLUDED.reason, transfer_view.reason) "
                            + "WHERE EXCLUDED.status <> '" + PaymentStatus.IN_TRANSIT.name() + "'",
                    Unnest.varchar(ids), Unnest.varchar(currencies), Unnest.varchar(froms), Unnest.varchar(tos),
                    Unnest.bigint(amounts), Unnest.varchar(references), Unnest.varchar(statuses),
                    Unnest.varchar(reasons), Unnest.timestamptz(requestedAt)));
        }

        /** One statement, one row per payment, in key order. */
        private void update() {
            List<String> ids = new ArrayList<>(changes.keySet());
            Collections.sort(ids);
            String[] statuses = new String[ids.size()];
            String[] reasons = new String[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                Change change = changes.get(ids.get(i));
                statuses[i] = change.status().name();
                reasons[i] = change.reason();
            }
            jdbc.update(Unnest.statement("UPDATE transfer_view AS t SET status = c.status, "
                            + "reason = COALESCE(c.reason, t.reason) FROM " + Unnest.ROWS
                            + " AS c(transfer_id, status, reason) WHERE t.transfer_id = c.transfer_id",
                    Unnest.varchar(ids.toArray(String[]::new)), Unnest.varchar(statuses), Unnest.varchar(reasons)));
        }
    }
}
