package org.mlc.ledger.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Ledger;

/** /actuator/prometheus and the processors health indicator, on the real application. */
class ObservabilityTest extends IntegrationTest {

    @Test
    void prometheusShowsProcessorLagCommandsAndHttpToAMonitoringUserOnly() {
        String currency = ledger.currency("20", "21");
        Ledger.Party alice = ledger.participant("MEMBER", "Alice", currency);
        Ledger.Party bob = ledger.participant("MEMBER", "Bob", currency);
        ledger.convert(ledger.counter(currency), alice, "20.00");
        assertThat(ledger.pay(alice, bob, "1.00").status()).isEqualTo(201);

        var metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        for (String processor : new String[] {"ledger", "directory", "reports", "TransferSagaProcessor"}) {
            assertThat(metrics.text()).containsPattern(
                    "mlc_processor_lag_events\\{application=\"mlc-ledger\",processor=\"" + processor + "\"} \\d");
        }
        assertThat(metrics.text()).contains("mlc_events_head{application=\"mlc-ledger\"}")
                .contains("mlc_sagas_active{application=\"mlc-ledger\"}")
                .contains("mlc_commands_seconds_count{application=\"mlc-ledger\",command=\"MakePayment\",outcome=\"ok\"}")
                .contains("mlc_events_appended_total")
                .contains("mlc_idempotency_replays_total")
                .contains("mlc_commands_retried_total")
                .contains("http_server_requests_seconds_count");

        var auditor = ledger.user("AUDITOR", null, null).api();
        assertThat(auditor.get("/actuator/prometheus").status()).isEqualTo(200);
        var member = ledger.user("MEMBER", alice.id(), null).api();
        assertThat(member.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.getAnonymously("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void idempotentReplaysAreCounted() {
        String currency = ledger.currency("20", "21");
        Ledger.Party alice = ledger.participant("MEMBER", "Alice", currency);
        Ledger.Party bob = ledger.participant("MEMBER", "Bob", currency);
        ledger.convert(ledger.counter(currency), alice, "20.00");
        double before = counter("mlc_idempotency_replays_total");
        String body = "{\"from\":\"" + alice.accountId() + "\",\"to\":\"" + bob.accountId() + "\",\"amount\":\"2.00\"}";
        assertThat(api.post("/api/v1/payments", body, "obs-replay").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/payments", body, "obs-replay").status()).isEqualTo(201);
        assertThat(counter("mlc_idempotency_replays_total")).isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void healthShowsTheProcessorsToAnAdminAndOnlyTheStatusToAnyone() {
        var open = api.getAnonymously("/actuator/health");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().get("status").asText()).isEqualTo("UP");
        assertThat(open.json().get("components")).isNull();

        var detailed = api.get("/actuator/health");
        var processors = detailed.json().get("components").get("processors");
        assertThat(processors.get("status").asText()).isEqualTo("UP");
        assertThat(processors.get("details").get("ledger").get("lag").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(processors.get("details").get("head").asLong()).isGreaterThanOrEqualTo(0);
    }

    private double counter(String name) {
        String text = api.get("/actuator/prometheus").text();
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
