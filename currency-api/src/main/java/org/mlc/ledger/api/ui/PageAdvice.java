package org.mlc.ledger.api.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.mlc.ledger.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * For every page: who is signed in (the menu depends on it), and errors shown as a page with the
 * API's code and status (a refusal), or a plain "something went wrong" (a bug, logged) — never a
 * stack trace.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute("me")
    public Caller me() {
        return Caller.currentOrNull();
    }

    /** A parameter missing or of the wrong type in a link: the request's fault, named. */
    @ExceptionHandler({org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.beans.TypeMismatchException.class})
    public String badParameter(Exception e, Model model, HttpServletResponse response) {
        String field = e instanceof org.springframework.web.bind.MissingServletRequestParameterException missing
                ? missing.getParameterName() : ((org.springframework.beans.TypeMismatchException) e).getPropertyName();
        response.setStatus(400);
        model.addAttribute("problem", Problem.of(400, "validation", field, "web.page-parameter",
                "{0} is missing or has the wrong type", new org.mlc.ledger.api.web.Wordings.Field(field)));
        model.addAttribute("me", Caller.currentOrNull());
        return "error";
    }

    @ExceptionHandler(RuntimeException.class)
    public String error(RuntimeException e, Model model, HttpServletResponse response) {
        Problem problem = Problem.of(e);
        if (problem == null) {
            log.error("Unexpected failure on a page", e);
            problem = Problem.of(500, "internal", null, "web.internal", "an unexpected error occurred; it is logged");
        }
        response.setStatus(problem.status());
        model.addAttribute("problem", problem);
        model.addAttribute("me", Caller.currentOrNull());
        return "error";
    }
}
