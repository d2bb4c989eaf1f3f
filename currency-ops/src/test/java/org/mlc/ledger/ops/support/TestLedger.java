package org.mlc.ledger.ops.support;

import org.flywaydb.core.Flyway;
import java.time.LocalDate;
import org.mlc.ledger.bonus.BonusBudgetCommitted;
import org.mlc.ledger.bonus.BonusDrawn;
import org.mlc.ledger.bonus.SponsorPaymentReceived;
import org.mlc.ledger.common.ClosingId;
import org.mlc.ledger.counter.CashDiscrepancyRecorded;
import org.mlc.ledger.common.BudgetId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.serialization.Revision;
import org.mlc.ledger.account.AccountOpened;
import org.mlc.ledger.account.UnitsIssued;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.counter.EurosConverted;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.ledger.Posting;
import org.mlc.ledger.ledger.Postings;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.payment.TransferCreditRefused;
import org.mlc.ledger.payment.TransferCredited;
import org.mlc.ledger.payment.TransferDebited;
import org.mlc.ledger.payment.TransferReturned;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables reconcile reads, created by currency-api's own migrations, filled the way the
 * application fills them: the real event records serialized as JSON into domain_event_entry, and
 * their postings applied to ledger_balance and account_view as its LedgerProjection does.
 */
public final class TestLedger {

