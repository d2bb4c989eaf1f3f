package org.mlc.ledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After signing in, back to the page that sent the visitor to the sign-in form (a payment link
 * opened from a merchant's QR code keeps its payee and amount), else to the home page of the role.
 * Only a path of this site is followed: the saved request's host, scheme and port are the
 * request's own (a forged Host or forwarded header could name another site), so they are dropped,
 * and a path that a browser would read as another host ({@code //evil}, {@code /\evil}) is refused.
 */
final class BackToSavedPage implements AuthenticationSuccessHandler {

    private final RequestCache requests = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        String target = "/";
        if (saved instanceof DefaultSavedRequest page && "GET".equals(page.getMethod())) {
            String path = sameSitePath(page.getRequestURI(), page.getContextPath(), page.getQueryString());
            if (path != null) {
                target = path;
            }
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    /**
     * The path and query of a saved request inside this application, or null when it is not one a
     * redirect may safely name: it must start with one slash, not two, nor a backslash, and hold no
     * control character (a header split) nor a scheme-looking start.
     */
    static String sameSitePath(String requestUri, String contextPath, String query) {
        if (requestUri == null) {
            return null;
        }
        String context = contextPath == null ? "" : contextPath;
        if (!requestUri.startsWith(context)) {
            return null;
        }
        String path = requestUri.substring(context.length());
        String target = query == null || query.isEmpty() ? path : path + "?" + query;
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\") || path.contains("\\")
                || target.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return target;
    }
}
