package org.mlc.ledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The door of every /api endpoint and every back office page: the caller's role must be listed in the handler's
 * {@link Allowed}; a handler without it is refused to everyone (deny by default); an AUDITOR
 * changes nothing. Resource checks (whose account, which counter) follow in the handlers.
 */
public class AccessInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (method.hasMethodAnnotation(Anonymous.class) && request.getRequestURI()
                .startsWith(request.getContextPath() + "/api/v1/public/")) {
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
        return true;
    }
}
