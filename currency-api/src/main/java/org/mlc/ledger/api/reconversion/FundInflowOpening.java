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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives each currency's guarantee fund what entered it before the fund recorded its
 * inflows (a database written by an older version): for every currency whose fund has neither an
 * opening nor any {@link FundInflowRecorded}, the GUARANTEE_FUND postings of every stored event
 * other than payouts ({@link PayoutRequested}), read from the event store itself, so that opening
 * + inflows recorded − payouts = the fund's ledger balance. Under the cluster
 * lock {@value #LOCK}, in one transaction, so one node computes it and the figure covers exactly
 * the events up to the store's head at that moment (see docs/ledger.md). A fund nothing entered
 * yet is opened at zero, so each currency's events are read for this once in its life. It runs once the
 * application is ready (see {@link #openAtStartUp}).
 */
@Component
public class FundInflowOpening {

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

    /**
     * Once the application is up: Axon's command handlers are subscribed only as the context
     * finishes starting (a lifecycle phase before that found none). A request in the meantime finds
     * the fund without its opening and is refused a payout, never paid too much; a failure here is
     * logged and tried again at the next start, for the same reason.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void openAtStartUp() {
        try {
            openMissing();
        } catch (RuntimeException e) {
            log.error("guarantee fund openings not recorded; payouts stay refused where one is missing until the "
                    + "next start", e);
        }
    }

    /**
     * Opens the funds that need it; the currencies whose fund was opened with something in it
     * (none when another node holds the lock).
     */
    public List<String> openMissing() {
        ClusterJobLock.Run<List<String>> run = lock.runExclusively(LOCK, this::openInLock);
        return run == null || !run.ran() ? List.of() : run.result();
    }

    private List<String> openInLock() {
        // one pass over the store's types: the currencies, and the funds that need no opening
        List<String> currencies = new ArrayList<>();
        Set<String> settled = new HashSet<>();
        jdbc.query("SELECT DISTINCT aggregate_identifier, payload_type FROM domain_event_entry "
                        + "WHERE payload_type IN (?, ?, ?)", rs -> {
                    if (rs.getString(2).equals(CurrencyDefined.class.getName())) {
                        currencies.add(rs.getString(1));
                    } else {
                        settled.add(rs.getString(1));
                    }
                }, CurrencyDefined.class.getName(), FundInflowRecorded.class.getName(),
                FundInflowsOpened.class.getName());
        List<String> candidates = currencies.stream().sorted()
                .filter(code -> !settled.contains(GuaranteeFund.idOf(CurrencyCode.of(code))))
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        long upTo = head == null ? 0 : head;
        Map<String, Long> inflows = inflowsBefore(upTo);
        List<String> opened = new ArrayList<>();
        for (String code : candidates) {
            // a fund nothing entered yet is opened at zero all the same, so that the store is read for it
            // once, not at every start until its first inflow
            long inflowsMinor = Math.max(0, inflows.getOrDefault(code, 0L));
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new OpenFundInflows(CurrencyCode.of(code), inflowsMinor, upTo, clock.instant()))
                    .andMetaData(Map.of(IdempotentCommands.USER, JOB_USER)));
            log.info("guarantee fund of {} opened with {} of inflows (events up to {})", code,
                    Amounts.format(inflowsMinor), upTo);
            if (inflowsMinor > 0) {
                opened.add(code);
            }
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
