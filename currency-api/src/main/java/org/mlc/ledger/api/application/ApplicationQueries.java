package org.mlc.ledger.api.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads {@code merchant_application_view} and {@code membership_application_view}. */
@Component
public class ApplicationQueries {

    public record MerchantApplication(String id, String currency, String status, String name, String siret,
                                      String address, String postcode, String commune, String lat, String lon,
                                      String filiere, String email, String phone, String description,
                                      String website, Instant submittedAt, String decidedBy, Instant decidedAt,
                                      String reason, String participant) {
    }

    public record MembershipApplication(String id, String number, String currency, String status, String name,
                                        String email, String commune, Instant submittedAt, String decidedBy,
                                        Instant decidedAt, String participant) {
    }

    private static final RowMapper<MerchantApplication> MERCHANT = (rs, i) -> new MerchantApplication(
            rs.getString("application_id"), rs.getString("currency"), rs.getString("status"), rs.getString("name"),
            rs.getString("siret"), rs.getString("address"), rs.getString("postcode"), rs.getString("commune"),
            rs.getString("lat"), rs.getString("lon"), rs.getString("filiere"), rs.getString("email"),
            rs.getString("phone"), rs.getString("description"), rs.getString("website"),
            rs.getTimestamp("submitted_at").toInstant(), rs.getString("decided_by"),
            rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
            rs.getString("reason"), rs.getString("participant_id"));

    private static final RowMapper<MembershipApplication> MEMBERSHIP = (rs, i) -> new MembershipApplication(
            rs.getString("application_id"), rs.getString("number"), rs.getString("currency"), rs.getString("status"),
            rs.getString("name"), rs.getString("email"), rs.getString("commune"),
            rs.getTimestamp("submitted_at").toInstant(), rs.getString("decided_by"),
            rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
            rs.getString("participant_id"));

    private final JdbcTemplate jdbc;

    public ApplicationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MerchantApplication> merchant(String id) {
        return jdbc.query("SELECT * FROM merchant_application_view WHERE application_id = ?", MERCHANT, id).stream()
                .findFirst();
    }

    /** Oldest first, at most {@code limit}; a null currency or status is any. */
    public List<MerchantApplication> merchants(String currency, String status, int limit) {
        return jdbc.query("SELECT * FROM merchant_application_view WHERE (?::text IS NULL OR currency = ?) "
                        + "AND (?::text IS NULL OR status = ?) ORDER BY submitted_at, application_id LIMIT ?", MERCHANT,
                currency, currency, status, status, limit);
    }

    public Optional<MembershipApplication> membership(String id) {
        return jdbc.query("SELECT * FROM membership_application_view WHERE application_id = ?", MEMBERSHIP, id)
                .stream().findFirst();
    }

    /** An application by its id, or by its short number as typed (any case, with or without its dash). */
    public Optional<MembershipApplication> membershipByIdOrNumber(String idOrNumber) {
        return membership(idOrNumber).or(() -> membershipByNumber(ApplicationController.normalNumber(idOrNumber))
                .stream().findFirst());
    }

    /** The applications with this short number (normally one). */
    public List<MembershipApplication> membershipByNumber(String number) {
        return jdbc.query("SELECT * FROM membership_application_view WHERE number = ? ORDER BY submitted_at",
                MEMBERSHIP, number);
    }

    public List<MembershipApplication> memberships(String currency, String status, int limit) {
        return jdbc.query("SELECT * FROM membership_application_view WHERE (?::text IS NULL OR currency = ?) "
                        + "AND (?::text IS NULL OR status = ?) ORDER BY submitted_at, application_id LIMIT ?",
                MEMBERSHIP, currency, currency, status, status, limit);
    }
}
