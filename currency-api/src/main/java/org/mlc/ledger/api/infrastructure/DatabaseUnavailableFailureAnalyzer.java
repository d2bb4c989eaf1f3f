package org.mlc.ledger.api.infrastructure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A database that cannot start (its directory used by another process, a server that will not
 * stop) is the operator's to fix: Spring Boot prints the message and what to do instead of a
 * stack trace of every bean that needed it. Registered in {@code META-INF/spring.factories}.
 */
public class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix what the description says, then start again (docs/reliability.md, docs/operations.md).", cause);
    }
}
