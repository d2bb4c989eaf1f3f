package org.mlc.ledger.api.ui;

import org.axonframework.commandhandling.CommandExecutionException;
import org.mlc.ledger.api.web.ApiException;
import org.mlc.ledger.api.web.Wordings;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.money.InvalidAmountException;

/**
 * A refusal to show on a page: the same stable code and field as the API's problem+json, its
 * detail in the page's language (names, not ids), so a form says what the API would have answered.
 */
public record Problem(int status, String code, String detail, String field) {

    /** The problem an exception stands for, or null if it is not a refusal (a bug: let it through). */
    public static Problem of(Throwable e) {
        if (e instanceof ApiException api) {
            return new Problem(api.status().value(), api.code(), Wordings.forPage(api.wording()), api.field());
        }
        if (e instanceof CommandExecutionException command && command.getCause() instanceof DomainException) {
            return of(command.getCause());
        }
        if (e instanceof DomainException domain) {
            int status = switch (domain.kind()) {
                case INVALID -> 400;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                default -> 422;
            };
            return new Problem(status, domain.code(), Wordings.forPage(domain.wording()), domain.field());
        }
        if (e instanceof InvalidAmountException amount) {
            ApiException refused = ApiException.amount("amount", amount);
            return new Problem(400, "validation", Wordings.forPage(refused.wording()), "amount");
        }
        return null;
    }

    /** A problem of the pages' own, in the page's language ({@code problem.<key>}, else the English). */
    public static Problem of(int status, String code, String field, String key, String english, Object... args) {
        return new Problem(status, code, Wordings.forPage(new DomainException.Wording(key, english,
                java.util.Arrays.asList(args))), field);
    }

    /** The exception as a problem, or the exception itself rethrown when it is not a refusal. */
    public static Problem orRethrow(RuntimeException e) {
        Problem problem = of(e);
        if (problem == null) {
            throw e;
        }
        return problem;
    }

    /** The message key of the code ({@code error.insufficient-funds}); pages fall back on the detail. */
    public String messageKey() {
        return "error." + code;
    }
}
