package org.mlc.ledger.api.reconversion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.currency.CurrencyDefined;
import org.mlc.ledger.ledger.LedgerAccount;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.mlc.ledger.money.Amounts;
import org.mlc.ledger.reconversion.FundInflowRecorded;
import org.mlc.ledger.reconversion.FundInflowsOpened;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.OpenFundInflows;
import org.mlc.ledger.reconversion.PayoutRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives each currency's guarantee fund what entered it before the fund recorded its
 * inflows (a database written by an older version): for every currency whose fund has neither an
 * opening nor any {@link FundInflowRecorded}, the GUARANTEE_FUND postings of every stored event
 * other than payouts ({@link PayoutRequested}), read from the event store itself, so that opening
 * + inflows recorded − payouts = the fund's ledger balance. A currency with no such posting (a new
 * database, a fund nothing entered yet) needs none: its fund starts at zero. Under the cluster
 * lock {@value #LOCK}, in one transaction, so one node computes it and the figure covers exactly
 * the events up to the store's head at that moment (see docs/ledger.md). It runs as the context
 * starts, after Axon's components (whose last start phase is
 * {@code Phase.INSTRUCTION_COMPONENTS}, about 2^30) and before the web server opens its port
 * (Spring Boot's {@code WebServerStartStopLifecycle}, {@code Integer.MAX_VALUE - 2048}), so no
 * request reaches a fund still without its opening.
 */
@Component
public class FundInflowOpening implements SmartLifecycle {

    public static final String LOCK = "fund-inflow-opening";
    /** The user the openings name. */
    public static final String JOB_USER = "fund-inflow-opening";

    private static final Logger log = LoggerFactory.getLogger(FundInflowOpening.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commandGateway;
    private final ClusterJobLock lock;
    private final Clock clock;

    public FundInflowOpening(JdbcTemplate jdbc, CommandGateway commandGateway, ClusterJobLock lock, Clock clock) {
        this.jdbc = jdbc;
        this.commandGateway = commandGateway;
        this.lock = lock;
        this.clock = clock;
    }

    /** After Axon has started, before the web server starts. */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private volatile boolean running;

    @Override
    public void start() {
        openMissing();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Opens the funds that need it; the currencies opened (none when another node holds the lock). */
    public List<String> openMissing() {
        ClusterJobLock.Run<List<String>> run = lock.runExclusively(LOCK, this::openInLock);
        return run == null || !run.ran() ? List.of() : run.result();
    }

    private List<String> openInLock() {
        Set<String> recorded = new HashSet<>(jdbc.queryForList("SELECT DISTINCT aggregate_identifier "
                + "FROM domain_event_entry WHERE payload_type IN (?, ?)", String.class,
                FundInflowRecorded.class.getName(), FundInflowsOpened.class.getName()));
        List<String> candidates = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                        + "WHERE payload_type = ? ORDER BY aggregate_identifier", String.class,
                CurrencyDefined.class.getName()).stream()
                .filter(code -> !recorded.contains(GuaranteeFund.idOf(CurrencyCode.of(code))))
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        long upTo = head == null ? 0 : head;
        List<String> opened = new ArrayList<>();
        for (Map.Entry<String, Long> inflow : inflowsBefore(upTo).entrySet()) {
            String code = inflow.getKey();
            if (!candidates.contains(code) || inflow.getValue() <= 0) {
                continue;
            }
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new OpenFundInflows(CurrencyCode.of(code), inflow.getValue(), upTo, clock.instant()))
                    .andMetaData(Map.of(IdempotentCommands.USER, JOB_USER)));
            log.info("guarantee fund of {} opened with {} of inflows (events up to {})", code,
                    Amounts.format(inflow.getValue()), upTo);
            opened.add(code);
        }
        return opened;
    }

    /**
     * Per currency, the GUARANTEE_FUND postings of the events up to {@code upTo}, payouts left out:
     * what entered the fund.
     */
    private Map<String, Long> inflowsBefore(long upTo) {
        Map<String, Long> inflows = new TreeMap<>();
        jdbc.query("WITH moving AS MATERIALIZED (SELECT convert_from(payload, 'UTF8')::json AS event "
                        + "FROM domain_event_entry WHERE global_index <= ? AND payload_type <> ? "
                        + "AND position(? in convert_from(payload, 'UTF8')) > 0), "
                        + "lines AS MATERIALIZED (SELECT json_array_elements(event->'postings') AS line FROM moving "
                        + "WHERE json_typeof(event->'postings') = 'array') "
                        + "SELECT line->>'account' AS account, SUM((line->>'amountMinor')::bigint) AS amount FROM lines "
                        + "GROUP BY line->>'account'",
                rs -> {
                    LedgerAccount account = LedgerAccount.parse(rs.getString("account"));
                    if (account.kind() == LedgerAccountKind.GUARANTEE_FUND) {
                        inflows.merge(account.currency(), rs.getLong("amount"), Math::addExact);
                    }
                }, upTo, PayoutRequested.class.getName(), ":" + LedgerAccountKind.GUARANTEE_FUND.name());
        return inflows;
    }
}
