package org.mlc.ledger.api.transparency;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mlc.ledger.api.csv.CsvColumn;
import org.mlc.ledger.api.csv.CsvDialect;
import org.mlc.ledger.api.csv.CsvFiles;
import org.mlc.ledger.api.participant.MerchantProfileQueries.PublicMerchant;
import org.mlc.ledger.api.security.Anonymous;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.common.CivilDay;
import org.mlc.ledger.currency.Filieres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The currency in public, without an account and read-only: its figures (the same as the
 * authenticated supply's), their history by month and the directory of approved merchants that
 * published a profile. Answers are kept a short while ({@link PublicFigures}) and requests limited
 * per client address ({@link PublicRateLimit}). Nothing personal of members: counts only.
 */
@RestController
public class PublicController {

    public static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    /** The public history covers at most this many months (three years). */
    public static final int MAX_HISTORY_MONTHS = 36;

    static final List<CsvColumn> DIRECTORY_CSV = List.of(CsvColumn.text("number"), CsvColumn.text("name"),
            CsvColumn.text("filiere"), CsvColumn.text("address"), CsvColumn.text("postcode"),
            CsvColumn.text("commune"), CsvColumn.decimal("lat"), CsvColumn.decimal("lon"),
            CsvColumn.text("description"), CsvColumn.text("website"), CsvColumn.text("openingHours"));

    private final PublicFigures figures;
    private final CsvFiles csvFiles;
    private final Clock clock;
    private final long cacheSeconds;

    public PublicController(PublicFigures figures, CsvFiles csvFiles, Clock clock,
                            @Value("${mlc.public-figures.cache-seconds:60}") long cacheSeconds) {
        this.figures = figures;
        this.csvFiles = csvFiles;
        this.clock = clock;
        this.cacheSeconds = cacheSeconds;
    }

    public record CurrencyList(List<PublicFigures.Figures> currencies) {
    }

    /** A merchant of the public directory: what it agreed to publish; coordinates exact decimal strings. */
    public record Merchant(String number, String name, String currency, String filiere, String address,
                           String postcode, String commune, String lat, String lon, String description,
                           String website, String openingHours) {
    }

    public record Directory(List<Merchant> merchants, int count) {
    }

    /** GeoJSON (RFC 7946): a point is [longitude, latitude], exact decimals written as JSON numbers. */
    public record FeatureCollection(String type, List<Feature> features) {
    }

    public record Feature(String type, Point geometry, Map<String, Object> properties) {
    }

    public record Point(String type, List<BigDecimal> coordinates) {
    }

    @Anonymous
    @Operation(summary = "Public: every currency's figures (circulation, backing, coverage, counts)")
    @GetMapping("/api/v1/public/currencies")
    public ResponseEntity<CurrencyList> currencies() {
        return cached(new CurrencyList(figures.all()));
    }

    @Anonymous
    @Operation(summary = "Public: a currency's figures, as the authenticated supply computes them")
    @GetMapping("/api/v1/public/currencies/{code}")
    public ResponseEntity<PublicFigures.Figures> currency(@PathVariable String code) {
        return cached(known(code));
    }

    @Anonymous
    @Operation(summary = "Public: a currency's circulation and backing at the end of each month")
    @GetMapping("/api/v1/public/currencies/{code}/history")
    public ResponseEntity<PublicFigures.History> history(@PathVariable String code,
                                                         @RequestParam(required = false) String from,
                                                         @RequestParam(required = false) String to) {
        known(code);
        YearMonth thisMonth = YearMonth.now(clock.withZone(CivilDay.ZONE));
        YearMonth toMonth = to == null ? thisMonth : RequestValues.requiredMonth(to, "to");
        YearMonth fromMonth = from == null ? toMonth.minusMonths(11) : RequestValues.requiredMonth(from, "from");
        if (toMonth.isBefore(fromMonth) || fromMonth.plusMonths(MAX_HISTORY_MONTHS - 1).isBefore(toMonth)) {
            throw ApiException.invalid("to", "report.period",
                    "{0} must not be before from, and at most {1} months after it", MAX_HISTORY_MONTHS);
        }
        return cached(figures.history(code, fromMonth, toMonth));
    }

    @Anonymous
    @Operation(summary = "Public: the directory of approved merchants (JSON, GeoJSON or CSV)")
    @GetMapping("/api/v1/public/merchants")
    public ResponseEntity<?> merchants(@RequestParam(required = false) String currency,
                                       @RequestParam(required = false) String filiere,
                                       @RequestParam(required = false) String commune,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(required = false) String format,
                                       @RequestParam(required = false) String dialect) {
        boolean geoJson = "geojson".equalsIgnoreCase(format);
        CsvDialect csv = geoJson ? null : CsvDialect.asked(format, dialect);
        List<Merchant> merchants = directory(currency, filiere, commune, q);
        if (geoJson) {
            return ResponseEntity.ok().contentType(GEO_JSON).cacheControl(cacheControl()).body(geoJson(merchants));
        }
        if (csv != null) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Merchant merchant : merchants) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("number", merchant.number());
                row.put("name", merchant.name());
                row.put("filiere", merchant.filiere());
                row.put("address", merchant.address());
                row.put("postcode", merchant.postcode());
                row.put("commune", merchant.commune());
                row.put("lat", merchant.lat());
                row.put("lon", merchant.lon());
                row.put("description", merchant.description());
                row.put("website", merchant.website());
                row.put("openingHours", merchant.openingHours());
                rows.add(row);
            }
            return csvFiles.answer(csv, "commercants" + (currency == null ? "" : "-" + currency) + ".csv",
                    DIRECTORY_CSV, rows);
        }
        return cached(new Directory(merchants, merchants.size()));
    }

    /** The directory's merchants, filters checked (a blank filter is none); also for the pages. */
    public List<Merchant> directory(String currency, String filiere, String commune, String q) {
        String code = blankAsNull(currency);
        if (code != null) {
            known(code);
        }
        String sector = blankAsNull(filiere);
        if (sector != null && !Filieres.PATTERN.matcher(sector).matches()) {
            throw ApiException.invalid("filiere", "currency.filiere-code",
                    "{0} must be a code like ALIMENTATION (capital letters and _)");
        }
        String place = blankAsNull(RequestValues.optionalText(commune, "commune"));
        String name = blankAsNull(RequestValues.optionalText(q, "q"));
        return figures.merchants(code, sector, place, name).stream().map(PublicController::merchant).toList();
    }

    /** A currency's figures; 404 for an unknown currency. */
    public PublicFigures.Figures known(String code) {
        return figures.of(code).orElseThrow(() -> ApiException.notFound("web.unknown.currency",
                "unknown currency {0}", code));
    }

    static FeatureCollection geoJson(List<Merchant> merchants) {
        List<Feature> features = merchants.stream().filter(m -> m.lat() != null && m.lon() != null).map(m -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("number", m.number());
            properties.put("name", m.name());
            properties.put("currency", m.currency());
            properties.put("filiere", m.filiere());
            properties.put("address", m.address());
            properties.put("postcode", m.postcode());
            properties.put("commune", m.commune());
            properties.put("description", m.description());
            properties.put("website", m.website());
            properties.put("openingHours", m.openingHours());
            return new Feature("Feature", new Point("Point", List.of(new BigDecimal(m.lon()), new BigDecimal(m.lat()))),
                    properties);
        }).toList();
        return new FeatureCollection("FeatureCollection", features);
    }

    private static Merchant merchant(PublicMerchant found) {
        var p = found.profile();
        return new Merchant(found.number(), found.name(), p.currency(), found.filiere(), p.address(), p.postcode(),
                p.commune(), plain(p.latitude()), plain(p.longitude()), p.description(), p.website(),
                p.openingHours());
    }

    private <T> ResponseEntity<T> cached(T body) {
        return ResponseEntity.ok().cacheControl(cacheControl()).body(body);
    }

    private CacheControl cacheControl() {
        return CacheControl.maxAge(cacheSeconds, TimeUnit.SECONDS).cachePublic();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
