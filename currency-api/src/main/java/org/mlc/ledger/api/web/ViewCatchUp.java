package org.mlc.ledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes on the read side: before an API endpoint or a page runs, the views show every
 * change committed before the request came in ({@link ReadYourWrites#awaitCommitted()}), whichever
 * node made it. A payment then answers from its command at once (its status is known when the
 * command returns) without waiting for the projections, and the client's next request, a GET of
 * its balance or a refund of that payment, on this node or another, still sees it. Handlers marked
 * {@link ViewsMayLag} skip the wait.
 */
@Component
public class ViewCatchUp implements HandlerInterceptor, WebMvcConfigurer {

    private static final String OWN_PACKAGE = "org.mlc.ledger.api.";

    private final ReadYourWrites readYourWrites;

    public ViewCatchUp(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the access rule: a refused request waits for nothing
        registry.addInterceptor(this).order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.getBeanType().getName().startsWith(OWN_PACKAGE)
                && !method.hasMethodAnnotation(ViewsMayLag.class)
                && !method.getBeanType().isAnnotationPresent(ViewsMayLag.class)) {
            readYourWrites.awaitCommitted();
        }
        return true;
    }
}
