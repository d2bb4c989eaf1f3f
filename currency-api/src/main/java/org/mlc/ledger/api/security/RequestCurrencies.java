package org.mlc.ledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.mlc.ledger.api.account.AccountQueries;
import org.mlc.ledger.api.aid.AidQueries;
import org.mlc.ledger.api.application.ApplicationQueries;
import org.mlc.ledger.api.counter.BonusBudgetQueries;
import org.mlc.ledger.api.counter.CounterQueries;
import org.mlc.ledger.api.issuance.IssuanceQueries;
import org.mlc.ledger.api.notes.NoteInventoryQueries;
import org.mlc.ledger.participant.MemberNumbers;
import org.mlc.ledger.api.participant.ParticipantQueries;
import org.mlc.ledger.api.payment.HoldQueries;
import org.mlc.ledger.api.payment.TransferQueries;
import org.mlc.ledger.api.reconversion.ReconversionQueries;
import org.mlc.ledger.api.user.UserStore;
import org.mlc.ledger.api.web.RequestBodyLimitFilter;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Which currency a request concerns, read from what it names, whatever its controller: the
 * path's resources ({@code /counters/{id}}: the counter's currency; the collection is the path
 * segment before the variable), and the query parameters, form fields and top-level JSON body
 * fields that name a currency, a participant, an account or a counter. One registry of resolvers
 * for every endpoint, present and future: a new resource kind gets its line here (docs/security.md,
 * "Currencies"). A resolver answers the currency of a known resource, empty for an unknown one.
 */
@Component
public class RequestCurrencies {

    /** The currency or currencies a request names, and whether a resource of its path is unknown. */
    public record Resolution(Set<String> currencies, boolean unknownPathResource) {

        /** The one currency the request is about, if it names exactly one. */
        public Optional<String> single() {
            return currencies.size() == 1 ? Optional.of(currencies.iterator().next()) : Optional.empty();
        }
    }

    /** Resolvers of the path's resources, by the collection the path names them in. */
    private final Map<String, Function<String, Optional<String>>> byCollection = new LinkedHashMap<>();
    /** Resolvers of parameters, form fields and body fields, by their name. */
    private final Map<String, Function<String, Optional<String>>> byField = new LinkedHashMap<>();
    private final ObjectMapper objectMapper;

    private static final int MAX_NAME_LENGTH = 100;

    public RequestCurrencies(ObjectMapper objectMapper, ParticipantQueries participants, AccountQueries accounts,
                             CounterQueries counters, TransferQueries transfers, HoldQueries holds,
                             ReconversionQueries reconversions, AidQueries aid, NoteInventoryQueries notes,
                             UserStore users, IssuanceQueries issuances, ApplicationQueries applications,
                             BonusBudgetQueries budgets) {
        this.objectMapper = objectMapper;
        Function<String, Optional<String>> currency = Optional::of;
        Function<String, Optional<String>> participant = value -> participants.find(value)
                .or(() -> MemberNumbers.canonical(value).flatMap(participants::findByNumber))
                .map(ParticipantQueries.Participant::currency);
        Function<String, Optional<String>> account = value -> accounts.find(value).map(AccountQueries.Account::currency)
                .or(() -> MemberNumbers.canonical(value).flatMap(participants::findByNumber)
                        .map(ParticipantQueries.Participant::currency));
        Function<String, Optional<String>> counter = counters::currencyOf;
        Function<String, Optional<String>> program = value -> aid.program(value).map(AidQueries.Program::currency);

        byCollection.put("currencies", currency);
        byCollection.put("participants", participant);
        byCollection.put("merchants", participant);
        byCollection.put("accounts", account);
        byCollection.put("counters", counter);
        byCollection.put("payments", value -> transfers.find(value).map(TransferQueries.Transfer::currency));
        byCollection.put("payment-holds", value -> holds.find(value).map(HoldQueries.Hold::currency));
        byCollection.put("reconversions", value -> reconversions.find(value)
                .map(ReconversionQueries.Reconversion::currency));
        byCollection.put("aid-programs", program);
        byCollection.put("fundings", value -> aid.funding(value).map(AidQueries.Funding::programId)
                .flatMap(program));
        byCollection.put("note-series", value -> notes.series(value).map(NoteInventoryQueries.Series::currency));
        byCollection.put("users", value -> users.currencyOf(value));
        byCollection.put("funders", participant);
        byCollection.put("issuances", value -> issuances.find(value).map(IssuanceQueries.Issuance::currency));
        byCollection.put("merchant-applications", value -> applications.merchant(value)
                .map(ApplicationQueries.MerchantApplication::currency));
        byCollection.put("membership-applications", value -> applications.membershipByIdOrNumber(value)
                .map(ApplicationQueries.MembershipApplication::currency));
        byCollection.put("bonus-budgets", value -> budgets.find(value).map(BonusBudgetQueries.BonusBudget::currency));

        byField.put("currency", currency);
        // A payment's payee ("to", "payee") is left to the handler: a payer without the funds is answered
        // the same for an account of another currency as for an unknown one (no oracle, PaymentProbeTest).
        for (String field : new String[] {"participant", "merchant", "member", "beneficiary", "ccas", "sponsor",
                "issuer", "payer", "funder", "recipient"}) {
            byField.put(field, participant);
        }
        for (String field : new String[] {"account", "from"}) {
            byField.put(field, account);
        }
        byField.put("seriesId", value -> notes.series(value).map(NoteInventoryQueries.Series::currency));
        byField.put("counter", counter);
        byField.put("username", value -> users.currencyOf(value));
    }