    public static final String BOUSOL = "BOUSOL";
    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    // As Spring Boot's ObjectMapper, which Axon's JacksonSerializer uses: instants as ISO-8601 text.
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(LocalDate.class, ToStringSerializer.instance));

    private final JdbcTemplate jdbc;
    private final Map<String, Long> nextSequenceNumbers = new HashMap<>();
    private String lastBudget;

    private final DataSource dataSource;

    public TestLedger(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The application's own schema: currency-api's Flyway migrations, from its jar on the classpath. */
    public void createTables() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public void clear() {
        jdbc.execute("TRUNCATE domain_event_entry, ledger_balance, account_view RESTART IDENTITY");
        nextSequenceNumbers.clear();
        lastBudget = null;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public static LedgerAccount participant(String accountId) {
        return LedgerAccount.of(BOUSOL, LedgerAccountKind.PARTICIPANT, accountId);
    }

    public static LedgerAccount inTransit() {
        return LedgerAccount.of(BOUSOL, LedgerAccountKind.IN_TRANSIT);
    }

    /**
     * Two members, one conversion, one completed payment and one refused and returned:
     * alice 8.50, bob 12.50, nothing left in transit.
     */
    public void balancedLedger() {
        open("acc-alice");
        open("acc-bob");
        sponsor("budget-1", 100);
        convert("acc-alice", 2000, 2100);
        pay("t-1", "acc-alice", "acc-bob", 1250);
        payRefused("t-2", "acc-alice", "acc-bob", 300);
    }

    public void open(String accountId) {
        append(accountId, "Account", new AccountOpened(AccountId.of(accountId), ParticipantId.of("p-" + accountId),
                ParticipantKind.MEMBER, CurrencyCode.of(BOUSOL), 0, T0));
        jdbc.update("INSERT INTO account_view (account_id, participant_id, owner_kind, currency, status, floor_minor, "
                        + "balance_minor, entry_count, opened_at) VALUES (?, ?, 'MEMBER', ?, 'ACTIVE', 0, 0, 0, ?)",
                accountId, "p-" + accountId, BOUSOL, Timestamp.from(T0));
    }

    /** A sponsor's bonus budget committed (EUR book: outside to sponsor committed), which backs the bonus. */
    public void sponsor(String budgetId, long eurosMinor) {
        lastBudget = budgetId;
        append(budgetId, "BonusBudget", new BonusBudgetCommitted(BudgetId.of(budgetId), CurrencyCode.of(BOUSOL),
                ParticipantId.of("p-sponsor"), eurosMinor, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 0,
                Postings.builder().move(LedgerAccount.of(BOUSOL, LedgerAccountKind.OUTSIDE),
                        LedgerAccount.of(BOUSOL, LedgerAccountKind.SPONSOR_COMMITTED, budgetId), eurosMinor).build(),
                T0));
    }

    /** The sponsor of a budget pays euros of it into the guarantee fund. */
    public void sponsorPays(String budgetId, long eurosMinor) {
        append(budgetId, "BonusBudget", new SponsorPaymentReceived(BudgetId.of(budgetId), CurrencyCode.of(BOUSOL),
                eurosMinor, "ref-" + budgetId, Postings.builder()
                .move(LedgerAccount.of(BOUSOL, LedgerAccountKind.SPONSOR_COMMITTED, budgetId),
                        LedgerAccount.of(BOUSOL, LedgerAccountKind.GUARANTEE_FUND), eurosMinor).build(), T0));
    }

    /** A closing of counter-1 that counted {@code missingMinor} less cash than expected. */
    public void drawerShort(long missingMinor) {
        append("counter-1", "ExchangeCounter", new CashDiscrepancyRecorded(CounterId.of("counter-1"),
                CurrencyCode.of(BOUSOL), ClosingId.of("closing-" + UUID.randomUUID()),
                Map.of(PaidBy.CASH, -missingMinor), -missingMinor, Postings.builder()
                .move(LedgerAccount.of(BOUSOL, LedgerAccountKind.COUNTER_CASH, "counter-1"),
                        LedgerAccount.of(BOUSOL, LedgerAccountKind.COUNTER_DISCREPANCY), missingMinor).build(), T0));
    }

    /**
     * Euros into counter-1's cash (EUR book), units issued into the account (MLC book); the bonus
     * (units beyond the euros) drawn on the budget last sponsored, as the application draws it.
     */
    public void convert(String accountId, long eurosMinor, long unitsMinor) {
        ConversionId conversion = ConversionId.of("c-" + UUID.randomUUID());
        CounterId counter = CounterId.of("counter-1");
        if (unitsMinor > eurosMinor && lastBudget != null) {
            append(lastBudget, "BonusBudget", new BonusDrawn(BudgetId.of(lastBudget), conversion,
                    AccountId.of(accountId), "2025-03", unitsMinor - eurosMinor, T0));
        }
        append(counter.value(), "ExchangeCounter", new EurosConverted(conversion, counter, CurrencyCode.of(BOUSOL),
                AccountId.of(accountId), eurosMinor, unitsMinor, unitsMinor - eurosMinor, PaidBy.CASH, Payout.ACCOUNT,
                Postings.builder().move(LedgerAccount.of(BOUSOL, LedgerAccountKind.OUTSIDE),
                        LedgerAccount.of(BOUSOL, LedgerAccountKind.COUNTER_CASH, counter.value()), eurosMinor).build(),
                T0));
        append(accountId, "Account", new UnitsIssued(AccountId.of(accountId), CurrencyCode.of(BOUSOL), conversion,
                counter, unitsMinor, Postings.builder()
                .move(LedgerAccount.of(BOUSOL, LedgerAccountKind.ISSUANCE), participant(accountId), unitsMinor)
                .build(), T0));
    }

    /** A payment that reached its payee. */
    public void pay(String transferId, String from, String to, long amountMinor) {
        debit(transferId, from, to, amountMinor);
        append(to, "Account", new TransferCredited(TransferId.of(transferId), AccountId.of(from), AccountId.of(to),
                CurrencyCode.of(BOUSOL), amountMinor,
                Postings.builder().move(inTransit(), participant(to), amountMinor).build(), T0));
    }

    /** A payment the payee refused, returned to its payer. */
    public void payRefused(String transferId, String from, String to, long amountMinor) {
        debit(transferId, from, to, amountMinor);
        append(to, "Account", new TransferCreditRefused(TransferId.of(transferId), AccountId.of(from),
                AccountId.of(to), amountMinor, "ACCOUNT_FROZEN", T0));
        append(from, "Account", new TransferReturned(TransferId.of(transferId), AccountId.of(from), amountMinor,
                "ACCOUNT_FROZEN", Postings.builder().move(inTransit(), participant(from), amountMinor).build(), T0));
    }

    /** A payment that left its payer and is in transit. */
    public void debit(String transferId, String from, String to, long amountMinor) {
        append(from, "Account", new TransferDebited(TransferId.of(transferId), AccountId.of(from), AccountId.of(to),
                CurrencyCode.of(BOUSOL), amountMinor, "bread",
                Postings.builder().move(participant(from), inTransit(), amountMinor).build(), T0));
    }

    /** Appends an event and, like the application's projection, books its postings. */
    public void append(String aggregateId, String aggregateType, Object event) {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Revision revision = event.getClass().getAnnotation(Revision.class);
        appendRaw(aggregateId, aggregateType, event.getClass().getName(), revision == null ? null : revision.value(),
                payload);
        try {
            Postings postings = (Postings) event.getClass().getMethod("postings").invoke(event);
            postings.lines().forEach(this::book);
        } catch (NoSuchMethodException e) {
            // an event that moves no value
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends a payload as it is, without touching the projections. */
    public void appendRaw(String aggregateId, String aggregateType, String payloadType, String revision,
                          byte[] payload) {
        long sequenceNumber = nextSequenceNumbers.merge(aggregateId, 1L, Long::sum) - 1;
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, "
                        + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), payload, revision, payloadType,
                T0.toString(), aggregateId, sequenceNumber, aggregateType);
    }

    private void book(Posting posting) {
        LedgerAccount account = posting.account();
        jdbc.update("INSERT INTO ledger_balance (ledger_account, book, currency, kind, balance_minor, entry_count) "
                        + "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (ledger_account) DO UPDATE SET "
                        + "balance_minor = ledger_balance.balance_minor + EXCLUDED.balance_minor, "
                        + "entry_count = ledger_balance.entry_count + 1",
                account.code(), account.book().name(), account.currency(), account.kind().name(),
                posting.amountMinor());
        if (account.kind() == LedgerAccountKind.PARTICIPANT) {
            int updated = jdbc.update("UPDATE account_view SET balance_minor = balance_minor + ?, "
                    + "entry_count = entry_count + 1 WHERE account_id = ?", posting.amountMinor(), account.id());
            if (updated != 1) {
                throw new IllegalStateException("no account_view row for " + account.id());
            }
        }
    }
}
