package org.mlc.ledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The MLC Ledger application: REST API, projections and the Axon ledger on PostgreSQL. Scheduled
 * jobs (hold expiry) run here, not in the operator tool that reuses these components.
 */
@SpringBootApplication
@EnableScheduling
public class MlcLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(MlcLedgerApplication.class, args);
    }
}
