package org.mlc.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger;
import org.mlc.ledger.api.support.Ledger.Party;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping and starting again on the same data directory keeps the whole ledger. */
class RestartTest {

    private final Path dataDir = Path.of("target", "test-data", "restart-" + UUID.randomUUID());

    @Test
    void balancesAndSupplySurviveARestart() {
        Party member;
        Party merchant;
        String currency;
        String supplyBefore;
        try (ConfigurableApplicationContext first = start()) {
            Ledger ledger = new Ledger(api(first));
            currency = ledger.currency("20", "21");
            ledger.sponsorBudget(currency, "100.00", null);
            String counter = ledger.counter(currency);
            member = ledger.fundedMember(currency, counter, "20.00");
            merchant = ledger.merchant("Shop", currency);
            assertThat(ledger.pay(member, merchant, "12.50").status()).isEqualTo(201);
            supplyBefore = api(first).get("/api/v1/currencies/" + currency + "/supply").text();
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            Ledger ledger = new Ledger(api);
            assertThat(ledger.balance(member)).isEqualTo("8.50");
            assertThat(ledger.balance(merchant)).isEqualTo("12.50");
            assertThat(api.get("/api/v1/currencies/" + currency + "/supply").text()).isEqualTo(supplyBefore);
            // and the ledger goes on from where it was
            assertThat(ledger.pay(member, merchant, "8.50").status()).isEqualTo(201);
            assertThat(ledger.balance(member)).isEqualTo("0.00");
        }
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments: they win over application.yml, as an operator's settings do
        return new SpringApplicationBuilder(MlcLedgerApplication.class)
                .run("--server.port=0", "--mlc.data-dir=" + dataDir, "--mlc.admin-password=" + Api.ADMIN_PASSWORD,
                        "--mlc.embedded.synchronous-commit=off");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
