package org.mlc.ledger.api.participant;

import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.CallerCurrency;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.PageController;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.participant.ParticipantKind;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The options of a participant picker (template {@code participant/picker}), as a person types a
 * name or a member number: what each picker may offer is what its page offered in full before,
 * decided here by its purpose and the caller, never by the page's request.
 * <ul>
 *   <li>{@code payee}: the approved merchants of the payer's currency, the payer left out;</li>
 *   <li>{@code beneficiary}: the members of the CCAS's currency;</li>
 *   <li>{@code participant} (ADMIN): the participants a user can be bound to, of any currency.</li>
 * </ul>
 */
@PageController
public class ParticipantPickerPages {

    /** Options offered at once; typing more narrows them. */
    public static final int MAX_OPTIONS = 20;
    private static final List<ParticipantKind> BOUND_KINDS = List.of(ParticipantKind.MEMBER, ParticipantKind.MERCHANT,
            ParticipantKind.CCAS, ParticipantKind.COLLECTIVITE);

    private final ParticipantQueries participants;

    public ParticipantPickerPages(ParticipantQueries participants) {
        this.participants = participants;
    }

    @Allowed({Role.ADMIN, Role.MEMBER, Role.MERCHANT, Role.CCAS, Role.COLLECTIVITE})
    @CallerCurrency
    @GetMapping("/participants/options")
    public String options(@RequestParam(name = "purpose", required = false) String purpose,
                          @RequestParam(name = "field", required = false) String field,
                          @RequestParam Map<String, String> params, Model model) {
        String name = field != null && field.matches("[a-zA-Z]{1,40}") ? field : "participant";
        String query = typed(params.get(name));
        model.addAttribute("field", name);
        model.addAttribute("options", query.isBlank() ? List.of() : options(purpose, query));
        return "participant/picker :: options";
    }

    /** What was typed, as free text is read everywhere; nothing to search for when it could not be a name. */
    private static String typed(String value) {
        try {
            String text = RequestValues.optionalText(value, "q");
            return text == null || text.length() > ParticipantController.MAX_QUERY_LENGTH ? "" : text;
        } catch (ApiException e) {
            return "";
        }
    }

    private List<ParticipantQueries.Participant> options(String purpose, String query) {
        Caller caller = Caller.current();
        if (caller.is(Role.ADMIN)) {
            return "participant".equals(purpose)
                    ? participants.pick(caller.currencyOr(null), BOUND_KINDS, false, query, MAX_OPTIONS) : List.of();
        }
        ParticipantQueries.Participant me = caller.participantId() == null ? null
                : participants.find(caller.participantId()).orElse(null);
        if (me == null) {
            return List.of();
        }
        if ("payee".equals(purpose)) {
            return participants.pick(me.currency(), List.of(ParticipantKind.MERCHANT), true, query, MAX_OPTIONS + 1)
                    .stream().filter(p -> !p.id().equals(me.id())).limit(MAX_OPTIONS).toList();
        }
        if ("beneficiary".equals(purpose) && caller.is(Role.CCAS)) {
            return participants.pick(me.currency(), List.of(ParticipantKind.MEMBER), false, query, MAX_OPTIONS);
        }
        return List.of();
    }
}
