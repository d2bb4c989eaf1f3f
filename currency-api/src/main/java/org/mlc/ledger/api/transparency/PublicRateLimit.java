package org.mlc.ledger.api.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.mlc.ledger.api.security.Caller;
import org.mlc.ledger.api.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * At most {@code mlc.public-figures.requests-per-minute} requests a minute from one anonymous
 * client address to the public figures and directory (a bucket per address, in this node's
 * memory); beyond, 429 {@code rate-limited} with {@code Retry-After}. A signed-in user is known
 * and not counted here. Behind the proxy the address is the client's once forwarded headers are
 * honoured from the trusted proxy only (docs/public.md).
 */
@Component
public class PublicRateLimit implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PublicRateLimit.class);

    private final ObjectMapper objectMapper;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();
    private volatile int perMinute;

    public PublicRateLimit(ObjectMapper objectMapper,
                           @Value("${mlc.public-figures.requests-per-minute:120}") int perMinute) {
        this.objectMapper = objectMapper;
        this.perMinute = perMinute;
    }

    /** Sets the limit (an operator's change, a test's low limit); every address starts again with a full bucket. */
    public void setRequestsPerMinute(int perMinute) {
        this.perMinute = Math.max(1, perMinute);
        buckets.invalidateAll();
    }

    public int requestsPerMinute() {
        return perMinute;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (Caller.currentOrNull() != null) {
            return true;
        }
        String address = request.getRemoteAddr();
        int limit = perMinute;
        Bucket bucket = buckets.get(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        log.info("Public request from {} to {} rate-limited, retry after {} s", address, request.getRequestURI(),
                seconds);
        response.setHeader("Retry-After", String.valueOf(seconds));
        Problems.write(request, response, objectMapper, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                Problems.words("web.public-figures-rate-limited", "too many requests from this address; try again after the "
                        + "Retry-After delay"), null);
        return false;
    }
}
