package org.mlc.ledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents whose type URI ends in a stable code. */
public final class Problems {

    public static final String TYPE_PREFIX = "https://mlc-ledger.org/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /**
     * Writes a problem straight to the servlet response, for errors raised before Spring MVC, its
     * words in the language the request asks for ({@link Wordings#apiLocale}).
     */
    public static void write(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                             ObjectMapper objectMapper, HttpStatusCode status, String code,
                             org.mlc.ledger.common.DomainException.Wording wording, String field) throws IOException {
        java.util.Locale locale = Wordings.apiLocale(request);
        write(response, objectMapper, status, code, Wordings.render(wording, locale,
                !"en".equals(locale.getLanguage())), field);
    }

    /** A translatable problem's words: {@code problem.<key>}, else the English template ({0}, {1}…). */
    public static org.mlc.ledger.common.DomainException.Wording words(String key, String english, Object... args) {
        return new org.mlc.ledger.common.DomainException.Wording(key, english, java.util.Arrays.asList(args));
    }

    /** Writes a problem straight to the servlet response, for errors raised before Spring MVC. */
    public static void write(HttpServletResponse response, ObjectMapper objectMapper, HttpStatusCode status,
                             String code, String detail, String field) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), of(status, code, detail, field));
    }
}
