package org.mlc.ledger.api.issuance;

import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.mlc.ledger.api.currency.CurrencyQueries;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.common.CivilDay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A funder's one-page "bilan" for a period, in PDF, that a council can file: what its direct
 * issuances paid in, issued and reached, and where the units were spent. Drawn from the Thymeleaf
 * page {@code issuance/bilan.html} (well-formed XHTML, as the PDF renderer reads it) in French.
 */
@RestController
public class FunderBilanController {

    private static final Logger log = LoggerFactory.getLogger(FunderBilanController.class);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final IssuanceReportController reports;
    private final ParticipantQueries participants;
    private final CurrencyQueries currencies;
    private final TemplateEngine templates;
    private final Clock clock;

    public FunderBilanController(IssuanceReportController reports, ParticipantQueries participants,
                                 CurrencyQueries currencies, TemplateEngine templates, Clock clock) {
        this.reports = reports;
        this.participants = participants;
        this.currencies = currencies;
        this.templates = templates;
        this.clock = clock;
    }

    /** An issuance of the period, as the bilan lists it. */
    public record BilanLine(String reference, String status, String units) {
    }

    public record BilanFiliere(String filiere, String units) {
    }

    /** The figures as printed (French amounts with plain spaces: the PDF's base fonts have no narrow space). */
    public record Bilan(String funderName, String currencyName, String from, String to, int issuances,
                        String eurosPaid, String unitsIssued, int recipients, String spentAtMerchants,
                        String shareSpentLocally, List<BilanFiliere> byFiliere, List<BilanLine> lines,
                        String generatedOn) {
    }

    @Allowed({Role.ADMIN, Role.AUDITOR, Role.COLLECTIVITE, Role.EMPLOYER})
    @Operation(summary = "A funder's one-page bilan (PDF) for a period: issuances, units, reach, local spending")
    @GetMapping(value = "/api/v1/reports/funders/{id}/bilan.pdf")
    public ResponseEntity<byte[]> bilan(@PathVariable("id") String funderId,
                                        @RequestParam(value = "from", required = false) String from,
                                        @RequestParam(value = "to", required = false) String to) {
        String id = RequestValues.id(funderId, "id");
        LocalDate today = LocalDate.ofInstant(clock.instant(), CivilDay.ZONE);
        LocalDate fromDay = RequestValues.optionalDate(from, "from");
        LocalDate toDay = RequestValues.optionalDate(to, "to");
        LocalDate start = fromDay == null ? today.withDayOfYear(1) : fromDay;
        LocalDate end = toDay == null ? today : toDay;
        if (end.isBefore(start)) {
            throw ApiException.invalid("to", "aid.report-period", "{0} is not before from");
        }
        Caller caller = Caller.current();
        ParticipantQueries.Participant funder = participants.find(id).orElse(null);
        if (funder == null || !(caller.seesEverything() || caller.owns(id))) {
            throw ApiException.notFound("web.unknown.participant", "unknown participant {0}", id);
        }
        byte[] pdf = render(bilanOf(funder, start, end));
        log.info("bilan of funder {} for {} to {} drawn for {} ({} bytes)", id, start, end, caller.username(),
                pdf.length);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bilan-" + start + "-" + end + ".pdf\"")
                .body(pdf);
    }

    Bilan bilanOf(ParticipantQueries.Participant funder, LocalDate from, LocalDate to) {
        IssuanceReportController.Report report = reports.report(funder.id(), from, to);
        long eurosPaid = report.issuances().stream().filter(i -> i.fundedAt() != null)
                .mapToLong(i -> new BigDecimal(i.euros()).movePointRight(2).longValueExact()).sum();
        String currencyName = currencies.find(funder.currency()).map(CurrencyQueries.Currency::name)
                .orElse(funder.currency());
        String share = report.shareSpentLocally() == null ? "-"
                : plain(new BigDecimal(report.shareSpentLocally()).movePointRight(2).setScale(2).toPlainString()
                .replace('.', ',')) + " %";
        return new Bilan(funder.name(), currencyName, FRENCH_DATE.format(from), FRENCH_DATE.format(to),
                report.issuances().size(), amount(BigDecimal.valueOf(eurosPaid, 2).toPlainString()) + " EUR",
                amount(report.unitsIssued()), report.recipients(), amount(report.spentAtMerchants()), share,
                report.byFiliere().stream().map(f -> new BilanFiliere(f.filiere() == null ? "-" : f.filiere(),
                        amount(f.units()))).toList(),
                report.issuances().stream().map(i -> new BilanLine(i.reference(), i.status(),
                        amount(i.euros()))).toList(),
                FRENCH_DATE.format(LocalDate.ofInstant(clock.instant(), CivilDay.ZONE)));
    }

    byte[] render(Bilan bilan) {
        Context context = new Context(Locale.FRENCH);
        context.setVariable("b", bilan);
        String html = templates.process("issuance/bilan", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the bilan could not be drawn", e);
        }
    }

    /** "1234.50" as "1 234,50", with a plain space. */
    private static String amount(String decimal) {
        BigDecimal value = new BigDecimal(decimal);
        String whole = String.format(Locale.ROOT, "%,d", value.toBigInteger()).replace(',', ' ');
        String cents = value.setScale(2).toPlainString();
        return whole + "," + cents.substring(cents.length() - 2);
    }

    private static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
