package org.mlc.ledger.api.demurrage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mlc.ledger.api.account.AccountQueries;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.demurrage.ChargeDemurrage;
import org.mlc.ledger.demurrage.CompleteDemurrageRun;
import org.mlc.ledger.demurrage.DemurrageCharge;
import org.mlc.ledger.demurrage.DemurrageRunState;
import org.mlc.ledger.demurrage.StartDemurrageRun;
import org.mlc.ledger.money.Amounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the fonte of a currency for a due date, on demand or from {@link DemurrageJob}, one node at a
 * time (cluster lock {@value #LOCK}): starts the run (or finds it), asks every account of the
 * currency for its share, then completes it. Each account decides from its own balance and gives
 * once per run, so a run resent, or resumed after a crash, charges no one twice; a completed run
 * answers its figures and does nothing.
 */
@Component
public class DemurrageRuns {

    public static final String LOCK = "demurrage-run";
    /** Accounts asked per page of the read side. */
    static final int PAGE = 500;

    private static final Logger log = LoggerFactory.getLogger(DemurrageRuns.class);

    private final CommandGateway commandGateway;
    private final AccountQueries accounts;
    private final ClusterJobLock lock;
    private final Clock clock;

    public DemurrageRuns(CommandGateway commandGateway, AccountQueries accounts, ClusterJobLock lock, Clock clock) {
        this.commandGateway = commandGateway;
        this.accounts = accounts;
        this.lock = lock;
        this.clock = clock;
    }

    /** What a run did: {@code alreadyRun} when it had completed before (its figures then are the first run's). */
    public record Outcome(DemurrageRunState state, boolean alreadyRun, boolean resumed) {
    }

    /** Runs it, or answers empty when another node is running a fonte now. */
    public java.util.Optional<Outcome> run(CurrencyCode currency, LocalDate dueOn, String user) {
        ClusterJobLock.Run<Outcome> run = lock.runExclusively(LOCK, () -> runLocked(currency, dueOn, user));
        return run != null && run.ran() ? java.util.Optional.of(run.result()) : java.util.Optional.empty();
    }

    private Outcome runLocked(CurrencyCode currency, LocalDate dueOn, String user) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CivilDay.ZONE);
        DemurrageRunState started = send(new StartDemurrageRun(currency, dueOn, today, clock.instant()), user);
        if (started.completed()) {
            return new Outcome(started, true, false);
        }
        int charged = 0;
        long total = 0;
        String after = "";
        List<String> page;
        do {
            page = accounts.idsOf(currency.value(), after, PAGE);
            for (String account : page) {
                DemurrageCharge charge = send(new ChargeDemurrage(started.runId(), AccountId.of(account),
                        clock.instant()), user);
                if (charge.amountMinor() > 0) {
                    charged++;
                    total += charge.amountMinor();
                }
                after = account;
            }
        } while (page.size() == PAGE);
        DemurrageRunState completed = send(new CompleteDemurrageRun(started.runId(), charged, total, clock.instant()),
                user);
        log.info("demurrage run {} by {}: {} accounts gave {} to {}{}", completed.runId(), user,
                completed.accountsCharged(), Amounts.format(completed.totalMinor()), completed.beneficiaryAccount(),
                started.startedBefore() ? " (resumed)" : "");
        return new Outcome(completed, false, started.startedBefore());
    }

    private <R> R send(Object command, String user) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(IdempotentCommands.USER, user)));
    }
}
