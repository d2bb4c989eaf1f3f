package org.mlc.ledger.api;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Books;
import org.mlc.ledger.api.support.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.mlc.ledger.api.support.MovableClock;
import org.mlc.ledger.api.support.TestMail;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring Boot test configuration: the whole application on a real embedded PostgreSQL,
 * started once and shared by every test class that extends this one (Spring caches the context).
 * Tests isolate themselves by creating their own currency and participants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Configuration.class)
// Spring Boot's tests leave metrics export off; /actuator/prometheus is part of what is tested
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTest {

    /** One data directory per test JVM: a fresh database each run. */
    public static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("mlc.data-dir", DATA_DIR::toString);
        registry.add("mlc.admin-password", () -> Api.ADMIN_PASSWORD);
        // tests may lose the last commits on a crash; the application never does
        registry.add("mlc.embedded.synchronous-commit", () -> "off");
        // every request checks a bcrypt hash: the lowest cost keeps the role matrix quick
        registry.add("mlc.security.bcrypt-strength", () -> "4");
        // e-mail goes to the test JVM's SMTP server (support/TestMail); the trusted proxy is 127.0.0.2
        // (support/ProxyClient), so the tests' own requests (from 127.0.0.1) have forwarded headers ignored
        registry.add("mlc.smtp.host", () -> "127.0.0.1");
        registry.add("mlc.smtp.port", TestMail::port);
        registry.add("mlc.mail.from", () -> "bousol@test.example");
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.2");
        // on by default, and named here so that the tests keep it whatever the default: every
        // payment and conversion they make also shows that batching changes nothing a request sees
        registry.add("mlc.group-commit.enabled", () -> "true");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;
    protected Ledger ledger;
    protected Books books;

    @BeforeEach
    void client() {
        api = new Api(port);
        ledger = new Ledger(api);
        books = new Books(jdbc);
    }
}
