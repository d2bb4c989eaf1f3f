package org.mlc.ledger.api.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/**
 * Bulk jobs between currencies: one association's long batch does not hold another's small one
 * back for its whole length (a fair queue), and one currency has at most
 * {@code mlc.bulk.max-running-jobs-per-currency} (2) jobs in progress at once.
 */
class BulkFairnessTest extends IntegrationTest {

    /** A collectivité of a fresh currency, funded, its user, and a payee. */
    private record Town(User user, Party town, Party payee) {

        String batches() {
            return "/api/v1/accounts/" + town.accountId() + "/payment-batches";
        }
    }

    private Town town() {
        String currency = ledger.currency("1", "1");
        String counter = ledger.counter(currency);
        Party town = ledger.participant("COLLECTIVITE", "Ville", currency);
        assertThat(ledger.convert(counter, town, "100.00").status()).isEqualTo(201);
        return new Town(ledger.user("COLLECTIVITE", town.id(), null), town,
                ledger.participant("ASSOCIATION", "Club", currency));
    }

    private static String upload(Town town, int lines) {
        StringBuilder body = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < lines; i++) {
            body.append(i == 0 ? "" : ",").append("{\"key\":\"").append(UUID.randomUUID()).append("\",\"to\":\"")
                    .append(town.payee().accountId()).append("\",\"amount\":\"0.01\"}");
        }
        Api.Response sent = town.user().api().post(town.batches(), body.append("]}").toString());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        return town.batches() + "/" + sent.get("id");
    }

    private static JsonNode job(Town town, String path) {
        // no lines in the answer: the progress is enough
        Api.Response job = town.user().api().get(path + "?fromLine=100000");
        assertThat(job.status()).as(job.toString()).isEqualTo(200);
        return job.json();
    }

    @Test
    void aSmallBatchOfOneCurrencyIsServedBeforeTheLongBatchOfAnotherEnds() throws InterruptedException {
        Town big = town();
        Town small = town();
        String longJob = upload(big, 600);
        String shortJob = upload(small, 1);

        JsonNode shortDone = null;
        for (int i = 0; i < 600 && shortDone == null; i++) {
            JsonNode seen = job(small, shortJob);
            if ("FINISHED".equals(seen.get("status").asText())) {
                shortDone = seen;
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(shortDone).as("the one-line batch finished").isNotNull();
        JsonNode longSeen = job(big, longJob);
        assertThat(longSeen.get("status").asText()).as(longSeen.toString()).isEqualTo("RUNNING");
        assertThat(longSeen.get("done").asInt()).isLessThan(600);
    }

    @Test
    void oneCurrencyHasAtMostTwoJobsInProgressAtOnce() throws InterruptedException {
        Town town = town();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(upload(town, 150));
        }
        boolean thirdWaited = false;
        for (int i = 0; i < 1_200; i++) {
            List<JsonNode> seen = jobs.stream().map(path -> job(town, path)).toList();
            long inProgress = seen.stream().filter(job -> "RUNNING".equals(job.get("status").asText())
                    && job.get("done").asInt() > 0).count();
            assertThat(inProgress).as("jobs of one currency in progress: " + seen).isLessThanOrEqualTo(2);
            boolean firstTwoRunning = seen.get(0).get("status").asText().equals("RUNNING")
                    && seen.get(1).get("status").asText().equals("RUNNING");
            if (firstTwoRunning && seen.get(0).get("done").asInt() > 0 && seen.get(1).get("done").asInt() > 0) {
                assertThat(seen.get(2).get("done").asInt()).as("the third job waits: " + seen).isZero();
                thirdWaited = true;
            }
            if (seen.stream().allMatch(job -> "FINISHED".equals(job.get("status").asText()))) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(jobs.stream().map(path -> job(town, path).get("status").asText())).containsOnly("FINISHED");
        assertThat(thirdWaited).as("the first two jobs were seen in progress together").isTrue();
    }
}
