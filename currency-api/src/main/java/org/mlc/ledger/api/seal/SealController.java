package org.mlc.ledger.api.seal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Platform;
import org.mlc.ledger.api.security.Anonymous;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.IdempotentCommands;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.api.web.ViewsMayLag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seals of the event store (docs/hosting.md): made every minute by {@link SealJob}, on demand
 * by an ADMIN, and public, so that an association can keep its latest root elsewhere and check it.
 */
// seals are read from their own table, never from a projection: nothing to wait for
@ViewsMayLag
@RestController
public class SealController {

    public static final int MAX_PAGE_SIZE = 500;

    private final SealJob job;
    private final SealQueries seals;
    private final IdempotentCommands commands;

    public SealController(SealJob job, SealQueries seals, IdempotentCommands commands) {
        this.job = job;
        this.seals = seals;
        this.commands = commands;
    }

    /** What a sealing run appended. */
    public record SealRun(boolean ran, long events, int seals, long sealedThrough, boolean heldBack) {
    }

    /** A page of seals and where the next one starts. */
    public record SealPage(List<SealQueries.PublishedSeal> seals, Long next) {
    }

    /** Each currency's latest seal, and the public key their signatures verify with (null if unsigned). */
    public record LatestSeals(String publicKey, List<SealQueries.PublishedSeal> seals) {
    }

    @Allowed({Role.ADMIN})
    @Platform
    @Operation(summary = "Seal the event store now, up to its safe point")
    @PostMapping("/api/v1/seals")
    public ResponseEntity<SealRun> seal(@RequestHeader(value = IdempotentCommands.HEADER, required = false)
                                        String key) {
        // the key is required of every change; a run needs no replay: run again, it seals nothing twice
        commands.key("seal-run", key, List.of());
        SealJob.Result result = job.run();
        for (int tries = 0; !result.ran() && tries < 50; tries++) {
            // the minute's run holds the lock: it ends in moments
            sleep();
            result = job.run();
        }
        SealRun run = new SealRun(result.ran(), result.events(), result.seals().size(), result.sealedThrough(),
                result.heldBack());
        return ResponseEntity.status(result.ran() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(run);
    }

    @Anonymous
    @Operation(summary = "Public: the seals from a global index on, of one currency or all")
    @GetMapping("/api/v1/public/seals")
    public SealPage seals(@RequestParam(defaultValue = "0") long from,
                          @RequestParam(required = false) String currency,
                          @RequestParam(defaultValue = "100") int size) {
        if (from < 0) {
            throw ApiException.invalid("from", "web.page-number", "{0} must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalid("size", "web.page-size", "{0} must be between 1 and {1}", MAX_PAGE_SIZE);
        }
        String code = currency == null || currency.isBlank() ? null : RequestValues.id(currency, "currency");
        List<SealQueries.PublishedSeal> page = seals.from(from, code, size);
        Long next = page.size() < size ? null : page.get(page.size() - 1).toIndex() + 1;
        return new SealPage(page, next);
    }

    @Anonymous
    @Operation(summary = "Public: each currency's latest seal and the key that verifies it")
    @GetMapping("/api/v1/public/seals/latest")
    public LatestSeals latest() {
        return new LatestSeals(job.publicKey(), seals.latest());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
