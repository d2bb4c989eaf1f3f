package org.mlc.ledger.ops.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.payment.TransferMetaData;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes payments straight into the event store, in the store's own format, to build a large
 * ledger quickly: each payment is the pair of events {@code PaymentHandler} records in one commit
 * (a {@link TransferDebited} on the payer's account with the metadata {@code creditFollows}, then
 * a {@link TransferCredited} on the payee's), built from the domain's records and postings and
 * serialized by the application's own event serializer, with each account's sequence numbers
 * continued and the payer's balance never going below zero. The accounts must exist (created
 * through the domain). Rows go in with PostgreSQL's COPY.
 */
public final class EventGenerator {

    /** Rows per COPY. */
    public static final int ROWS_PER_COPY = 20_000;

    private final DataSource dataSource;
    private final Serializer serializer;

    public EventGenerator(DataSource dataSource, Serializer serializer) {
        this.dataSource = dataSource;
        this.serializer = serializer;
    }

    /**
     * Appends {@code payments} payments (2 events each) from the payers to the payees, at one
     * instant per payment from {@code start}. Returns the events written.
     */
    public long generate(CurrencyCode currency, List<AccountId> payers, Map<AccountId, Long> payerBalancesMinor,
                         List<AccountId> payees, long payments, Instant start, long seed, LongConsumer progress)
            throws SQLException, IOException {
        Random random = new Random(seed);
        Map<String, Long> sequences = new HashMap<>();
        Map<AccountId, Long> balances = new HashMap<>(payerBalancesMinor);
        LedgerAccount inTransit = LedgerAccount.of(currency.value(), LedgerAccountKind.IN_TRANSIT);
        byte[] debitMeta = serializer.serialize(MetaData.with(TransferMetaData.CREDIT_FOLLOWS, Boolean.TRUE)
                .and("user", "bench-generator"), byte[].class).getData();
        byte[] creditMeta = serializer.serialize(MetaData.with(TransferMetaData.CREDITED_WITH_DEBIT, Boolean.TRUE)
                .and("user", "bench-generator"), byte[].class).getData();
        HexFormat hex = HexFormat.of();
        String debitMetaHex = "\\\\x" + hex.formatHex(debitMeta);
        String creditMetaHex = "\\\\x" + hex.formatHex(creditMeta);
        long written = 0;
        try (Connection connection = dataSource.getConnection()) {
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT aggregate_identifier, MAX(sequence_number) "
                         + "FROM domain_event_entry GROUP BY aggregate_identifier")) {
                while (rows.next()) {
                    sequences.put(rows.getString(1), rows.getLong(2));
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder batch = new StringBuilder();
            int batchRows = 0;
            for (long p = 0; p < payments; p++) {
                AccountId from = payers.get(random.nextInt(payers.size()));
                AccountId to = payees.get(random.nextInt(payees.size()));
                long amount = 1 + random.nextInt(100);
                if (balances.getOrDefault(from, 0L) < amount) {
                    continue; // this payer has spent its funds; another will pay
                }
                balances.merge(from, -amount, Long::sum);
                Instant at = start.plusMillis(p);
                TransferId transfer = TransferId.of(UUID.nameUUIDFromBytes(("bench-generator:" + seed + ":" + p)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
                TransferDebited debited = new TransferDebited(transfer, from, to, currency, amount, "generated",
                        Postings.builder().move(LedgerAccount.of(currency.value(), LedgerAccountKind.PARTICIPANT,
                                from.value()), inTransit, amount).build(), at);
                TransferCredited credited = new TransferCredited(transfer, from, to, currency, amount,
                        Postings.builder().move(inTransit, LedgerAccount.of(currency.value(),
                                LedgerAccountKind.PARTICIPANT, to.value()), amount).build(), at);
                row(batch, debited, from.value(), sequences, debitMetaHex, at, hex);
                row(batch, credited, to.value(), sequences, creditMetaHex, at, hex);
                batchRows += 2;
                if (batchRows >= ROWS_PER_COPY) {
                    written += flush(copy, batch);
                    batchRows = 0;
                    progress.accept(written);
                }
            }
            written += flush(copy, batch);
            progress.accept(written);
        }
        return written;
    }

    private void row(StringBuilder batch, Object event, String aggregate, Map<String, Long> sequences, String metaHex,
                     Instant at, HexFormat hex) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        Long last = sequences.get(aggregate);
        if (last == null) {
            throw new IllegalStateException("account " + aggregate + " is not in the event store");
        }
        long sequence = last + 1;
        sequences.put(aggregate, sequence);
        batch.append(UUID.randomUUID()).append('\t')
                .append(metaHex).append('\t')
                .append("\\\\x").append(hex.formatHex(payload.getData())).append('\t')
                .append(payload.getType().getRevision()).append('\t')
                .append(payload.getType().getName()).append('\t')
                .append(DateTimeFormatter.ISO_INSTANT.format(at)).append('\t')
                .append(aggregate).append('\t')
                .append(sequence).append('\t')
                .append(Account.class.getSimpleName()).append('\n');
    }

    private static long flush(CopyManager copy, StringBuilder batch) throws SQLException, IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        long rows = copy.copyIn("COPY domain_event_entry (event_identifier, meta_data, payload, payload_revision, "
                + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) FROM STDIN",
                new StringReader(batch.toString()));
        batch.setLength(0);
        return rows;
    }
}
