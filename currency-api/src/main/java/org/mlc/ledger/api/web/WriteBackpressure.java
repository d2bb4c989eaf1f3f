package org.mlc.ledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.mlc.ledger.api.infrastructure.ViewLag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes wait for the views when these fall behind. A payment answers from its command, so the API
 * can take writes faster than the projections book them; the views then drift behind, and every
 * read waits for them (read-your-writes) until it times out. Before a write of the API runs (after
 * its access rule, before its command), while the views are more than
 * {@code mlc.backpressure.max-behind-millis} behind it waits for them, up to
 * {@code mlc.backpressure.max-wait-millis}; still behind, it is refused 503 {@code views-behind} with
 * {@code Retry-After}, nothing stored, and the same request with the same Idempotency-Key may be
 * sent again. The wait itself slows a busy client down to the pace the views keep.
 */
@Component
public class WriteBackpressure implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WriteBackpressure.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String OWN_PACKAGE = "org.mlc.ledger.api.";
    /** Seconds a refused writer is told to wait: about how long the views take to come back within the limit. */
    static final int RETRY_AFTER_SECONDS = 1;

    /** How far behind the views may be before writes wait, and how long a write waits at most. */
    record Limits(long maxBehindMillis, long maxWaitMillis) {
    }

    private final ViewLag lag;
    private final ObjectMapper objectMapper;
    private volatile Limits limits;

    public WriteBackpressure(ViewLag lag, ObjectMapper objectMapper,
                             @Value("${mlc.backpressure.max-behind-millis:500}") long maxBehindMillis,
                             @Value("${mlc.backpressure.max-wait-millis:3000}") long maxWaitMillis) {
        this.lag = lag;
        this.objectMapper = objectMapper;
        this.limits = new Limits(maxBehindMillis, maxWaitMillis);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the access rule (a refused request waits for nothing), before the views' catch-up
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.LOWEST_PRECEDENCE - 1);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Limits current = limits;
        if (current.maxBehindMillis() <= 0 || !WRITES.contains(request.getMethod())
                || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
            return true;
        }
        if (lag.awaitWithin(current.maxBehindMillis(), current.maxWaitMillis())) {
            return true;
        }
        long behindMillis = lag.behindMillis();
        log.info("write {} {} refused: views {} ms behind after waiting {} ms", request.getMethod(),
                request.getRequestURI(), behindMillis, current.maxWaitMillis());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        Problems.write(request, response, objectMapper, HttpStatus.SERVICE_UNAVAILABLE, "views-behind",
                Problems.words("web.views-behind", "the ledger is busy: its views are {0} s behind; nothing was "
                        + "changed, try again after the Retry-After delay with the same Idempotency-Key",
                        String.valueOf(Math.max(1, behindMillis / 1000))), null);
        return false;
    }

    /** For a test: other limits until the returned handle is closed. */
    AutoCloseable limitTo(Limits other) {
        Limits before = limits;
        limits = other;
        return () -> limits = before;
    }
}
