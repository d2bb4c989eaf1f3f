package org.mlc.ledger.api.ui;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlc.ledger.api.security.Caller;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The error page a browser gets where the API would answer problem+json: an unknown page, a
 * method a page does not take, any failure outside a page controller. A request under /api (or
 * from a client that does not ask for HTML) keeps its problem document.
 */
@Component
public class ErrorPage {

    private static final List<String> MACHINE_PATHS = List.of("/api/", "/actuator", "/v3/", "/swagger-ui");

    private final ViewResolver views;

    public ErrorPage(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    /** True when the request is a browser's, for a page: it asks for HTML and is not under /api. */
    public static boolean wanted(HttpServletRequest request) {
        if (request == null) {
            return false;
        }
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        path = path.substring(Math.min(path.length(), request.getContextPath().length()));
        if (path.equals("/api") || MACHINE_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Writes the error page of this problem, in the page's language, with the problem's status. */
    public void render(Problem problem, HttpServletRequest request, HttpServletResponse response) throws Exception {
        View view = views.resolveViewName("error", RequestContextUtils.getLocale(request));
        if (view == null) {
            throw new IllegalStateException("no error template");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("problem", problem);
        model.put("me", Caller.currentOrNull());
        response.setStatus(problem.status());
        view.render(model, request, response);
    }
}
