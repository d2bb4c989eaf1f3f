package org.mlc.ledger.api.seal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;

class SealsTest extends IntegrationTest {

    private JsonNode sealNow() {
        Api.Response run = api.request("POST", "/api/v1/seals", null, true, "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        return run.json();
    }

    private List<JsonNode> publicSeals(String currency) {
        Api.Response page = api.getAnonymously("/api/v1/public/seals?currency=" + currency + "&size=500");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> seals = new ArrayList<>();
        page.json().get("seals").forEach(seals::add);
        return seals;
    }

    /** The root recomputed from the store's rows of the currency's aggregates in the seal's range. */
    private String recomputedRoot(JsonNode seal) {
        SealCodec.Root root = new SealCodec.Root(seal.get("currency").asText(),
                SealCodec.unhex(seal.get("previousRoot").asText()));
        jdbc.query("SELECT " + SealCodec.EVENT_COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier IN "
                        + "(SELECT aggregate_identifier FROM seal_aggregate WHERE currency = ?) "
                        + "AND global_index BETWEEN ? AND ? ORDER BY global_index",
                rows -> {
                    root.add(SealCodec.digest(SealCodec.read(rows)));
                }, seal.get("currency").asText(), seal.get("fromIndex").asLong(), seal.get("toIndex").asLong());
        assertThat(root.events()).isEqualTo(seal.get("eventCount").asLong());
        return SealCodec.hex(root.finish());
    }

    @Test
    void anAdminSealsTheStoreAndAnyoneReadsEachCurrencysChainWhoseRootsAreThoseOfItsEvents() {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        Party alice = ledger.fundedMember(currency, counter, "50.00");
        Party bob = ledger.fundedMember(currency, counter, "20.00");

        JsonNode first = sealNow();
        assertThat(first.get("ran").asBoolean()).isTrue();
        assertThat(first.get("sealedThrough").asLong()).isGreaterThan(0);
        List<JsonNode> seals = publicSeals(currency);
        assertThat(seals).isNotEmpty();
        JsonNode genesis = seals.get(0);
        assertThat(genesis.get("sequence").asLong()).isZero();
        assertThat(genesis.get("previousRoot").asText()).isEqualTo("0".repeat(64));
        assertThat(genesis.get("root").asText()).isEqualTo(recomputedRoot(genesis));

        assertThat(ledger.pay(alice, bob, "5.00").status()).isEqualTo(201);
        sealNow();

        List<JsonNode> after = publicSeals(currency);
        assertThat(after).hasSizeGreaterThan(seals.size());
        JsonNode last = after.get(after.size() - 1);
        JsonNode previous = after.get(after.size() - 2);
        assertThat(last.get("sequence").asLong()).isEqualTo(previous.get("sequence").asLong() + 1);
        assertThat(last.get("previousRoot").asText()).isEqualTo(previous.get("root").asText());
        assertThat(last.get("root").asText()).isEqualTo(recomputedRoot(last));
        // every seal of the chain holds only this currency's events
        after.forEach(seal -> assertThat(seal.get("currency").asText()).isEqualTo(currency));

        Api.Response latest = api.getAnonymously("/api/v1/public/seals/latest");
        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        List<String> latestRoots = new ArrayList<>();
        latest.json().get("seals").forEach(seal -> latestRoots.add(seal.get("root").asText()));
        assertThat(latestRoots).contains(last.get("root").asText());
        // and the currency's public page shows it, for the association to copy and check later
        Api.Response page = api.getAnonymously("/public/" + currency);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.text()).contains(last.get("root").asText());
    }

    @Autowired
    private SealJob job;

    @Test
    void runsStartedTogetherOnTwoThreadsSealEveryEventOnceInUnbrokenChains() throws Exception {
        String currency = ledger.currency("10", "10");
        String counter = ledger.counter(currency);
        ledger.fundedMember(currency, counter, "10.00");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<SealJob.Result>> runs = List.of(threads.submit(job::run), threads.submit(job::run));
            for (Future<SealJob.Result> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }
        sealNow();

        long through = jdbc.queryForObject("SELECT max(to_index) FROM seal", Long.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM seal_event WHERE global_index <= ?", Long.class, through))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?",
                        Long.class, through));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM seal s JOIN seal p ON p.currency = s.currency "
                + "AND p.sequence = s.sequence - 1 WHERE s.previous_root <> p.root", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT currency FROM seal GROUP BY currency "
                + "HAVING max(sequence) + 1 <> count(*)) gaps", Long.class)).isZero();
    }

    @Test
    void aSecondRunWithNothingNewSealsNothing() {
        String currency = ledger.currency("10", "10");
        ledger.counter(currency);
        sealNow();

        JsonNode again = sealNow();

        assertThat(again.get("events").asLong()).isZero();
        assertThat(again.get("seals").asInt()).isZero();
    }

    @Test
    void thePublicSealsArePagedAndTheirSizeIsLimited() {
        Api.Response tooLarge = api.getAnonymously("/api/v1/public/seals?size=501");
        Api.assertProblem(tooLarge, 400, "validation");

        String currency = ledger.currency("10", "10");
        ledger.counter(currency);
        sealNow();
        Api.Response page = api.getAnonymously("/api/v1/public/seals?size=1");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("seals")).hasSize(1);
        long next = page.json().get("next").asLong();
        Api.Response second = api.getAnonymously("/api/v1/public/seals?size=1&from=" + next);
        assertThat(second.json().get("seals").get(0).get("toIndex").asLong()).isGreaterThanOrEqualTo(next);
    }

    @Test
    void onlyAnAdminSealsOnDemand() {
        Api.Response anonymous = api.request("POST", "/api/v1/seals", null, false,
                "Idempotency-Key", "k-" + System.nanoTime());
        Api.assertProblem(anonymous, 401, "unauthorized");
    }
}
