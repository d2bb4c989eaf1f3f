package org.mlc.ledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.mlc.ledger.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Anonymous POSTs (applications, forgotten passwords: /api/v1/public/ and the pages /apply/ and
 * /password/) are limited per client address: {@code mlc.public.posts-per-minute} (10) and
 * {@code mlc.public.posts-per-day} (50). Beyond, 429 {@code rate-limited} with Retry-After. The
 * address is the one Tomcat read, which is the client's behind a trusted proxy only (PublicUrl).
 * In memory per node: behind two nodes a client gets at most twice the limit. A signed-in
 * caller is not limited here; its body is also smaller than other API requests'
 * ({@code mlc.public.max-body-bytes}).
 */
@Component
public class AnonymousPostLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AnonymousPostLimit.class);

    private final ObjectMapper objectMapper;
    private final int perMinute;
    private final int perDay;
    private final long maxBodyBytes;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(1)).build();

    public AnonymousPostLimit(ObjectMapper objectMapper, @Value("${mlc.public.posts-per-minute:10}") int perMinute,
                              @Value("${mlc.public.posts-per-day:50}") int perDay,
                              @Value("${mlc.public.max-body-bytes:16384}") long maxBodyBytes) {
        this.objectMapper = objectMapper;
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/v1/public/") || path.startsWith("/apply/") || path.startsWith("/password/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Caller.currentOrNull() != null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            response.setHeader("Connection", "close");
            Problems.write(request, response, objectMapper, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    Problems.words("web.payload-too-large", "the request body exceeds {0} bytes",
                            String.valueOf(maxBodyBytes)), null);
            return;
        }
        String address = request.getRemoteAddr();
        Bucket bucket = buckets.get(address, ignored -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .addLimit(limit -> limit.capacity(perDay).refillIntervally(perDay, Duration.ofDays(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            log.info("anonymous POST {} from {} refused: rate-limited for {} s", request.getRequestURI(), address,
                    seconds);
            response.setHeader("Retry-After", String.valueOf(seconds));
            Problems.write(request, response, objectMapper, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    Problems.words("web.rate-limited", "too many requests from this address; try again after the "
                            + "Retry-After delay"), null);
            return;
        }
        chain.doFilter(request, response);
    }
}
