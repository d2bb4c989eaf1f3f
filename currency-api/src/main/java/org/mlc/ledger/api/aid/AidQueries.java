package org.mlc.ledger.api.aid;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlc.ledger.aid.AidProgram;
import org.mlc.ledger.api.aid.AidProjection.Movement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * CCAS aid as {@link AidProjection} writes it ({@code aid_program_view}, {@code aid_funding_view},
 * {@code aid_movement}, {@code earmark_lot}): the one place that reads those tables.
 */
@Component
public class AidQueries {

    /** Lots shown on an account; a member holds a few grants at a time. */
    public static final int MAX_LOTS_PER_ACCOUNT = 100;

    /** A lot with units left; {@code filieres} as the grant named them. */
    public record EarmarkLot(String grantId, String programId, List<String> filieres, long remainingMinor,
                             LocalDate expiresOn) {
    }

    private static final RowMapper<EarmarkLot> EARMARK_LOT = (rs, i) -> new EarmarkLot(rs.getString("grant_id"),
            rs.getString("program_id"), List.of(rs.getString("filieres").split(",")), rs.getLong("remaining_minor"),
            rs.getObject("expires_on", LocalDate.class));

    /** Fundings listed with a programme; a programme is funded a few times a year. */
    public static final int MAX_FUNDINGS_LISTED = 1_000;

    /** A programme as the read side knows it; {@code monthlyCapMinor} is null without a cap. */
    public record Program(String id, String ccasId, String ccasAccountId, String currency, String name,
                          List<String> filieres, int validityDays, Long monthlyCapMinor, String status,
                          long balanceMinor, Instant createdAt) {
    }

    /** A funding announced by the CCAS; {@code receivedAt} is null until the bank shows it. */
    public record Funding(String id, String programId, long eurosMinor, String reference,
                          AidProgram.FundingStatus status, String bankReference, Instant announcedAt,
                          Instant receivedAt) {
    }

    /** A programme's movements summed by kind (units, or euros for the fundings, in minor units). */
    public record Totals(long fundedMinor, long grantedMinor, long spentMinor, long returnedMinor,
                         long closedMinor) {

        static Totals of(Map<Movement, Long> byKind) {
            return new Totals(byKind.getOrDefault(Movement.FUNDED, 0L), byKind.getOrDefault(Movement.GRANTED, 0L),
                    byKind.getOrDefault(Movement.SPENT, 0L), byKind.getOrDefault(Movement.RETURNED, 0L),
                    byKind.getOrDefault(Movement.CLOSED, 0L));
        }
    }

    /** Units spent at merchants of a filière. */
    public record FiliereSpending(String filiere, long unitsMinor) {
    }

    /** Units spent at one merchant, in one filière. */
    public record MerchantSpending(String merchantId, String name, String filiere, long unitsMinor) {
    }

    private static final String PROGRAM_COLUMNS = "program_id, ccas_id, ccas_account_id, currency, name, filieres, "
            + "validity_days, monthly_cap_minor, status, balance_minor, created_at";
    private static final String FUNDING_COLUMNS = "funding_id, program_id, euros_minor, reference, status, "
            + "bank_reference, announced_at, received_at";
    private static final RowMapper<Program> PROGRAM = AidQueries::program;
    private static final RowMapper<Funding> FUNDING = AidQueries::funding;

    private final JdbcTemplate jdbc;

    public AidQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Program> program(String programId) {
        return jdbc.query("SELECT " + PROGRAM_COLUMNS + " FROM aid_program_view WHERE program_id = ?", PROGRAM,
                programId).stream().findFirst();
    }

    /** A CCAS's programmes, the newest first, at most {@code limit}. */
    public List<Program> programsOf(String ccasId, int limit) {
        return jdbc.query("SELECT " + PROGRAM_COLUMNS + " FROM aid_program_view WHERE ccas_id = ? "
                + "ORDER BY created_at DESC LIMIT ?", PROGRAM, ccasId, limit);
    }

