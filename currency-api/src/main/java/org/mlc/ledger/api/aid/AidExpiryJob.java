package org.mlc.ledger.api.aid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.aid.Expiry;
import org.mlc.ledger.aid.ExpireEarmarks;
import org.mlc.ledger.api.infrastructure.ClusterJobLock;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.common.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Returns expired earmarked lots to their programmes, every night (and on demand): the accounts
 * holding a lot whose expiry date is before today, by the injected clock, a chunk per transaction
 * under the cluster lock {@value #LOCK}, so one node runs it. Idempotent: an account with nothing
 * left to return (already returned, or returned by an earlier run the projection has not shown yet)
 * gives nothing.
 */
@Component
public class AidExpiryJob {

    public static final String LOCK = "aid-expiry";
    /** Accounts returned per transaction. */
    public static final int CHUNK_ACCOUNTS = 200;
    /** The user the job's events name. */
    public static final String JOB_USER = "aid-expiry-job";

    private static final Logger log = LoggerFactory.getLogger(AidExpiryJob.class);

    private final AidQueries queries;
    private final CommandGateway commandGateway;
    private final ClusterJobLock lock;
    private final Clock clock;

    public AidExpiryJob(AidQueries queries, CommandGateway commandGateway, ClusterJobLock lock, Clock clock) {
        this.queries = queries;
        this.commandGateway = commandGateway;
        this.lock = lock;
        this.clock = clock;
    }

    /** What one run returned; {@code ran} is false when another node held the lock. */
    public record Result(boolean ran, LocalDate today, int accounts, int lots, long unitsMinor) {
    }

    @Scheduled(cron = "${mlc.aid.expiry-cron:0 5 0 * * *}", zone = "Europe/Paris")
    void nightly() {
        run();
    }

    public Result run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CivilDay.ZONE);
        int accounts = 0;
        int lots = 0;
        long units = 0;
        String after = "";
        while (true) {
            String from = after;
            ClusterJobLock.Run<Chunk> run = lock.runExclusively(LOCK, () -> chunk(today, from));
            if (run == null || !run.ran()) {
                if (accounts == 0) {
                    return new Result(false, today, 0, 0, 0);
                }
                break;
            }
            Chunk done = run.result();
            if (done.accounts() == 0) {
                break;
            }
            accounts += done.accounts();
            lots += done.lots();
            units += done.unitsMinor();
            after = done.lastAccount();
        }
        log.info("aid expiry of {}: {} lots returned from {} accounts, {} units", today, lots, accounts,
                org.mlc.ledger.money.Amounts.format(units));
        return new Result(true, today, accounts, lots, units);
    }

    private record Chunk(int accounts, int lots, long unitsMinor, String lastAccount) {
    }

    /** Returns the expired lots of the next accounts after {@code after} (by id). */
    private Chunk chunk(LocalDate today, String after) {
        List<String> accounts = queries.accountsWithLotsExpiredBefore(today, after, CHUNK_ACCOUNTS);
        int lots = 0;
        long units = 0;
        String lastAccount = after;
        for (String account : accounts) {
            Expiry expiry = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new ExpireEarmarks(AccountId.of(account), today, clock.instant()))
                    .andMetaData(Map.of(IdempotentCommands.USER, JOB_USER)));
            lots += expiry.lots();
            units += expiry.unitsMinor();
            lastAccount = account;
        }
        return new Chunk(accounts.size(), lots, units, lastAccount);
    }
}
