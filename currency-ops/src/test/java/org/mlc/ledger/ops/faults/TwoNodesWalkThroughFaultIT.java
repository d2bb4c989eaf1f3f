package org.mlc.ledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.ops.faults.Client.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's Bou'Sol walk-through on two nodes sharing one PostgreSQL, each request to the
 * other node in turn: the same answers as on one node, an Idempotency-Key resent to the other
 * node answered from its first answer, and each node's /actuator/prometheus showing every
 * processor's lag, back to 0 at the end.
 */
@Tag("faults")
class TwoNodesWalkThroughFaultIT {

    private int turn;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theBousolWalkThroughServedAlternatelyByTwoNodes() throws Exception {
        try (Cluster cluster = new Cluster("walkthrough")) {
            Node a = cluster.node("node-a", Map.of()).start();
            Node b = cluster.node("node-b", Map.of()).start();
            a.awaitUp();
            b.awaitUp();
            List<Node> nodes = List.of(a, b);
            Client admin = Client.admin();

            expect(admin.post(next(nodes), "/api/v1/currencies", "def-bousol", Map.of("code", "BOUSOL",
                    "name", "Bou Sol", "conversion", Map.of("euros", "20", "units", "21"),
                    "reconversionFee", "0.05", "membershipFee", "3.00")), 201);
            JsonNode member = expect(admin.post(next(nodes), "/api/v1/participants", "member-1",
                    Map.of("kind", "MEMBER", "name", "Alice", "currency", "BOUSOL")), 201).body();
            JsonNode merchant = expect(admin.post(next(nodes), "/api/v1/participants", "merchant-1",
                    Map.of("kind", "MERCHANT", "name", "Epicerie du port", "currency", "BOUSOL",
                            "filiere", "ALIMENTATION")), 201).body();
            JsonNode association = expect(admin.post(next(nodes), "/api/v1/participants", "asso-1",
                    Map.of("kind", "ASSOCIATION", "name", "Bou Sol asso", "currency", "BOUSOL")), 201).body();
            expect(admin.post(next(nodes), "/api/v1/currencies/BOUSOL/bonus-budgets", "budget-1",
                    Map.of("sponsor", association.get("id").asText(), "euros", "1000.00", "from", "2026-01-01",
                            "to", "2026-12-31")), 201);
            String counter = expect(admin.post(next(nodes), "/api/v1/counters", "counter-1",
                    Map.of("name", "Comptoir centre", "currency", "BOUSOL")), 201).body().get("id").asText();
            JsonNode conversion = expect(admin.post(next(nodes), "/api/v1/counters/" + counter + "/conversions",
                    "conv-1", Map.of("participant", member.get("id").asText(), "euros", "20.00", "paidBy", "CASH",
                            "payout", "ACCOUNT")), 201).body();
            assertThat(conversion.get("units").asText()).isEqualTo("21.00");
            assertThat(conversion.get("bonus").asText()).isEqualTo("1.00");
            String memberAccount = member.get("accountId").asText();
            String merchantAccount = merchant.get("accountId").asText();
            assertThat(balance(admin, next(nodes), memberAccount)).isEqualTo("21.00");

            Map<String, Object> pay = Map.of("from", memberAccount, "to", merchantAccount, "amount", "12.50");
            JsonNode payment = expect(admin.post(next(nodes), "/api/v1/payments", "pay-1", pay), 201).body();
            assertThat(payment.get("status").asText()).isEqualTo("COMPLETED");
            // read on the other node at once: read-your-writes holds across nodes
            assertThat(balance(admin, next(nodes), memberAccount)).isEqualTo("8.50");
            assertThat(balance(admin, next(nodes), merchantAccount)).isEqualTo("12.50");
            JsonNode again = expect(admin.post(next(nodes), "/api/v1/payments", "pay-1", pay), 201).body();
            assertThat(again.get("id").asText()).isEqualTo(payment.get("id").asText());
            assertThat(balance(admin, next(nodes), memberAccount)).isEqualTo("8.50");
            JsonNode supply = expect(admin.get(next(nodes), "/api/v1/currencies/BOUSOL/supply"), 200).body();
            assertThat(supply.get("inCirculation").asText()).isEqualTo("21.00");
            assertThat(supply.get("inTransit").asText()).isEqualTo("0.00");

            for (Node node : nodes) {
                String metrics = admin.text(node, "/actuator/prometheus");
                // the gauges read the store at most once a second: give them a moment
                for (int i = 0; i < 20 && !metrics.contains("processor=\"reports\"} 0.0"); i++) {
                    Thread.sleep(500);
                    metrics = admin.text(node, "/actuator/prometheus");
                }
                for (String processor : List.of("ledger", "directory", "reports", "TransferSagaProcessor")) {
                    assertThat(metrics).contains("mlc_processor_lag_events{application=\"mlc-ledger\",processor=\""
                            + processor + "\"} 0.0");
                }
                assertThat(metrics).contains("mlc_sagas_active{application=\"mlc-ledger\"} 0.0");
                assertThat(metrics).contains("http_server_requests_seconds_count");
            }
            String aMetrics = admin.text(a, "/actuator/prometheus");
            String bMetrics = admin.text(b, "/actuator/prometheus");
            assertThat(aMetrics + bMetrics).contains("mlc_commands_seconds_count{application=\"mlc-ledger\","
                    + "command=\"MakePayment\",outcome=\"ok\"}");
            assertThat(aMetrics + bMetrics).contains("mlc_idempotency_replays_total");
            // a scraper without credentials gets nothing
            assertThat(new Client("nobody", "wrong").get(a, "/actuator/prometheus").status()).isEqualTo(401);
            assertThat(cluster.reconcile()).isZero();
        }
    }

    private Node next(List<Node> nodes) {
        return nodes.get(turn++ % nodes.size());
    }

    private static String balance(Client client, Node node, String account) {
        return expect(client.get(node, "/api/v1/accounts/" + account), 200).body().get("balance").asText();
    }
}
