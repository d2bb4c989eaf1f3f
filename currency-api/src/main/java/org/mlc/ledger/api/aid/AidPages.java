package org.mlc.ledger.api.aid;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mlc.ledger.api.aid.AidController.FundingRequest;
import org.mlc.ledger.api.aid.AidController.GrantRequest;
import org.mlc.ledger.api.aid.AidController.ProgramAnswer;
import org.mlc.ledger.api.aid.AidController.ProgramRequest;
import org.mlc.ledger.api.bulk.BulkJobs;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.participant.ParticipantQueries.Participant;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.Forms;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.ui.Problem;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.currency.Filieres;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The CCAS's pages: its aid programmes (open one), a programme's figures (the programme report),
 * announcing a funding, a grant to one beneficiary, grants in bulk from a CSV file with the
 * line-by-line result of the job. Everything goes through {@link AidController} and
 * {@link AidReportController}: the same checks, errors and keys as the API.
 */
@PageController
public class AidPages {

    /** Beneficiaries offered in the grant form; beyond that, the bulk upload names them by id. */
    public static final int MAX_BENEFICIARIES_LISTED = 2_000;
    /** A bulk upload file, as the API's request body limit. */
    public static final int MAX_UPLOAD_BYTES = 262_144;
    /** Programmes listed on the CCAS's page, the newest first. */
    public static final int MAX_PROGRAMS_LISTED = 200;

    private final AidController aid;
    private final AidReportController reports;
    private final AidQueries queries;
    private final ParticipantQueries participants;

    public AidPages(AidController aid, AidReportController reports, AidQueries queries,
                    ParticipantQueries participants) {
        this.aid = aid;
        this.reports = reports;
        this.queries = queries;
        this.participants = participants;
    }

    public record ProgramForm(String name, List<String> filieres, String validityDays, String key) {
    }

    @Allowed({Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @GetMapping("/ccas")
    public String programs(Model model) {
        model.addAttribute("form", new ProgramForm("", List.of(), "90", Forms.newKey()));
        return programsPage(model);
    }

    @Allowed({Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @PostMapping("/ccas/programs")
    public String create(ProgramForm form, Model model) {
        Participant me = me();
        try {
            ProgramAnswer program = aid.create(form.key(), new ProgramRequest(me.id(), null, me.currency(),
                    Forms.blankToNull(form.name()), form.filieres(),
                    TextNode.valueOf(form.validityDays() == null ? "" : form.validityDays().strip()), null)).getBody();
            return "redirect:/ccas/program?id=" + program.id();
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            model.addAttribute("form", form);
            return programsPage(model);
        }
    }

    @Allowed({Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @GetMapping("/ccas/program")
    public String program(@RequestParam("id") String programId, Model model) {
        return programPage(programId, model);
    }

    @Allowed({Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @PostMapping("/ccas/funding")
    public String fund(@RequestParam("program") String programId, @RequestParam("key") String key,
                       @RequestParam(name = "euros", required = false) String euros,
                       @RequestParam(name = "reference", required = false) String reference, Model model) {
        try {
            aid.fund(key, programId, new FundingRequest(Forms.amount(euros), Forms.blankToNull(reference)));
            return "redirect:/ccas/program?id=" + programId + "&funded";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return programPage(programId, model);
        }
    }

    @Allowed({Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @PostMapping("/ccas/grant")
    public String grant(@RequestParam("program") String programId, @RequestParam("key") String key,
                        @RequestParam(name = "beneficiary", required = false) String beneficiary,
                        @RequestParam(name = "units", required = false) String units,
                        @RequestParam(name = "expires", required = false) String expires, Model model) {
        try {
            aid.grant(key, programId, new GrantRequest(Forms.blankToNull(beneficiary), Forms.amount(units),
                    Forms.blankToNull(expires)));
            return "redirect:/ccas/program?id=" + programId + "&granted";
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return programPage(programId, model);
        }
    }

    /** Grants in bulk: the CSV as the API takes it ({@code key,beneficiary,units[,expires]}), run as a job. */
    @Allowed({Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @PostMapping("/ccas/grant-batches")
    public String grantBatch(@RequestParam("program") String programId, @RequestParam("key") String key,
                             @RequestParam(name = "file", required = false) MultipartFile file, Model model) {
        try {
            if (file == null || file.isEmpty()) {
                throw ApiException.invalid("file", "aid.file-required", "{0} is required: the grants as CSV");
            }
            if (file.getSize() > MAX_UPLOAD_BYTES) {
                throw ApiException.invalid("file", "web.file-max-bytes", "{0} is at most {1} bytes", MAX_UPLOAD_BYTES);
            }
            BulkJobs.JobView job = aid.grantBatch(key, "text/csv", programId,
                    new String(file.getBytes(), StandardCharsets.UTF_8)).getBody();
            return "redirect:/ccas/batch?program=" + programId + "&batch=" + job.id();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the uploaded grants", e);
        } catch (RuntimeException e) {
            model.addAttribute("problem", Problem.orRethrow(e));
            return programPage(programId, model);
        }
    }

    /** A bulk job's progress and each line's outcome; the page reloads itself until the job is finished. */
    @Allowed({Role.CCAS, Role.COLLECTIVITE, Role.EMPLOYER})
    @GetMapping("/ccas/batch")
    public String batch(@RequestParam("program") String programId, @RequestParam("batch") String batchId,
                        Model model) {
        model.addAttribute("program", aid.get(programId));
        model.addAttribute("job", aid.grantBatchProgress(programId, batchId, 1, null).getBody());
        return "aid/batch";
    }

    private String programsPage(Model model) {
        Participant me = me();
        model.addAttribute("ccas", me);
        model.addAttribute("programs", queries.programsOf(me.id(), MAX_PROGRAMS_LISTED));
        model.addAttribute("filieres", Filieres.STANDARD);
        return "aid/programs";
    }

    private String programPage(String programId, Model model) {
        Participant me = me();
        model.addAttribute("program", aid.get(programId));
        model.addAttribute("report", reports.report(programId, null, null, null).getBody());
        model.addAttribute("key", Forms.newKey());
        return "aid/program";
    }

    private Participant me() {
        return participants.find(Caller.current().participantId())
                .orElseThrow(() -> ApiException.notFound("web.no-participant-for-user",
                        "no participant for this user"));
    }
}
