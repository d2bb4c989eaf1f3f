package org.mlc.ledger.ops.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlc.ledger.account.AccountOpened;
import org.mlc.ledger.api.seal.SealSigner;
import org.mlc.ledger.api.seal.SealWriter;
import org.mlc.ledger.ops.OpsCommand;
import org.mlc.ledger.ops.support.TestLedger;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/** Seals written by the application's own {@link SealWriter} on a real PostgreSQL, then tampered with. */
class VerifyCommandTest {

    @TempDir
    static java.nio.file.Path dataDir;

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static TestLedger ledger;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).start();
        dataSource = postgres.getPostgresDatabase();
        ledger = new TestLedger(dataSource);
        ledger.createTables();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyLedger() {
        ledger.clear();
        ledger.jdbc().execute("TRUNCATE seal, seal_event, seal_aggregate");
    }

    private static SealWriter writer(SealSigner signer, Duration writerWait) {
        return new SealWriter(ledger.jdbc(), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), signer,
                writerWait, 50_000);
    }

    /** One round, in a transaction as the job runs it. */
    private static SealWriter.Round seal(SealWriter writer) {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> writer.sealOnce());
    }

    private static SealWriter.Round seal() {
        return seal(writer(null, Duration.ofSeconds(5)));
    }

    private int verify(String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == VerifyCommand.class) {
                    return type.cast(new VerifyCommand(() -> dataSource));
                }
                // the other commands are built, never run, here
                for (var constructor : type.getDeclaredConstructors()) {
                    if (constructor.getParameterCount() > 0) {
                        constructor.setAccessible(true);
                        return type.cast(constructor.newInstance(new Object[constructor.getParameterCount()]));
                    }
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        List<String> all = new ArrayList<>(List.of("verify"));
        all.addAll(List.of(args));
        return OpsCommand.commandLine(factory).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    private String report() {
        return out.toString() + err;
    }

    private void openRoueAccount(String accountId) {
        String payload = """
                {"accountId":"%s","participantId":"p-%s","kind":"MEMBER","currency":"ROUE","floorMinor":0,\
                "openedAt":"2025-03-01T09:00:00Z"}""".formatted(accountId, accountId);
        ledger.appendRaw(accountId, "Account", AccountOpened.class.getName(), "1",
                payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSealedStoreVerifiesAndTellsWhatItRead() {
        ledger.balancedLedger();
        SealWriter.Round round = seal();
        assertThat(round.events()).isEqualTo(11);

        assertThat(verify()).as(report()).isZero();

        assertThat(report())
                .contains("events read     11 in 1 seals of 1 chain(s)")
                .contains("not sealed yet  0 events after the last seal")
                .containsPattern("latest root     BOUSOL +#0 [0-9a-f]{64}")
                .contains("RESULT: OK");
    }

    @Test
    void anAlteredPayloadIsNamedByItsGlobalIndex() {
        ledger.balancedLedger();
        seal();
        ledger.jdbc().update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'1250', '1350'), 'UTF8') WHERE global_index = 8");

        assertThat(verify()).as(report()).isEqualTo(1);

        assertThat(report()).contains("RESULT: FAILED, event #8 altered (TransferCredited of acc-bob #1)");
    }

    @Test
    void aDeletedRowIsNamedByItsGlobalIndex() {
        ledger.balancedLedger();
        seal();
        ledger.jdbc().update("DELETE FROM domain_event_entry WHERE global_index = 9");

        assertThat(verify()).as(report()).isEqualTo(1);

        assertThat(report()).contains("RESULT: FAILED, event #9 deleted: sealed in seal BOUSOL #0 (events #1–#11)");
    }

    @Test
    void aRowInsertedIntoTheSealedHistoryIsNamedByItsGlobalIndex() throws Exception {
        ledger.open("acc-alice");
        // an index drawn by a transaction that rolled back: a hole an intruder can fill
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry "
                    + "(event_identifier, payload, payload_type, time_stamp, aggregate_identifier, sequence_number) "
                    + "VALUES (?, '{}'::bytea, 'x', 'now', 'nobody', 0)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.executeUpdate();
            }
            connection.rollback();
        }
        ledger.open("acc-bob");
        seal();
        ledger.jdbc().update("INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload, "
                        + "payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                        + "SELECT 2, ?, meta_data, payload, payload_revision, payload_type, time_stamp, "
                        + "aggregate_identifier, 1, type FROM domain_event_entry WHERE global_index = 1",
                UUID.randomUUID().toString());

        assertThat(verify()).as(report()).isEqualTo(1);

        assertThat(report()).contains("RESULT: FAILED, event #2 inserted (AccountOpened of acc-alice #1)");
    }

    @Test
    void aChangedTimestampIsNamedByItsGlobalIndex() {
        ledger.balancedLedger();
        seal();
        ledger.jdbc().update("UPDATE domain_event_entry SET time_stamp = '2025-03-01T08:59:59Z' WHERE global_index = 5");

        assertThat(verify()).as(report()).isEqualTo(1);

        assertThat(report()).contains("RESULT: FAILED, event #5 altered (EurosConverted of counter-1 #0)");
    }

    @Test
    void aResealedHistoryBreaksTheChainAtTheSealRewritten() {
        ledger.balancedLedger();
        seal();
        ledger.pay("t-9", "acc-bob", "acc-alice", 100);
        seal();
        // a host rewrites event 8 and re-seals the first seal to match: the second no longer links to it
        ledger.jdbc().update("UPDATE domain_event_entry SET time_stamp = 'x' WHERE global_index = 8");
        ledger.jdbc().update("UPDATE seal SET root = decode(repeat('ab', 32), 'hex') WHERE sequence = 0");

        assertThat(verify()).as(report()).isEqualTo(1);

        assertThat(report()).contains("RESULT: FAILED, event #8 altered")
                .contains("also: seal BOUSOL #1 (events #12–#13): its previous root is not the root of the seal "
                        + "before it");
    }

    @Test
    void eachCurrencyHasItsOwnChainAndIsVerifiedAlone() {
        ledger.balancedLedger();
        openRoueAccount("acc-roue");
        seal();
        openRoueAccount("acc-roue-2");
        ledger.open("acc-carol");
        SealWriter.Round second = seal();
        assertThat(second.seals()).extracting(SealWriter.Seal::currency).containsExactly("ROUE", "BOUSOL");
        ledger.jdbc().update("UPDATE domain_event_entry SET payload_revision = '2' WHERE global_index = 3");

        assertThat(verify("--currency", "ROUE")).as(report()).isZero();
        assertThat(report()).contains("events read     2 in 2 seals of 1 chain(s) (ROUE)").contains("RESULT: OK");

        assertThat(verify("--currency", "BOUSOL")).as(report()).isEqualTo(1);
        assertThat(report()).contains("RESULT: FAILED, event #3 altered");
    }

    @Test
    void aSealStopsBelowAnEventStillBeingWrittenAndTakesItOnceCommitted() throws Exception {
        ledger.open("acc-alice");
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement insert = slow.prepareStatement("INSERT INTO domain_event_entry "
                    + "(event_identifier, payload, payload_type, time_stamp, aggregate_identifier, sequence_number, "
                    + "type) VALUES (?, ?, ?, '2025-03-01T09:00:00Z', 'acc-slow', 0, 'Account')")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setBytes(2, "{\"currency\":\"BOUSOL\"}".getBytes(StandardCharsets.UTF_8));
                insert.setString(3, AccountOpened.class.getName());
                insert.executeUpdate();
            }
            // index 2 is in flight; index 3 commits after it
            ledger.open("acc-bob");

            SealWriter.Round held = seal(writer(null, Duration.ofMillis(300)));

            assertThat(held.heldBack()).isTrue();
            assertThat(held.seals()).isEmpty();
            slow.commit();
        }
        SealWriter.Round after = seal();

        assertThat(after.events()).isEqualTo(3);
        assertThat(ledger.jdbc().queryForList("SELECT global_index FROM seal_event ORDER BY global_index", Long.class))
                .containsExactly(1L, 2L, 3L);
        assertThat(verify()).as(report()).isZero();
    }

    @Test
    void signedSealsVerifyWithTheAssociationsPublicKeyAndNotWithAnother() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String otherKey = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        ledger.balancedLedger();
        seal(writer(SealSigner.of(privateKey, publicKey), Duration.ofSeconds(5)));

        assertThat(verify("--public-key", publicKey)).as(report()).isZero();
        assertThat(report()).contains("RESULT: OK, every seal matches its events and carries a valid signature");

        assertThat(verify("--public-key", otherKey)).as(report()).isEqualTo(1);
        assertThat(report()).contains("seal BOUSOL #0 (events #1–#11): its signature does not verify with the given "
                + "public key");
    }
}
