package org.mlc.ledger.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mlc.ledger.api.ui.ErrorPage;
import org.mlc.ledger.api.ui.Problem;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (a URL the firewall rejects, a failure in a filter) reach
 * the servlet container's /error page: answer them as problem+json too, without details, or as
 * the error page when a browser asked for a page.
 */
// an error is rendered whatever the views (and the database) are doing
@ViewsMayLag
@RestController
public class ProblemErrorController implements ErrorController {

    private final ErrorPage page;

    public ProblemErrorController(ErrorPage page) {
        this.page = page;
    }

    @RequestMapping("/error")
    public ResponseEntity<Object> error(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
        if (ErrorPage.wanted(request)) {
            // a browser on a page: the error page, in the page's language
            page.render(pageProblem(status), request, response);
            return null;
        }
        if (status.is5xxServerError()) {
            if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
                var database = DatabaseFailures.classify(failure);
                if (database.isPresent()) {
                    return ProblemHandler.databaseFailure(database.get(), failure);
                }
            }
            return ProblemHandler.problem(status, "internal", ProblemHandler.internalDetail(), null);
        }
        String name = status == HttpStatus.NOT_FOUND ? "not-found"
                : status.name().toLowerCase().replace('_', '-');
        return ProblemHandler.problem(status, status == HttpStatus.BAD_REQUEST ? "malformed" : name,
                Wordings.forApi(ProblemHandler.words("web.status-" + status.value(), status.getReasonPhrase())), null);
    }

    /** What the error page says of a status: an unknown page, a refusal, or a failure (logged). */
    static Problem pageProblem(HttpStatus status) {
        if (status == HttpStatus.NOT_FOUND) {
            return Problem.of(404, "not-found", null, "web.page-not-found", "this page does not exist");
        }
        if (status.is5xxServerError()) {
            return Problem.of(status.value(), "internal", null, "web.internal",
                    "an unexpected error occurred; it is logged");
        }
        String code = status == HttpStatus.BAD_REQUEST ? "malformed" : status.name().toLowerCase().replace('_', '-');
        return Problem.of(status.value(), code, null, "web.status-" + status.value(), status.getReasonPhrase());
    }
}
