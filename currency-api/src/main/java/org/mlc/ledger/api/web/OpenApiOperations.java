package org.mlc.ledger.api.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlc.ledger.api.bulk.BulkJobs;
import org.mlc.ledger.api.security.Allowed;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of the description says, derived from the code rather than written on
 * each of eighty methods: its feature (the controller's package), the status it answers on
 * success, the required {@code Idempotency-Key} of a POST, its problem+json errors and its roles.
 * A new endpoint is described by this alone; only its {@code @Operation(summary = …)} is written
 * by hand.
 */
final class OpenApiOperations {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    /** The features, by the package of their controllers: the tags of the description, in this order. */
    static final Map<String, Feature> FEATURES = features(
            new Feature("currency", "Currencies", "A currency's definition, policies, filières and supply."),
            new Feature("participant", "Participants", "Members, merchants, associations, CCAS and collectivités: "
                    + "registration, membership, merchants' approval."),
            new Feature("account", "Accounts", "Balances, statements, freezing and closing."),
            new Feature("payment", "Payments", "Payments between accounts, refunds and payment holds."),
            new Feature("counter", "Counters", "Exchange counters: conversions of euros, notes, day closings "
                    + "(Z reports), remittances to the bank."),
            new Feature("bonus", "Bonus budgets", "Sponsors' budgets that fund the conversion bonus."),
            new Feature("reconversion", "Reconversions", "Merchants' units back to euros, and the bank payouts."),
            new Feature("aid", "Aid programmes", "CCAS aid programmes: fundings, grants one by one or in bulk, "
                    + "expiry, reports."),
            new Feature("collectivite", "Bulk payments", "A collectivité's payments to many accounts from one file."),
            new Feature("bank", "Bank statements", "The guarantee fund's bank statements, matched to the ledger."),
            new Feature("fund", "Guarantee fund", "The bank accounts of the guarantee fund."),
            new Feature("report", "Reports", "Indicators, counter days, merchants' months, accounting exports."),
            new Feature("user", "Users", "Users, their roles and passwords."),
            new Feature("audit", "Audit", "Who did what, from the events' metadata."),
            new Feature("status", "Status", "The application's state: processors, projections."));

    record Feature(String packageName, String tag, String description) {
    }

    private static Map<String, Feature> features(Feature... features) {
        Map<String, Feature> byPackage = new LinkedHashMap<>();
        for (Feature feature : features) {
            byPackage.put(feature.packageName(), feature);
        }
        return byPackage;
    }

    private OpenApiOperations() {
    }

    static Operation describe(Operation operation, HandlerMethod handler) {
        boolean post = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PostMapping.class);
        operation.setTags(List.of(tagOf(handler.getBeanType())));
        if (post) {
            requireIdempotencyKey(operation);
        }
        successResponse(operation, handler, post);
        errorResponses(operation, handler, post);
        OpenApiExamples.add(operation, handler);
        operation.setDescription(description(operation, handler, post));
        return operation;
    }

    /** The feature of a controller, or its package's name for a feature not listed yet. */
    static String tagOf(Class<?> controller) {
        String packageName = controller.getPackageName();
        String last = packageName.substring(packageName.lastIndexOf('.') + 1);
        Feature feature = FEATURES.get(last);
        return feature != null ? feature.tag() : Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    private static void requireIdempotencyKey(Operation operation) {
        Parameter key = operation.getParameters() == null ? null : operation.getParameters().stream()
                .filter(p -> "header".equals(p.getIn()) && IdempotentCommands.HEADER.equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);
        if (key == null) {
            key = new HeaderParameter().name(IdempotentCommands.HEADER).schema(new StringSchema());
            operation.addParametersItem(key);
        }
        key.required(true)
                .description("Names this request, chosen by the client (at most " + IdempotentCommands.MAX_KEY_LENGTH
                        + " characters, e.g. a UUID). Sent again with the same request, it answers the stored answer "
                        + "and changes nothing; with another request it is a 409 idempotency-conflict. Without it: "
                        + "400 idempotency-key-missing.")
                .example("b3c1f0e2-6a1d-4a57-9a8e-2f0c3d4e5f60");
        key.getSchema().maxLength(IdempotentCommands.MAX_KEY_LENGTH);
    }

    /** The status the method answers on success, as the code says it. */
    static HttpStatus successStatus(HandlerMethod handler, boolean post) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
        if (declared != null) {
            return declared.code();
        }
        if (post && ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
            // a POST answering an entity creates something (201 and its Location), or starts a job (202)
            return answers(handler, BulkJobs.JobView.class) ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        }
        return HttpStatus.OK;
    }

    private static boolean answers(HandlerMethod handler, Class<?> body) {
        Type type = handler.getMethod().getGenericReturnType();
        return type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] == body;
    }

    private static void successResponse(Operation operation, HandlerMethod handler, boolean post) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse success = responses.remove("200");
        if (success == null) {
            success = new ApiResponse();
        }
        HttpStatus status = successStatus(handler, post);
        success.setDescription(switch (status) {
            case CREATED -> "Created: the answer describes it; `Location` names it.";
            case ACCEPTED -> "Accepted: the job runs; poll the job at `Location` for its progress.";
            default -> "OK";
        });
        if (status == HttpStatus.CREATED || status == HttpStatus.ACCEPTED) {
            success.addHeaderObject("Location", new Header().description("the URL of what was created, when it has one of its own")
                    .schema(new StringSchema()));
        }
        success.setContent(concreteMediaTypes(success.getContent()));
        if (answersCsv(handler)) {
            (success.getContent() == null ? success.content(new Content()).getContent() : success.getContent())
                    .addMediaType("text/csv", new MediaType().schema(new StringSchema()
                            .description("with `format=csv` (docs/api.md for the columns)")));
        }
        responses.put(String.valueOf(status.value()), success);
        operation.setResponses(sorted(responses));
    }

    /** A {@code format} parameter chooses CSV over JSON (statements, exports, reports). */
    private static boolean answersCsv(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            return param != null && ("format".equals(param.value()) || "format".equals(param.name())
                    || (param.value().isEmpty() && param.name().isEmpty() && "format".equals(p.getParameterName())));
        });
    }

    /** springdoc writes {@code *}/{@code *} for a method that declares no {@code produces}: it answers JSON. */
    private static Content concreteMediaTypes(Content content) {
        if (content == null) {
            return null;
        }
        Content concrete = new Content();
        content.forEach((type, media) -> concrete.addMediaType("*/*".equals(type) ? JSON : type, media));
        return concrete;
    }

    private static void errorResponses(Operation operation, HandlerMethod handler, boolean post) {
        ApiResponses responses = operation.getResponses();
        boolean names = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        boolean body = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        List<String[]> errors = new ArrayList<>();
        errors.add(new String[] {"400", "validation (`field` names the field at fault)"
                + (body ? ", malformed (the body is not JSON)" : "")
                + (post ? ", idempotency-key-missing" : "")});
        errors.add(new String[] {"401", "unauthorized: no or wrong credentials"});
        errors.add(new String[] {"403", "forbidden: the user's role may not do this"});
        if (names || post) {
            errors.add(new String[] {"404", "not-found: an unknown (or someone else's) currency, participant, account, "
                    + "counter…"});
        }
        if (post) {
            errors.add(new String[] {"409", "idempotency-conflict (the key was used for another request), "
                    + "already-exists, or a conflict with the current state (codes in docs/api.md)"});
            errors.add(new String[] {"422", "a business rule refuses it (e.g. insufficient-funds, account-frozen; "
                    + "codes in docs/api.md)"});
        }
        if (body) {
            errors.add(new String[] {"413", "payload-too-large"});
            errors.add(new String[] {"415", "unsupported-media-type"});
        }
        errors.add(new String[] {"503", (post ? "views-behind (the ledger is busy: its views lag more than the "
                + "backpressure limit after a bounded wait), " : "") + "database-unavailable or database-read-only: "
                + "nothing was changed; " + (post ? "send the same request with the same key " : "ask again ")
                + "after `Retry-After` seconds"});
        for (String[] error : errors) {
            if (!responses.containsKey(error[0])) {
                responses.addApiResponse(error[0], new ApiResponse().description(error[1])
                        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        }
        operation.setResponses(sorted(responses));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        responses.keySet().stream().sorted().forEach(code -> sorted.addApiResponse(code, responses.get(code)));
        return sorted;
    }

    private static String description(Operation operation, HandlerMethod handler, boolean post) {
        Allowed allowed = handler.getMethodAnnotation(Allowed.class);
        String roles = allowed == null ? "none (no access rule)"
                : Arrays.stream(allowed.value()).map(Enum::name).collect(Collectors.joining(", "));
        operation.addExtension("x-roles", roles);
        StringBuilder description = new StringBuilder();
        if (operation.getDescription() != null && !operation.getDescription().isBlank()) {
            description.append(operation.getDescription()).append("\n\n");
        } else if (operation.getSummary() != null) {
            description.append(operation.getSummary()).append(".\n\n");
        }
        description.append("Roles: ").append(roles).append('.');
        if (post) {
            description.append(" Idempotent under its `Idempotency-Key`: a retry answers the first answer.");
        }
        return description.toString();
    }
}
