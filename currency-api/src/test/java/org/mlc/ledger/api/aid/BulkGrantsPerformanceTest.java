package org.mlc.ledger.api.aid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.participant.RegisterParticipant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 10,000 grants in one upload, each line to its own beneficiary: all granted, progress visible
 * while it runs. Issue #9's target is under 30 s from the upload to the last line done; the time
 * is logged and recorded, with the machine's load, in docs/performance.md. The bound asserted
 * here is four times the target: on a shared, overloaded machine the target itself is not a fair
 * test, but a job that grows worse than linear would blow this one. Tagged slow: with the 10,000
 * beneficiaries registered first it takes minutes (run it with -Dexcluded.test.groups=).
 */
@Tag("slow")
class BulkGrantsPerformanceTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(BulkGrantsPerformanceTest.class);
    private static final int LINES = 10_000;
    private static final long TARGET_MILLIS = 30_000;
    private static final long BOUND_MILLIS = 4 * TARGET_MILLIS;

    @Autowired
    private CommandGateway commandGateway;

    @Test
    void tenThousandGrantsInOneUploadUnderThirtySeconds() throws Exception {
        String currency = ledger.currency("1", "1");
        Party ccas = ledger.participant("CCAS", "CCAS", currency);
        User ccasUser = ledger.user("CCAS", ccas.id(), null);
        String program = ledger.aidProgram(ccas, currency, "ALIMENTATION");
        ledger.fundAidProgram(program, "100000.00");
        List<String> beneficiaries = register(currency);

        StringBuilder csv = new StringBuilder("key,beneficiary,units\r\n");
        for (int i = 0; i < LINES; i++) {
            csv.append("line-").append(i).append(',').append(beneficiaries.get(i)).append(",10.00\r\n");
        }
        String path = "/api/v1/aid-programs/" + program + "/grant-batches";
        long started = System.nanoTime();
        Api.Response sent = ccasUser.api().postCsv(path, csv.toString());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        boolean progressSeen = false;
        JsonNode job;
        while (true) {
            job = ccasUser.api().get(path + "/" + sent.get("id")).json();
            int done = job.get("done").asInt();
            progressSeen |= done > 0 && done < LINES;
            if ("FINISHED".equals(job.get("status").asText())) {
                break;
            }
            assertThat(System.nanoTime() - started).as("still running after 120 s").isLessThan(120_000_000_000L);
            Thread.sleep(200);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        // then the read side (balances, statements, the programme's figures) catches up
        while (!job.get("caughtUp").asBoolean()) {
            assertThat(System.nanoTime() - started).as("read side behind after 180 s").isLessThan(180_000_000_000L);
            Thread.sleep(200);
            job = ccasUser.api().get(path + "/" + sent.get("id")).json();
        }
        long shownMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("bulk grants: {} lines granted in {} ms ({} lines/s), read side caught up after {} ms", LINES,
                millis, LINES * 1000L / Math.max(1, millis), shownMillis);
        assertThat(job.get("succeeded").asInt()).isEqualTo(LINES);
        assertThat(job.get("refused").asInt()).isZero();
        assertThat(progressSeen).as("progress visible while it runs").isTrue();
        assertThat(millis).as("10,000 grants within four times the 30 s target").isLessThan(BOUND_MILLIS);
        if (millis > TARGET_MILLIS) {
            log.warn("bulk grants above issue #9's target of {} ms: {} ms (machine load?)", TARGET_MILLIS, millis);
        }
        assertThat(api.get("/api/v1/aid-programs/" + program).get("granted")).isEqualTo("100000.00");
        books.assertBalanced();
    }

    private List<String> register(String currency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> registered = new ArrayList<>();
            for (int i = 0; i < LINES; i++) {
                registered.add(pool.submit(() -> {
                    String id = UUID.randomUUID().toString();
                    commandGateway.sendAndWait(new RegisterParticipant(ParticipantId.of(id), ParticipantKind.MEMBER,
                            "Beneficiary", CurrencyCode.of(currency), AccountId.of("acc-" + id), null, Instant.now()));
                    return id;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : registered) {
                ids.add(id.get());
            }
            for (int i = 0; i < 600; i++) {
                Long seen = jdbc.queryForObject("SELECT COUNT(*) FROM participant_view WHERE currency = ? AND kind = ?",
                        Long.class, currency, ParticipantKind.MEMBER.name());
                if (seen != null && seen >= LINES) {
                    return ids;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the beneficiaries did not reach the directory in 60 s");
        } finally {
            pool.shutdownNow();
        }
    }
}
