package org.mlc.ledger.api.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.money.InvalidAmountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error becomes problem+json with a stable code. Nothing internal (stack trace, SQL, class
 * name) ever reaches the client: unexpected failures are logged and answered with a plain 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** What a 503 asks the client to wait before sending again. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final org.mlc.ledger.api.ui.ErrorPage page;

    public ProblemHandler(org.mlc.ledger.api.ui.ErrorPage page) {
        this.page = page;
    }

    /**
     * Spring's own errors (an unknown path, a method or media type not taken): a browser asking for a
     * page gets the error page, in French unless it chose English; the API keeps problem+json.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet
                && servlet.getResponse() != null && org.mlc.ledger.api.ui.ErrorPage.wanted(servlet.getRequest())) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            try {
                page.render(ProblemErrorController.pageProblem(status == null ? HttpStatus.BAD_REQUEST : status),
                        servlet.getRequest(), servlet.getResponse());
                return null;
            } catch (Exception e) {
                log.warn("could not render the error page: {}", e.toString());
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Object> api(ApiException e) {
        return problem(e.status(), e.code(), Wordings.forApi(e.wording()), e.field());
    }

    @ExceptionHandler(InvalidAmountException.class)
    public ResponseEntity<Object> amount(InvalidAmountException e) {
        ApiException refused = ApiException.amount("amount", e);
        return problem(HttpStatus.BAD_REQUEST, "validation", Wordings.forApi(refused.wording()), null);
    }

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<Object> domain(DomainException e) {
        return problem(statusOf(e.kind()), e.code(), Wordings.forApi(e.wording()), e.field());
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<Object> command(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainException domain) {
            return domain(domain);
        }
        return unexpected(e);
    }

    /**
     * The database cannot serve (down, restarting, out of disk, read-only): 503 with a code and a
     * Retry-After, nothing stored (the transaction did not commit), so the same request with the
     * same Idempotency-Key may be sent again.
     */
    static ResponseEntity<Object> databaseFailure(String code, Throwable e) {
        log.warn("database cannot serve ({}): {}", code, rootMessage(e));
        String detail = Wordings.forApi(DatabaseFailures.READ_ONLY.equals(code)
                ? words("web.database-read-only", "the ledger is read-only at the moment (database out of space or "
                        + "in maintenance); nothing was changed, try again later with the same Idempotency-Key")
                : words("web.database-unavailable", "the ledger's database is unavailable at the moment; nothing was "
                        + "changed, try again later with the same Idempotency-Key"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, code, detail, null));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found",
                Wordings.forApi(words("web.unknown", "unknown {0}", e.getAggregateIdentifier())), null);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ResponseEntity<Object> alreadyExists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "already-exists",
                Wordings.forApi(words("web.already-exists", "it exists already")), null);
    }

    /** A unique key met at the last moment (a concurrent request created the same thing). */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    public ResponseEntity<Object> duplicate(org.springframework.dao.DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "already-exists",
                Wordings.forApi(words("web.already-exists", "it exists already")), null);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
                                                        HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = ex.getPropertyName();
        return wrongType(field);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return api(ApiException.invalid(ex.getParameterName(), "web.required", "{0} is required"));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e) {
        var database = DatabaseFailures.classify(e);
        if (database.isPresent()) {
            return databaseFailure(database.get(), e);
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", internalDetail(), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return api(ApiException.of(HttpStatus.BAD_REQUEST, "validation", unknown.getPropertyName(),
                    "web.unknown-field", "unknown field {0}", unknown.getPropertyName()));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((JsonMappingException) cause);
            return wrongType(field);
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof ApiException api) {
            return api(api);
        }
        if (cause instanceof StreamConstraintsException) {
            // a number of more digits than any field takes (or too deep a nesting): refused unread
            String field = RequestBodyLimitFilter.body(request).map(ProblemHandler::overlongNumber).orElse(null);
            if (field != null) {
                return api(ApiException.invalid(field, "web.too-many-digits", "{0} is a number with too many digits"));
            }
        }
        // NaN, 0x10, +1: not JSON, but the parser knew which field it was reading
        String field = null;
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = path(mapping); // 1E+2147483648: a number BigDecimal cannot hold
        } else if (cause instanceof JsonParseException parse && parse.getProcessor() != null) {
            field = path(parse.getProcessor().getParsingContext());
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed", Wordings.forApi(field == null
                ? words("web.malformed", "the body is not valid JSON")
                : words("web.malformed-at", "the body is not valid JSON at {0}", field)), field);
    }

    /** Reads tokens only (numbers are not converted): the field of the first number too long for Jackson. */
    private static final JsonFactory TOKENS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build()).build();

    private static String overlongNumber(byte[] body) {
        int limit = StreamReadConstraints.defaults().getMaxNumberLength();
        try (JsonParser parser = TOKENS.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric() && parser.getTextLength() > limit) {
                    return path(parser.getParsingContext());
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Where a parser is, as {@link #path(JsonMappingException)} names it ("lines.[0].amount"); null at the top. */
    private static String path(JsonStreamContext context) {
        java.util.Deque<String> names = new java.util.ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                names.addFirst(at.getCurrentName());
            } else if (at.inArray()) {
                names.addFirst("[" + Math.max(0, at.getCurrentIndex()) + "]");
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        // Spring's own errors (405, 415, 406...) get our stable code too, named after the status.
        if (body instanceof ProblemDetail detail && detail.getProperties() == null) {
            String code = HttpStatus.resolve(statusCode.value()) == null ? "error"
                    : HttpStatus.resolve(statusCode.value()).name().toLowerCase().replace('_', '-');
            // Spring's words name what it refused (a method, a media type): kept in English, a sentence in French
            return problem(statusCode, code, Wordings.forApi(words("web.status-" + statusCode.value(),
                    String.valueOf(detail.getDetail()))), null);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> wrongType(String field) {
        return api(ApiException.invalid(field, "web.wrong-type", "{0} has the wrong type or value"));
    }

    /** The words of a 500, which say nothing of what failed. */
    static String internalDetail() {
        return Wordings.forApi(words("web.internal", "an unexpected error occurred; it is logged"));
    }

    static DomainException.Wording words(String key, String english, Object... args) {
        return new DomainException.Wording(key, english, java.util.Arrays.asList(args));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    static ResponseEntity<Object> problem(HttpStatusCode status, String code, String detail, String field) {
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, code, detail, field));
    }
}
