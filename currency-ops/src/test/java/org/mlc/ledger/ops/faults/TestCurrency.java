package org.mlc.ledger.ops.faults;

import static org.mlc.ledger.ops.faults.Client.expect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A currency with members funded at a counter, through the API, and the figures the fault
 * tests check afterwards: total held by the members, units in transit, payments in the store.
 */
final class TestCurrency {

    /** How long the views may take to show the members' funding once the last conversion answered. */
    static final Duration FUNDING_BOOKED_WITHIN = Duration.ofSeconds(30);

    final String code;
    final List<String> accounts = new ArrayList<>();
    private long fundedMinor;

    private TestCurrency(String code) {
        this.code = code;
    }

    /** {@code members} members holding {@code unitsEach} units (whole units) each. */
    static TestCurrency create(Client client, Node node, String code, int members, int unitsEach) {
        TestCurrency currency = new TestCurrency(code);
        expect(client.post(node, "/api/v1/currencies", "def-" + code, Map.of("code", code, "name", "Fault " + code,
                "conversion", Map.of("euros", "1", "units", "1"), "reconversionFee", "0.05",
                "membershipFee", "0.00")), 201, 200);
        String counter = expect(client.post(node, "/api/v1/counters", "counter-" + code,
                Map.of("name", "Comptoir " + code, "currency", code)), 201, 200).body().get("id").asText();
        for (int i = 0; i < members; i++) {
            var member = expect(client.post(node, "/api/v1/participants", "member-" + code + "-" + i,
                    Map.of("kind", "MEMBER", "name", "Member " + i, "currency", code)), 201, 200).body();
            currency.accounts.add(member.get("accountId").asText());
            currency.fundedMinor += unitsEach * 100L;
            expect(client.post(node, "/api/v1/counters/" + counter + "/conversions", "conv-" + code + "-" + i,
                    Map.of("participant", member.get("id").asText(), "euros", unitsEach + ".00", "paidBy", "CASH",
                            "payout", "ACCOUNT")), 201, 200);
        }
        return currency;
    }

    /**
     * What the members hold together once the account view shows all their funding: a conversion
     * answers before the views book it, and on two nodes the views may be the other node's, which
     * reads the new events a moment later. Read at once after the last answer, the total could miss
     * the last member's. Returns the last total read, whatever it is, for the test to check.
     */
    long fundedTotalMinor(JdbcTemplate jdbc) throws InterruptedException {
        Instant deadline = Instant.now().plus(FUNDING_BOOKED_WITHIN);
        long total = totalMinor(jdbc);
        while (total != fundedMinor && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            total = totalMinor(jdbc);
        }
        return total;
    }

    /** What the members hold together, in minor units (from the ledger's account view). */
    long totalMinor(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT coalesce(sum(balance_minor), 0) FROM account_view WHERE currency = ? "
                + "AND owner_kind = 'MEMBER'", Long.class, code);
    }

    /** Units in transit: debited from a payer, not yet credited to the payee nor returned. */
    String inTransit(Client client, Node node) {
        return expect(client.get(node, "/api/v1/currencies/" + code + "/supply"), 200).body().get("inTransit").asText();
    }

    /** How many times each transfer was debited, by transfer id (from the event store itself). */
    static Map<String, Long> debitsByTransfer(JdbcTemplate jdbc) {
        return countByTransfer(jdbc, "org.mlc.ledger.payment.TransferDebited");
    }

    static Map<String, Long> creditsByTransfer(JdbcTemplate jdbc) {
        return countByTransfer(jdbc, "org.mlc.ledger.payment.TransferCredited");
    }

    private static Map<String, Long> countByTransfer(JdbcTemplate jdbc, String payloadType) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.query("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'transferId' AS id, count(*) AS n "
                + "FROM domain_event_entry WHERE payload_type = ? GROUP BY 1", rs -> {
            counts.put(rs.getString("id"), rs.getLong("n"));
        }, payloadType);
        return counts;
    }
}
