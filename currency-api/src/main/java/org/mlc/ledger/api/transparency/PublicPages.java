package org.mlc.ledger.api.transparency;

import org.mlc.ledger.api.demurrage.FonteExplained;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.mlc.ledger.api.seal.SealQueries;
import org.mlc.ledger.api.security.Anonymous;
import org.mlc.ledger.api.ui.Formats;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Svg;
import org.mlc.ledger.currency.Filieres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The currency's public pages, without an account: its figures and their last twelve months, and
 * the directory of approved merchants with a map. They show what the public API answers (the same
 * calls), in French, and work on a phone; the list works without the map's tiles and without
 * JavaScript.
 */
@PageController
public class PublicPages {

    static final int MONTHS_SHOWN = 12;

    private final PublicController api;
    private final PublicFigures figures;
    private final Formats formats;
    private final MessageSource messages;
    private final String tilesUrl;
    private final SealQueries seals;
    private final FonteExplained fonte;

    public PublicPages(PublicController api, PublicFigures figures, Formats formats, MessageSource messages,
                       @Value("${mlc.map.tiles-url}") String tilesUrl, SealQueries seals, FonteExplained fonte) {
        this.fonte = fonte;
        this.api = api;
        this.seals = seals;
        this.figures = figures;
        this.formats = formats;
        this.messages = messages;
        this.tilesUrl = tilesUrl;
    }

    @Anonymous
    @GetMapping("/public/{code}")
    public String currency(@PathVariable String code, Model model) {
        PublicFigures.Figures currency = api.known(code);
        model.addAttribute("currency", currency);
        // the latest root of the currency's sealed history, for the association to copy and check later
        model.addAttribute("seal", seals.latest(currency.code()).orElse(null));
        model.addAttribute("fonte", fonte.of(currency.code(), java.time.LocalDate.now(Formats.ZONE),
                org.springframework.context.i18n.LocaleContextHolder.getLocale()).orElse(null));
        YearMonth to = YearMonth.now(Formats.ZONE);
        List<PublicFigures.Month> months = figures.history(code, to.minusMonths(MONTHS_SHOWN - 1), to).months();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            YearMonth month = YearMonth.parse(months.get(i).month());
            labels.add(formats.monthShort(month) + (i == 0 || month.getMonthValue() == 1 ? "\n" + month.getYear() : ""));
        }
        Svg.Axis units = new Svg.Axis(currency.name(), formats::minorOnAxis, 1, 400);
        Svg.Axis percent = new Svg.Axis("%", value -> formats.percent(BigDecimal.valueOf(value, 4)), 100, 10_000);
        model.addAttribute("circulationChart", Svg.bars(text("dashboard.circulation"), labels, List.of(
                new Svg.Series(text("dashboard.electronic"), minor(months, PublicFigures.Month::electronic)),
                new Svg.Series(text("dashboard.paper"), minor(months, PublicFigures.Month::paper))), true, units));
        model.addAttribute("coverageChart", Svg.lines(text("dashboard.coverage"), labels, List.of(
                new Svg.Line(text("dashboard.coverage"), ratios(months, PublicFigures.Month::coverageRatio)),
                new Svg.Line(text("dashboard.cashCoverage"), ratios(months, PublicFigures.Month::cashCoverageRatio))),
                percent, new Svg.Mark(10_000, text("dashboard.fullCoverage"))));
        return "public/currency";
    }

    @Anonymous
    @GetMapping("/public/{code}/annuaire")
    public String directory(@PathVariable String code, @RequestParam(required = false) String q,
                            @RequestParam(required = false) String filiere,
                            @RequestParam(required = false) String commune, Model model) {
        PublicFigures.Figures currency = api.known(code);
        List<PublicController.Merchant> merchants = api.directory(code, filiere, commune, q);
        model.addAttribute("currency", currency);
        model.addAttribute("merchants", merchants);
        model.addAttribute("q", q);
        model.addAttribute("filiere", filiere);
        model.addAttribute("commune", commune);
        model.addAttribute("communes", figures.communes(code));
        TreeSet<String> filieres = new TreeSet<>(Filieres.STANDARD);
        api.directory(code, null, null, null).forEach(m -> {
            if (m.filiere() != null) {
                filieres.add(m.filiere());
            }
        });
        model.addAttribute("filieres", filieres);
        model.addAttribute("tilesUrl", tilesUrl);
        model.addAttribute("onMap", merchants.stream().filter(m -> m.lat() != null).count());
        return "public/directory";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static long[] minor(List<PublicFigures.Month> months, Function<PublicFigures.Month, String> amount) {
        return months.stream().mapToLong(m -> new BigDecimal(amount.apply(m)).movePointRight(2).longValueExact())
                .toArray();
    }

    /** An exact ratio ("0.9876") as basis points for drawing; no ratio (nothing to divide) is a gap. */
    private static List<Long> ratios(List<PublicFigures.Month> months, Function<PublicFigures.Month, String> ratio) {
        return months.stream().map(ratio).map(r -> r == null ? null
                : new BigDecimal(r).movePointRight(4).setScale(0, RoundingMode.DOWN).longValueExact()).toList();
    }
}
