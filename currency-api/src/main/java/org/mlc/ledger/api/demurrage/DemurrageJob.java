package org.mlc.ledger.api.demurrage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.currency.Demurrage;
import org.mlc.ledger.money.Ratio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, for each currency with a fonte, runs its latest due date that has come unless that
 * run completed (a run interrupted the night before is resumed). Earlier periods are not caught up:
 * a currency that sets a first due date in the past runs it, and only it, on demand or tonight.
 */
@Component
public class DemurrageJob {

    /** The user the job's events name. */
    public static final String JOB_USER = "demurrage-job";

    private static final Logger log = LoggerFactory.getLogger(DemurrageJob.class);

    private final CurrencyQueries currencies;
    private final DemurrageQueries runs;
    private final DemurrageRuns demurrage;
    private final Clock clock;

    public DemurrageJob(CurrencyQueries currencies, DemurrageQueries runs, DemurrageRuns demurrage, Clock clock) {
        this.currencies = currencies;
        this.runs = runs;
        this.demurrage = demurrage;
        this.clock = clock;
    }

    @Scheduled(cron = "${mlc.demurrage.cron:0 20 0 * * *}", zone = "Europe/Paris")
    void nightly() {
        runDue();
    }

    /** Runs what is due; answers how many runs it made or resumed. */
    public int runDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CivilDay.ZONE);
        int ran = 0;
        for (CurrencyQueries.Currency currency : currencies.all()) {
            Optional<LocalDate> due = currencies.demurrage(currency.code()).flatMap(policy -> policy(policy)
                    .lastDueOnOrBefore(today));
            if (due.isEmpty() || runs.period(currency.code(), due.get()).filter(DemurrageQueries.Period::completed)
                    .isPresent()) {
                continue;
            }
            try {
                if (demurrage.run(CurrencyCode.of(currency.code()), due.get(), JOB_USER).isPresent()) {
                    ran++;
                }
            } catch (RuntimeException e) {
                // one currency's failure must not keep the others from melting; tomorrow resumes it
                log.warn("demurrage run of {} for {} failed: {}", currency.code(), due.get(), e.toString());
            }
        }
        return ran;
    }

    /** The policy as the domain reads it, for its due dates. */
    static Demurrage policy(CurrencyQueries.Demurrage policy) {
        return new Demurrage(new Ratio(policy.rateNumerator(), policy.rateDenominator()), policy.periodMonths(),
                policy.firstDueOn(), policy.thresholdMinor(), policy.kinds(), ParticipantId.of(policy.beneficiary()),
                AccountId.of(policy.beneficiaryAccount()), policy.includeEarmarked());
    }
}
