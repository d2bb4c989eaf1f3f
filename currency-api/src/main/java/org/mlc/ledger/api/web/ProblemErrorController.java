package org.mlc.ledger.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (a URL the firewall rejects, a failure in a filter) reach
 * the servlet container's /error page: answer them as problem+json too, without details.
 */
// an error is rendered whatever the views (and the database) are doing
@ViewsMayLag
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
        if (status.is5xxServerError()) {
            if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
                var database = DatabaseFailures.classify(failure);
                if (database.isPresent()) {
                    return ProblemHandler.databaseFailure(database.get(), failure);
                }
            }
            return ProblemHandler.problem(status, "internal", "an unexpected error occurred; it is logged", null);
        }
        String name = status == HttpStatus.NOT_FOUND ? "not-found"
                : status.name().toLowerCase().replace('_', '-');
        return ProblemHandler.problem(status, status == HttpStatus.BAD_REQUEST ? "malformed" : name,
                status.getReasonPhrase(), null);
    }
}
