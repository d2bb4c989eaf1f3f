package org.mlc.ledger.api.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first administrator: its password comes from MLC_ADMIN_PASSWORD (set again to reset it);
 * without it, one is generated and printed once, at the first start.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    public static final String ADMIN = "admin";
    private static final int GENERATED_PASSWORD_BYTES = 18;
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    public AdminBootstrap(JdbcTemplate jdbc, PasswordEncoder encoder,
                          @Value("${mlc.admin-password:}") String configuredPassword) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        var existing = jdbc.queryForList("SELECT password_hash FROM app_user WHERE username = ?", String.class, ADMIN);
        if (!configuredPassword.isBlank()) {
            if (existing.isEmpty()) {
                insert(configuredPassword);
                log.info("Administrator '{}' created with the password from MLC_ADMIN_PASSWORD", ADMIN);
            } else if (!encoder.matches(configuredPassword, existing.get(0))) {
                jdbc.update("UPDATE app_user SET password_hash = ?, enabled = TRUE WHERE username = ?",
                        encoder.encode(configuredPassword), ADMIN);
                log.info("Administrator '{}' password reset from MLC_ADMIN_PASSWORD", ADMIN);
            }
            return;
        }
        if (existing.isEmpty()) {
            byte[] random = new byte[GENERATED_PASSWORD_BYTES];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            insert(password);
            // Printed once, on purpose: this is the only way the operator learns it.
            System.out.println("\n=== MLC Ledger: administrator '" + ADMIN + "' created with password " + password
                    + " (shown once; set MLC_ADMIN_PASSWORD to choose your own) ===\n");
        }
    }

    private void insert(String password) {
        jdbc.update("INSERT INTO app_user (username, password_hash, role) VALUES (?, ?, 'ADMIN') "
                + "ON CONFLICT (username) DO NOTHING", ADMIN, encoder.encode(password));
    }
}
