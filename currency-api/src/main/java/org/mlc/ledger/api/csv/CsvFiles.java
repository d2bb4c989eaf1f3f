package org.mlc.ledger.api.csv;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlc.ledger.api.aid.AidQueries;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.common.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes an export in the dialect asked for, and words an upload's refusal in French. The machine dialect is {@link Csv#write}, byte for
 * byte what it always was; the French one is written from the same values by what their column
 * is ({@link CsvColumn}): French column names ({@code csv.column.<name>} in the messages), French
 * words for codes, and every id in a text shown as what a treasurer knows it by: a participant's
 * name and member number, a counter's or a programme's name, else a short reference.
 */
@Component
public class CsvFiles {

    private static final Pattern UUID = Pattern.compile(
            "(?:(counter|aid programme) )?\\b([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\b");

    private final MessageSource messages;
    private final ParticipantQueries participants;
    private final CounterQueries counters;
    private final AidQueries programs;

    public CsvFiles(MessageSource messages, ParticipantQueries participants, CounterQueries counters,
                      AidQueries programs) {
        this.messages = messages;
        this.participants = participants;
        this.counters = counters;
        this.programs = programs;
    }

    /** The download: a CSV body in that dialect, its content type and its file name. */
    public ResponseEntity<String> answer(CsvDialect dialect, String filename, List<CsvColumn> columns,
                                         List<Map<String, Object>> rows) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(write(dialect, columns, rows));
    }

    /** A header and one record per row, in that dialect. */
    public String write(CsvDialect dialect, List<CsvColumn> columns, List<Map<String, Object>> rows) {
        List<String> names = columns.stream().map(CsvColumn::name).toList();
        if (dialect == CsvDialect.MACHINE) {
            return Csv.write(names, rows);
        }
        Map<String, String> shown = shownIds(columns, rows);
        StringBuilder out = new StringBuilder(dialect.preamble());
        out.append(Csv.line(names.stream().map(this::header).toList(), dialect.separator()));
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>(columns.size());
            for (CsvColumn column : columns) {
                Object value = row.get(column.name());
                cells.add(value == null ? null : french(column, value.toString(), shown));
            }
            out.append(Csv.line(cells, dialect.separator()));
        }
        return out.toString();
    }

    /**
     * A refusal in French: its {@code problem.<key>} of the messages filled with its arguments (a
     * plain apostrophe is an apostrophe), else its English words.
     */
    public String french(DomainException refusal) {
        DomainException.Wording wording = refusal.wording();
        String template = wording.key() == null ? null
                : messages.getMessage("problem." + wording.key(), null, null, Locale.FRENCH);
        return template == null ? refusal.getMessage()
                : DomainException.Wording.fill(template, wording.args().stream()
                        .map(arg -> arg instanceof Nested nested ? french(nested.refusal()) : String.valueOf(arg))
                        .toList());
    }

    /**
     * A refusal given as an argument of another (a French file's cell refused for a reason of its
     * own): it is worded in the same language as the one it is in; its {@code toString} is its English.
     */
    public record Nested(DomainException refusal) {
        @Override
        public String toString() {
            return refusal.getMessage();
        }
    }

    private String header(String column) {
        return messages.getMessage("csv.column." + column, null, column, Locale.FRENCH);
    }

    private String french(CsvColumn column, String value, Map<String, String> shown) {
        CsvDialect fr = CsvDialect.FRENCH;
        if (value.isEmpty()) {
            return value;
        }
        return switch (column.type()) {
            case DECIMAL -> fr.decimal(value);
            case MINOR -> fr.minor(Long.parseLong(value));
            case INSTANT -> fr.instant(Instant.parse(value));
            case DAY -> fr.day(LocalDate.parse(value));
            case MONTH -> fr.month(YearMonth.parse(value));
            case WORD -> messages.getMessage(column.words() + value, null, value, Locale.FRENCH);
            case NUMBER -> value;
            case TEXT -> withoutIds(value, shown);
        };
    }

    /** Each id in a text replaced by what it is shown as. */
    private static String withoutIds(String text, Map<String, String> shown) {
        Matcher matcher = UUID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(shown.get(matcher.group(2).toLowerCase(Locale.ROOT))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** What each id met in the text columns is shown as, looked up once per export. */
    private Map<String, String> shownIds(List<CsvColumn> columns, List<Map<String, Object>> rows) {
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            for (CsvColumn column : columns) {
                Object value = row.get(column.name());
                if (column.type() == CsvColumn.Type.TEXT && value != null) {
                    Matcher matcher = UUID.matcher(value.toString());
                    while (matcher.find()) {
                        ids.add(matcher.group(2).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        Map<String, String> shown = new HashMap<>();
        if (ids.isEmpty()) {
            return shown;
        }
        participants.findAll(ids).values().forEach(p -> shown.put(p.id(), shownAs(p)));
        List<String> left = ids.stream().filter(id -> !shown.containsKey(id)).toList();
        // an account is shown as its participant; one look-up per distinct account of the file
        for (String accountId : left) {
            participants.findByAccount(accountId).ifPresent(p -> shown.put(accountId, shownAs(p)));
        }
        Map<String, String> counterNames = counters.names();
        for (String id : ids) {
            if (!shown.containsKey(id) && counterNames.containsKey(id)) {
                shown.put(id, counterNames.get(id));
            }
        }
        for (String id : ids) {
            if (!shown.containsKey(id)) {
                shown.put(id, programs.program(id).map(AidQueries.Program::name).orElse(shortReference(id)));
            }
        }
        return shown;
    }

    /** How a participant is named in a French file: "Boulangerie Dupont (BOUSOL-000042)". */
    private static String shownAs(ParticipantQueries.Participant participant) {
        return participant.number() == null ? participant.name()
                : participant.name() + " (" + participant.number() + ")";
    }

    /** An operation's short reference: the first eight characters of its id, enough to find it again. */
    public static String shortReference(String id) {
        return id.substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
