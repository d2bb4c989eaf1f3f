package org.mlc.ledger.api.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.api.aid.AidQueries;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.ledger.Book;
import org.mlc.ledger.participant.ParticipantKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Fichier des Écritures Comptables (article A47 A-1 of the Livre des procédures fiscales):
 * one balanced entry per value-moving event and book, one line per posting, the 18 columns in
 * their legal order, tab-separated, dates YYYYMMDD, amounts with a decimal comma. Dates are UTC.
 * Entries are numbered 1, 2, 3… within each journal, in the order of their dates (then of the
 * events), as the administration's checker reads continuity. {@code Montantdevise} and
 * {@code Idevise} take ISO 4217 currencies only: a local currency's code is not one, so they stay
 * empty; its units are in the MLC journal valued at parity, their currency named in
 * {@code EcritureLib} (docs/accounting.md).
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

    private final JournalQueries journal;
    private final CounterQueries counters;
    private final ParticipantQueries participants;
    private final AidQueries aid;

    public FecExport(JournalQueries journal, CounterQueries counters, ParticipantQueries participants,
                     AidQueries aid) {
        this.journal = journal;
        this.counters = counters;
        this.participants = participants;
        this.aid = aid;
    }

    /** Outside the application (the operator command line): the export of that database. */
    public FecExport(JdbcTemplate jdbc) {
        this(new JournalQueries(jdbc), new CounterQueries(jdbc), new ParticipantQueries(jdbc), new AidQueries(jdbc));
    }

    /** Writes the entries booked from {@code from} to {@code to} inclusive; returns the number of entries. */
    public long write(Writer out, LocalDate from, LocalDate to) {
        Map<String, String> auxLabels = auxiliaryLabels();
        long[] entries = {0};
        long[] numberInJournal = {0};
        Book[] currentBook = {null};
        long[] currentEvent = {-1};
        try {
            out.write(String.join(String.valueOf(SEPARATOR), COLUMNS));
            out.write("\r\n");
            journal.forEachPostingByBookAndDate(from.atStartOfDay(CivilDay.ZONE).toInstant(),
                    to.plusDays(1).atStartOfDay(CivilDay.ZONE).toInstant(), posting -> {
                        Book book = posting.book();
                        if (book != currentBook[0]) {
                            currentBook[0] = book;
                            currentEvent[0] = -1;
                            numberInJournal[0] = 0;
                        }
                        if (posting.globalIndex() != currentEvent[0]) {
                            currentEvent[0] = posting.globalIndex();
                            numberInJournal[0]++;
                            entries[0]++;
                        }
                        LocalDate date = posting.bookedAt().atZone(CivilDay.ZONE).toLocalDate();
                        ChartOfAccounts.Account account = ChartOfAccounts.account(posting.kind());
                        ChartOfAccounts.Journal journal = ChartOfAccounts.journal(book);
                        String ref = posting.accountRef();
                        long amount = posting.amountMinor();
                        String eventType = posting.eventType();
                        String currency = posting.currency();
                        row(out, journal.code(), journal.label(), Long.toString(numberInJournal[0]), DATE.format(date),
                                account.number(), account.label(), ref == null ? "" : ref,
                                ref == null ? "" : auxLabels.getOrDefault(ref, ""),
                                posting.operationId(), DATE.format(date),
                                LABELS.getOrDefault(eventType, eventType) + " " + currency,
                                amount > 0 ? decimal(amount) : "0,00", amount < 0 ? decimal(-amount) : "0,00",
                                "", "", DATE.format(date), "", "");
                    });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries[0];
    }

    /** Labels of the auxiliary accounts: counters and non-member participants by name; members stay pseudonymous. */
    private Map<String, String> auxiliaryLabels() {
        Map<String, String> labels = new HashMap<>();
        counters.names().forEach((counterId, name) -> labels.put(counterId, clean(name)));
        participants.forEach(p -> labels.put(p.accountId(), p.kind() == ParticipantKind.MEMBER ? "Adhérent"
                : p.kind() + " " + clean(p.name())));
        aid.programNames().forEach((programId, name) -> labels.put(programId, "Programme d'aide " + clean(name)));
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
