package org.mlc.ledger.api.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.ledger.Book;
import org.mlc.ledger.ledger.LedgerAccountKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Fichier des Écritures Comptables (article A47 A-1 of the Livre des procédures fiscales):
 * one balanced entry per value-moving event and book, one line per posting, the 18 columns in
 * their legal order, tab-separated, dates YYYYMMDD, amounts with a decimal comma. Dates are UTC.
 */
public final class FecExport {

    public static final List<String> COLUMNS = List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate",
            "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit",
            "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");

    /** The character sets the text allows; Latin-9 writes the French labels. */
    public static final Charset CHARSET = Charset.forName("ISO-8859-15");
    public static final char SEPARATOR = '\t';

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final Map<String, String> LABELS = Map.of(
            "EurosConverted", "Conversion d'euros au comptoir",
            "UnitsIssued", "Emission d'unités (conversion)",
            "TransferDebited", "Paiement - départ du payeur",
            "TransferCredited", "Paiement - arrivée chez le bénéficiaire",
            "TransferReturned", "Paiement retourné au payeur");

    private final JdbcTemplate jdbc;

    public FecExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the entries booked from {@code from} to {@code to} inclusive; returns the number of entries. */
    public long write(Writer out, LocalDate from, LocalDate to) {
        Map<String, String> auxLabels = auxiliaryLabels();
        long[] entries = {0};
        String[] current = {null};
        try {
            out.write(String.join(String.valueOf(SEPARATOR), COLUMNS));
            out.write("\r\n");
            jdbc.query("SELECT global_index, line, booked_at, event_type, operation_id, book, currency, kind, "
                            + "account_ref, amount_minor FROM journal_entry WHERE booked_at >= ? AND booked_at < ? "
                            + "ORDER BY global_index, book, line",
                    rs -> {
                        Book book = Book.valueOf(rs.getString("book"));
                        String entryKey = rs.getLong("global_index") + ":" + book;
                        if (!entryKey.equals(current[0])) {
                            current[0] = entryKey;
                            entries[0]++;
                        }
                        LocalDate date = rs.getTimestamp("booked_at").toInstant().atZone(ZoneOffset.UTC).toLocalDate();
                        LedgerAccountKind kind = LedgerAccountKind.valueOf(rs.getString("kind"));
                        ChartOfAccounts.Account account = ChartOfAccounts.account(kind);
                        ChartOfAccounts.Journal journal = ChartOfAccounts.journal(book);
                        String ref = rs.getString("account_ref");
                        long amount = rs.getLong("amount_minor");
                        String eventType = rs.getString("event_type");
                        String currency = rs.getString("currency");
                        row(out, journal.code(), journal.label(), journal.code() + "-" + entries[0], DATE.format(date),
                                account.number(), account.label(), ref == null ? "" : ref,
                                ref == null ? "" : auxLabels.getOrDefault(ref, ""),
                                rs.getString("operation_id"), DATE.format(date),
                                LABELS.getOrDefault(eventType, eventType) + " " + currency,
                                amount > 0 ? decimal(amount) : "0,00", amount < 0 ? decimal(-amount) : "0,00",
                                "", "", DATE.format(date),
                                book == Book.MLC ? decimal(Math.abs(amount)) : "", book == Book.MLC ? currency : "");
                    }, Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)),
                    Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries[0];
    }

    /** Labels of the auxiliary accounts: counters and non-member participants by name; members stay pseudonymous. */
    private Map<String, String> auxiliaryLabels() {
        Map<String, String> labels = new HashMap<>();
        jdbc.query("SELECT counter_id, name FROM counter_view",
                rs -> {
                    labels.put(rs.getString(1), clean(rs.getString(2)));
                });
        jdbc.query("SELECT account_id, kind, name FROM participant_view",
                rs -> {
                    String kind = rs.getString(2);
                    labels.put(rs.getString(1), "MEMBER".equals(kind) ? "Adhérent" : kind + " " + clean(rs.getString(3)));
                });
        jdbc.query("SELECT program_id, name FROM aid_program_view",
                rs -> {
                    labels.put(rs.getString(1), "Programme d'aide " + clean(rs.getString(2)));
                });
        return labels;
    }

    private static void row(Writer out, String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(SEPARATOR);
                }
                out.write(clean(fields[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a tab or line break inside a name would shift the columns
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\t\\r\\n]", " ");
    }

    static String decimal(long minor) {
        return (minor / 100) + "," + String.format("%02d", minor % 100);
    }
}
