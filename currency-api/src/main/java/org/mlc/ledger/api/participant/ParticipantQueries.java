package org.mlc.ledger.api.participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mlc.ledger.participant.MerchantStatus;
import org.mlc.ledger.participant.ParticipantKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Who the participants are, as {@link ParticipantProjection} writes them in {@code participant_view}:
 * the one place that reads that table. Other features ask here (a name for an account, the account
 * of a participant, the merchants of a currency) rather than query it themselves.
 */
@Component
public class ParticipantQueries {

    /** Participants listed at most by one call (pick lists, directories); callers page below it. */
    public static final int MAX_LISTED = 5_000;

    /**
     * One participant as the read side knows it; {@code merchantStatus} is null for non-merchants,
     * {@code number} (its member number, {@code BOUSOL-000123}) until it is numbered.
     */
    public record Participant(String id, ParticipantKind kind, String name, String number, String currency,
                              String accountId,
                              String filiere, MerchantStatus merchantStatus, String statusDecidedBy,
                              String statusReason, Instant statusChangedAt, LocalDate membershipValidUntil,
                              Instant registeredAt) {
    }

    private static final String COLUMNS = "participant_id, kind, name, number, currency, account_id, filiere, merchant_status, "
            + "status_decided_by, status_reason, status_changed_at, membership_valid_until, registered_at";

    private static final RowMapper<Participant> ROW = ParticipantQueries::participant;

    private final JdbcTemplate jdbc;

    public ParticipantQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Participant> find(String participantId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM participant_view WHERE participant_id = ?", ROW, participantId)
                .stream().findFirst();
    }

    /** The participant with this member number, written as the register writes it ({@code BOUSOL-000123}). */
    public Optional<Participant> findByNumber(String number) {
        return jdbc.query("SELECT " + COLUMNS + " FROM participant_view WHERE number = ?", ROW, number)
                .stream().findFirst();
    }

    /** A participant without a member number: its id and currency. */
    public record Unnumbered(String id, String currency) {
    }

    /** Participants registered before member numbers and not numbered yet, the oldest first. */
    public List<Unnumbered> unnumbered(int limit) {
        return jdbc.query("SELECT participant_id, currency FROM participant_view WHERE number IS NULL "
                        + "ORDER BY registered_at, participant_id LIMIT ?",
                (rs, row) -> new Unnumbered(rs.getString(1), rs.getString(2)), Math.min(limit, MAX_LISTED));
    }

    /** One page of a search, and how many matched in all. */
    public record Page(List<Participant> items, int page, int size, long total) {
    }