    /** What the request names, read before its handler runs (the body as the body limit filter kept it). */
    public Resolution resolve(HttpServletRequest request) {
        Set<String> currencies = new TreeSet<>();
        boolean unknown = false;
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pattern != null && variables != null) {
            String[] segments = pattern.toString().split("/");
            for (int i = 1; i < segments.length; i++) {
                String segment = segments[i];
                if (!segment.startsWith("{") || !segment.endsWith("}")) {
                    continue;
                }
                Function<String, Optional<String>> resolver = byCollection.get(segments[i - 1]);
                String value = variables.get(segment.substring(1, segment.length() - 1).split(":")[0]);
                if (resolver == null || value == null) {
                    continue;
                }
                if (!looksLikeAName(value)) {
                    unknown = true;
                    continue;
                }
                Optional<String> found = resolver.apply(value);
                found.ifPresent(currencies::add);
                unknown |= found.isEmpty();
            }
        }
        // unknown values of fields are left to the handler's checks (400 or 404 naming the field)
        request.getParameterMap().forEach((name, values) -> {
            Function<String, Optional<String>> resolver = byField.get(name);
            if (resolver != null) {
                for (String value : values) {
                    if (looksLikeAName(value)) {
                        resolver.apply(value.strip()).ifPresent(currencies::add);
                    }
                }
            }
        });
        body(request).ifPresent(body -> body.fields().forEachRemaining(field -> {
            Function<String, Optional<String>> resolver = byField.get(field.getKey());
            if (resolver != null && field.getValue().isTextual() && looksLikeAName(field.getValue().asText())) {
                resolver.apply(field.getValue().asText().strip()).ifPresent(currencies::add);
            }
        }));
        return new Resolution(currencies, unknown);
    }

    /**
     * Ids, codes, member numbers and user names are short and printable: anything else names
     * nothing (and is not sent to the database, which refuses a NUL in a text).
     */
    private static boolean looksLikeAName(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_NAME_LENGTH
                && value.chars().noneMatch(Character::isISOControl);
    }

    private Optional<JsonNode> body(HttpServletRequest request) {
        String contentType = request.getContentType();
        try {
            if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(
                    contentType))) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return RequestBodyLimitFilter.body(request).flatMap(bytes -> {
            try {
                JsonNode body = objectMapper.readTree(bytes);
                return body != null && body.isObject() ? Optional.of(body) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                // a body that is not JSON is the handler's to refuse (400)
                return Optional.empty();
            }
        });
    }
}