    /** The names of every programme, by id (a deployment runs a handful per CCAS). */
    public Map<String, String> programNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT program_id, name FROM aid_program_view", (ResultSet rs) -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    public Optional<Funding> funding(String fundingId) {
        return jdbc.query("SELECT " + FUNDING_COLUMNS + " FROM aid_funding_view WHERE funding_id = ?", FUNDING,
                fundingId).stream().findFirst();
    }

    /** A programme's fundings in the order they were announced, at most {@link #MAX_FUNDINGS_LISTED}. */
    public List<Funding> fundingsOf(String programId) {
        return jdbc.query("SELECT " + FUNDING_COLUMNS + " FROM aid_funding_view WHERE program_id = ? "
                + "ORDER BY announced_at, funding_id LIMIT ?", FUNDING, programId, MAX_FUNDINGS_LISTED);
    }

    /** The fundings of a currency's programmes still awaiting the bank: the programme of each, by funding id. */
    public Map<String, String> announcedFundings(String currency) {
        Map<String, String> programs = new LinkedHashMap<>();
        jdbc.query("SELECT f.funding_id, f.program_id FROM aid_funding_view f JOIN aid_program_view p "
                        + "ON p.program_id = f.program_id WHERE p.currency = ? AND f.status = ?",
                (ResultSet rs) -> {
                    programs.put(rs.getString(1), rs.getString(2));
                }, currency, AidProgram.FundingStatus.ANNOUNCED.name());
        return programs;
    }

    /** A programme's movements summed by kind, from {@code start} (inclusive) to {@code end} (exclusive). */
    public Totals totals(String programId, Instant start, Instant end) {
        Map<Movement, Long> totals = new EnumMap<>(Movement.class);
        jdbc.query("SELECT kind, SUM(units_minor) AS total FROM aid_movement WHERE program_id = ? AND at >= ? "
                + "AND at < ? GROUP BY kind", (ResultSet rs) -> {
                    totals.put(Movement.valueOf(rs.getString("kind")), rs.getLong("total"));
                }, programId, Timestamp.from(start), Timestamp.from(end));
        return Totals.of(totals);
    }

    /** A programme's movements summed by kind, since it opened. */
    public Totals totals(String programId) {
        Map<Movement, Long> totals = new EnumMap<>(Movement.class);
        jdbc.query("SELECT kind, SUM(units_minor) AS total FROM aid_movement WHERE program_id = ? GROUP BY kind",
                (ResultSet rs) -> {
                    totals.put(Movement.valueOf(rs.getString("kind")), rs.getLong("total"));
                }, programId);
        return Totals.of(totals);
    }

    /** How many beneficiaries were granted aid over the period. */
    public long beneficiaries(String programId, Instant start, Instant end) {
        Long count = jdbc.queryForObject("SELECT COUNT(DISTINCT beneficiary_id) FROM aid_movement "
                + "WHERE program_id = ? AND kind = ? AND at >= ? AND at < ?", Long.class, programId,
                Movement.GRANTED.name(), Timestamp.from(start), Timestamp.from(end));
        return count == null ? 0 : count;
    }

    /** Units spent over the period, by filière (in its order). */
    public List<FiliereSpending> spentByFiliere(String programId, Instant start, Instant end) {
        return jdbc.query("SELECT filiere, SUM(units_minor) AS total FROM aid_movement WHERE program_id = ? "
                        + "AND kind = ? AND at >= ? AND at < ? GROUP BY filiere ORDER BY filiere",
                (rs, row) -> new FiliereSpending(rs.getString("filiere"), rs.getLong("total")), programId,
                Movement.SPENT.name(), Timestamp.from(start), Timestamp.from(end));
    }

    /** Units spent over the period, by the commune of the merchant (null: a merchant without one). */
    public List<CommuneSpending> spentByCommune(String programId, Instant start, Instant end) {
        return jdbc.query("SELECT p.commune, SUM(m.units_minor) AS total FROM aid_movement m "
                        + "JOIN participant_view p ON p.account_id = m.payee_account_id "
                        + "WHERE m.program_id = ? AND m.kind = ? AND m.at >= ? AND m.at < ? "
                        + "GROUP BY p.commune ORDER BY p.commune NULLS LAST",
                (rs, row) -> new CommuneSpending(rs.getString("commune"), rs.getLong("total")), programId,
                Movement.SPENT.name(), Timestamp.from(start), Timestamp.from(end));
    }

    /** Units of a programme spent with the merchants of a commune (INSEE code). */
    public record CommuneSpending(String commune, long unitsMinor) {
    }

    /** Units spent over the period, by merchant (by name) and filière. */
    public List<MerchantSpending> spentByMerchant(String programId, Instant start, Instant end) {
        return jdbc.query("SELECT a.participant_id, p.name, m.filiere, SUM(m.units_minor) AS total FROM aid_movement m "
                        + "JOIN account_view a ON a.account_id = m.payee_account_id "
                        + "JOIN participant_view p ON p.participant_id = a.participant_id "
                        + "WHERE m.program_id = ? AND m.kind = ? AND m.at >= ? AND m.at < ? "
                        + "GROUP BY a.participant_id, p.name, m.filiere ORDER BY p.name, a.participant_id",
                (rs, row) -> new MerchantSpending(rs.getString("participant_id"), rs.getString("name"),
                        rs.getString("filiere"), rs.getLong("total")),
                programId, Movement.SPENT.name(), Timestamp.from(start), Timestamp.from(end));
    }

    /** Accounts after {@code afterAccount} (by id) holding a lot expired before {@code today}, at most {@code limit}. */
    public List<String> accountsWithLotsExpiredBefore(LocalDate today, String afterAccount, int limit) {
        return jdbc.queryForList("SELECT DISTINCT account_id FROM earmark_lot WHERE expires_on < ? "
                + "AND remaining_minor > 0 AND account_id > ? ORDER BY account_id LIMIT ?", String.class,
                Date.valueOf(today), afterAccount, limit);
    }

    private static Program program(ResultSet rs, int row) throws SQLException {
        return new Program(rs.getString("program_id"), rs.getString("ccas_id"), rs.getString("ccas_account_id"),
                rs.getString("currency"), rs.getString("name"), List.of(rs.getString("filieres").split(",")),
                rs.getInt("validity_days"), rs.getObject("monthly_cap_minor", Long.class), rs.getString("status"),
                rs.getLong("balance_minor"), rs.getTimestamp("created_at").toInstant());
    }

    private static Funding funding(ResultSet rs, int row) throws SQLException {
        Timestamp received = rs.getTimestamp("received_at");
        return new Funding(rs.getString("funding_id"), rs.getString("program_id"), rs.getLong("euros_minor"),
                rs.getString("reference"), AidProgram.FundingStatus.valueOf(rs.getString("status")),
                rs.getString("bank_reference"), rs.getTimestamp("announced_at").toInstant(),
                received == null ? null : received.toInstant());
    }

    /** The account's lots with units left, soonest expiry first, at most {@link #MAX_LOTS_PER_ACCOUNT}. */
    public List<EarmarkLot> remainingOn(String accountId) {
        return jdbc.query("SELECT grant_id, program_id, remaining_minor, filieres, expires_on FROM earmark_lot "
                + "WHERE account_id = ? AND remaining_minor > 0 ORDER BY expires_on, grant_id LIMIT ?", EARMARK_LOT,
                accountId, MAX_LOTS_PER_ACCOUNT);
    }
}
