package org.mlc.ledger.api.ui;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers and dates as people read them on screen, in the page's language (French by default:
 * "1 234,50", "25/11/2026 14:30"). Amounts come in as the API writes them ("1234.50") or in minor
 * units; they are never parsed through a double. CSV files keep the API's plain format.
 * Templates reach it as {@code @fmt}.
 */
@Component("fmt")
public class Formats {

    /** The time zone of the people at the counters (the ledger itself is in UTC). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static DecimalFormat amountFormat() {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale()));
        format.setParseBigDecimal(true);
        return format;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** "1234.50" → "1 234,50" (French); null or blank → "". */
    public String amount(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        BigDecimal decimal = value instanceof Long minor ? BigDecimal.valueOf(minor, 2) : new BigDecimal(value.toString());
        return amountFormat().format(decimal);
    }

    /** An amount in minor units (cents). */
    public String minor(long minor) {
        return amountFormat().format(BigDecimal.valueOf(minor, 2));
    }

    /** An amount in minor units on a chart's axis: whole units without decimals ("1 000"), else "2,50". */
    public String minorOnAxis(long minor) {
        if (minor % 100 != 0) {
            return minor(minor);
        }
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale())).format(minor / 100);
    }

    /** A month as people name it: "janv. 2026" (French), "Jan 2026" (English). */
    public String month(java.time.YearMonth month) {
        return DateTimeFormatter.ofPattern("MMM yyyy", locale()).format(month);
    }

    /** A month's short name alone: "janv.", under a chart's bar (the year written below January). */
    public String monthShort(java.time.YearMonth month) {
        return DateTimeFormatter.ofPattern("MMM", locale()).format(month);
    }

    /** A ratio such as "0.9876" as a percentage, "98,76 %"; null → "—". */
    public String percent(Object ratio) {
        if (ratio == null || ratio.toString().isBlank()) {
            return "—";
        }
        BigDecimal value = new BigDecimal(ratio.toString()).movePointRight(2);
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(locale()));
        return format.format(value) + " %";
    }

    /** An instant (ISO text, Instant or SQL timestamp) as a local date and time. */
    public String dateTime(Object value) {
        Instant instant = instant(value);
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale())
                .withZone(ZONE).format(instant);
    }

    /** A date (yyyy-mm-dd text or LocalDate) in the page's format. */
    public String date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        LocalDate date = value instanceof LocalDate local ? local : LocalDate.parse(value.toString().substring(0, 10));
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale()).format(date);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
