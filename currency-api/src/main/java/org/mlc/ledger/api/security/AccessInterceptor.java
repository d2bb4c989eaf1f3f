package org.mlc.ledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.mlc.ledger.api.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The door of every /api endpoint and every back office page: the caller's role must be listed in the handler's
 * {@link Allowed}; a handler without it is refused to everyone (deny by default); an AUDITOR
 * changes nothing. Then the currency: a caller bound to one currency gets 404 for whatever the
 * request names of another ({@link RequestCurrencies}) and 403 on the platform's endpoints
 * ({@link Platform}); a CURRENCY_ADMIN or bound AUDITOR is refused a request naming no currency
 * unless its handler keeps to the caller's ({@link CallerCurrency}). The currency a request is
 * about is kept for the audit ({@link #currentCurrency()}). Resource checks (whose account, which
 * counter) follow in the handlers.
 */
public class AccessInterceptor implements HandlerInterceptor {

    /** The request attribute holding the currency the request is about, once resolved. */
    public static final String CURRENCY = AccessInterceptor.class.getName() + ".currency";

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);

    private final RequestCurrencies currencies;

    public AccessInterceptor(RequestCurrencies currencies) {
        this.currencies = currencies;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (method.hasMethodAnnotation(Anonymous.class)) {
            return true;
        }
        Allowed allowed = method.getMethodAnnotation(Allowed.class);
        if (allowed == null) {
            log.error("Endpoint {} has no @Allowed rule: refused to everyone", method.getShortLogMessage());
            throw Caller.forbidden("web.no-access-rule", "this endpoint has no access rule yet");
        }
        Caller caller = Caller.current();
        boolean reads = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        if (caller.is(Role.AUDITOR) && !reads) {
            throw Caller.forbidden("web.auditor-reads-only", "an auditor reads and changes nothing");
        }
        if (Arrays.stream(allowed.value()).noneMatch(caller::is)) {
            throw Caller.forbidden("web.role-may-not", "the role {0} may not do this", caller.role());
        }
        boolean platform = method.hasMethodAnnotation(Platform.class);
        if (platform && caller.boundToCurrency()) {
            throw Caller.forbidden("web.platform-only", "only the platform's operator may do this");
        }
        // the platform's own readers see everything: nothing to resolve for them
        if (!caller.boundToCurrency() && reads) {
            return true;
        }
        RequestCurrencies.Resolution resolution = currencies.resolve(request);
        if (caller.boundToCurrency()) {
            if (resolution.unknownPathResource()
                    || resolution.currencies().stream().anyMatch(currency -> !currency.equals(caller.currency()))) {
                // another currency's resources do not exist for this caller: 404, as for an unknown id
                throw ApiException.of(HttpStatus.NOT_FOUND, "not-found", null, "web.not-in-your-currency",
                        "nothing of that name in your currency");
            }
            if (resolution.currencies().isEmpty() && !platform && !method.hasMethodAnnotation(CallerCurrency.class)
                    && (caller.role() == Role.CURRENCY_ADMIN || caller.role() == Role.AUDITOR)) {
                throw Caller.forbidden("web.currency-unresolved",
                        "this request names no currency of yours: it is the platform operator's");
            }
        }
        Optional<String> concerned = resolution.single().or(() -> Optional.ofNullable(caller.currency()));
        concerned.ifPresent(currency -> request.setAttribute(CURRENCY, currency));
        return true;
    }

    /** The currency the current request is about, when it names one (or its caller belongs to one). */
    public static String currentCurrency() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null
                : (String) attributes.getAttribute(CURRENCY, RequestAttributes.SCOPE_REQUEST);
    }
}
