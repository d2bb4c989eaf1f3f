package org.mlc.ledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The MLC Ledger application: REST API, projections and the Axon ledger on PostgreSQL. */
@SpringBootApplication
public class MlcLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(MlcLedgerApplication.class, args);
    }
}