    /**
     * Participants of a currency (null: every currency) and kind (null: every kind) whose name
     * contains {@code query} (case and accents ignored) or whose member number starts with it
     * (digits alone: the number of that currency, {@code 123} is {@code BOUSOL-000123}); a blank
     * query matches all. By name, then number and id, so that pages do not overlap; page 0 first,
     * {@code size} at most {@link #MAX_PAGE_SIZE}.
     */
    public Page search(String currency, ParticipantKind kind, String query, int page, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        String q = query == null ? "" : query.strip();
        String contains = "%" + likeEscaped(q) + "%";
        String prefix = likeEscaped(q.toUpperCase(java.util.Locale.ROOT)) + "%";
        String exact = currency != null && q.matches("[0-9]{1,15}")
                ? org.mlc.ledger.participant.MemberNumbers.format(org.mlc.ledger.common.CurrencyCode.of(currency),
                        Long.parseLong(q))
                : null;
        String where = " FROM participant_view WHERE (CAST(? AS VARCHAR) IS NULL OR currency = ?) "
                + "AND (CAST(? AS VARCHAR) IS NULL OR kind = ?) "
                + "AND (search_name LIKE mlc_fold(?) OR number LIKE ? OR number = ?)";
        Object[] args = {currency, currency, kind == null ? null : kind.name(), kind == null ? null : kind.name(),
                contains, prefix, exact};
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args);
        Object[] paged = java.util.Arrays.copyOf(args, args.length + 2);
        paged[args.length] = limit;
        paged[args.length + 1] = (long) Math.max(0, page) * limit;
        List<Participant> items = jdbc.query("SELECT " + COLUMNS + where
                + " ORDER BY search_name, number, participant_id LIMIT ? OFFSET ?", ROW, paged);
        return new Page(items, Math.max(0, page), limit, total == null ? 0 : total);
    }

    /**
     * What a picker offers as a person types: participants of a currency (null: any) and of these
     * kinds (empty: any), only approved merchants when {@code approvedMerchantsOnly}, whose name
     * contains {@code query} (case and accents ignored) or whose member number starts with it; by
     * name, at most {@code limit}.
     */
    public List<Participant> pick(String currency, Collection<ParticipantKind> kinds, boolean approvedMerchantsOnly,
                                  String query, int limit) {
        String q = query == null ? "" : query.strip();
        String[] kindNames = kinds.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM participant_view "
                    + "WHERE (?::varchar IS NULL OR currency = ?) AND (cardinality(?::varchar[]) = 0 OR kind = ANY(?)) "
                    + "AND (NOT ? OR merchant_status = 'APPROVED') "
                    + "AND (search_name LIKE mlc_fold(?) OR number LIKE ?) "
                    + "ORDER BY search_name, number, participant_id LIMIT ?");
            var kindArray = con.createArrayOf("varchar", kindNames);
            statement.setString(1, currency);
            statement.setString(2, currency);
            statement.setArray(3, kindArray);
            statement.setArray(4, kindArray);
            statement.setBoolean(5, approvedMerchantsOnly);
            statement.setString(6, "%" + likeEscaped(q) + "%");
            statement.setString(7, likeEscaped(q.toUpperCase(java.util.Locale.ROOT)) + "%");
            statement.setInt(8, Math.max(1, Math.min(limit, MAX_PAGE_SIZE)));
            return statement;
        }, ROW);
    }

    /** Most participants one page of {@link #search} holds. */
    public static final int MAX_PAGE_SIZE = 100;

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The participant whose account this is; empty for an unknown account or one of the association's own. */
    public Optional<Participant> findByAccount(String accountId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM participant_view WHERE account_id = ?", ROW, accountId)
                .stream().findFirst();
    }

    /** The participants among these ids that exist, by id. */
    public Map<String, Participant> findAll(Collection<String> participantIds) {
        Map<String, Participant> found = new LinkedHashMap<>();
        if (participantIds.isEmpty()) {
            return found;
        }
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM participant_view "
                    + "WHERE participant_id = ANY(?)");
            statement.setArray(1, con.createArrayOf("varchar", participantIds.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            Participant participant = participant(rs, 0);
            found.put(participant.id(), participant);
        });
        return found;
    }

    /** The names of the participants owning these accounts, by account id (absent: not a participant's). */
    public Map<String, String> namesOfAccounts(Collection<String> accountIds) {
        Map<String, String> names = new LinkedHashMap<>();
        if (accountIds.isEmpty()) {
            return names;
        }
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT account_id, name FROM participant_view "
                    + "WHERE account_id = ANY(?)");
            statement.setArray(1, con.createArrayOf("varchar", accountIds.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            names.put(rs.getString("account_id"), rs.getString("name"));
        });
        return names;
    }

    /**
     * Participants of a currency (null: every currency) of the given kinds (empty: every kind), by
     * name then id, at most {@code limit} (and never more than {@link #MAX_LISTED}).
     */
    public List<Participant> list(String currency, Collection<ParticipantKind> kinds, int limit) {
        String[] kindNames = kinds.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM participant_view "
                    + "WHERE (?::varchar IS NULL OR currency = ?) AND (cardinality(?::varchar[]) = 0 OR kind = ANY(?)) "
                    + "ORDER BY name, participant_id LIMIT ?");
            var kindArray = con.createArrayOf("varchar", kindNames);
            statement.setString(1, currency);
            statement.setString(2, currency);
            statement.setArray(3, kindArray);
            statement.setArray(4, kindArray);
            statement.setInt(5, Math.min(limit, MAX_LISTED));
            return statement;
        }, ROW);
    }

    /**
     * The approved merchants (not suspended, not withdrawn), of a currency and a filière when given
     * (null: any), by name then id, at most {@code limit} (and never more than {@link #MAX_LISTED}).
     */
    public List<Participant> approvedMerchants(String currency, String filiere, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM participant_view WHERE merchant_status = ? "
                        + "AND (CAST(? AS VARCHAR) IS NULL OR currency = ?) AND (CAST(? AS VARCHAR) IS NULL OR filiere = ?) "
                        + "ORDER BY name, participant_id LIMIT ?", ROW,
                MerchantStatus.APPROVED.name(), currency, currency, filiere, filiere, Math.min(limit, MAX_LISTED));
    }

    /** How many approved (not suspended, not withdrawn) merchants and how many members a currency has. */
    public record Counts(long approvedMerchants, long members) {
    }

    public Counts counts(String currency) {
        return jdbc.queryForObject("SELECT COUNT(*) FILTER (WHERE kind = 'MERCHANT' AND merchant_status = 'APPROVED'), "
                        + "COUNT(*) FILTER (WHERE kind = 'MEMBER') FROM participant_view WHERE currency = ?",
                (rs, row) -> new Counts(rs.getLong(1), rs.getLong(2)), currency);
    }

    /**
     * Every merchant for the issuer's review: those not approved first (a decided status before none
     * at all), then the approved, each by currency and name; at most {@code limit}.
     */
    public List<Participant> merchantsForReview(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM participant_view WHERE kind = 'MERCHANT' "
                + "ORDER BY (merchant_status = 'APPROVED'), currency, name LIMIT ?", ROW, Math.min(limit, MAX_LISTED));
    }

    /**
     * Members of a currency whose name contains {@code query} (case and accents ignored), whose
     * member number starts with it, or whose id (the card number of older cards) starts with it,
     * by name; at most {@code limit}.
     */
    public List<Participant> searchMembers(String currency, String query, int limit) {
        String q = query.strip();
        return jdbc.query("SELECT " + COLUMNS + " FROM participant_view WHERE currency = ? AND kind = 'MEMBER' "
                        + "AND (search_name LIKE mlc_fold(?) OR number LIKE ? OR LOWER(participant_id) LIKE ?) "
                        + "ORDER BY search_name, participant_id LIMIT ?", ROW,
                currency, "%" + likeEscaped(q) + "%", likeEscaped(q.toUpperCase(java.util.Locale.ROOT)) + "%",
                likeEscaped(q.toLowerCase(java.util.Locale.ROOT)) + "%", Math.min(limit, MAX_LISTED));
    }

    private static Participant participant(ResultSet rs, int row) throws SQLException {
        String merchantStatus = rs.getString("merchant_status");
        Timestamp statusChangedAt = rs.getTimestamp("status_changed_at");
        return new Participant(rs.getString("participant_id"), ParticipantKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("number"), rs.getString("currency"), rs.getString("account_id"), rs.getString("filiere"),
                merchantStatus == null ? null : MerchantStatus.valueOf(merchantStatus),
                rs.getString("status_decided_by"), rs.getString("status_reason"),
                statusChangedAt == null ? null : statusChangedAt.toInstant(),
                rs.getObject("membership_valid_until", LocalDate.class),
                rs.getTimestamp("registered_at").toInstant());
    }

    /** Hands every participant to {@code action} one by one, without holding them all (for exports). */
    public void forEach(Consumer<Participant> action) {
        jdbc.query("SELECT " + COLUMNS + " FROM participant_view", (ResultSet rs) -> {
            action.accept(participant(rs, 0));
        });
    }
}
