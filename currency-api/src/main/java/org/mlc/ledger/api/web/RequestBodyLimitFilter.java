package org.mlc.ledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body above {@code mlc.limits.max-request-body-bytes} with a 413 before
 * anything reads it. A body without Content-Length (chunked) is read up to the limit and no
 * further; requests to the API are small, so holding one in memory costs little. Only the API's
 * requests: pages are left to the container's form and multipart limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;
    private final int maxRequestBodyBytes;
    private final int maxBulkBodyBytes;

    public RequestBodyLimitFilter(ObjectMapper objectMapper,
                                  @Value("${mlc.limits.max-request-body-bytes:262144}") int maxRequestBodyBytes,
                                  @Value("${mlc.limits.max-bulk-body-bytes:4194304}") int maxBulkBodyBytes) {
        this.objectMapper = objectMapper;
        this.maxRequestBodyBytes = maxRequestBodyBytes;
        this.maxBulkBodyBytes = maxBulkBodyBytes;
    }

    /** Bulk uploads (…-batches, a direct issuance's …/issuances: up to 10,000 lines) have a limit of their own. */
    private int limitOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && (uri.endsWith("-batches") || uri.endsWith("/issuances")) ? maxBulkBodyBytes
                : maxRequestBodyBytes;
    }

    /**
     * The back office pages post forms and files: the container parses those itself, within its
     * own limits (server.tomcat.max-http-form-post-size, spring.servlet.multipart.*); reading
     * their body here would leave nothing for it to parse.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int maxRequestBodyBytes = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > maxRequestBodyBytes) {
            tooLarge(request, response, maxRequestBodyBytes);
            return;
        }
        if (declared == 0 || "GET".equals(request.getMethod()) && declared < 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxRequestBodyBytes + 1);
        if (body.length > maxRequestBodyBytes) {
            tooLarge(request, response, maxRequestBodyBytes);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, int maxRequestBodyBytes) throws IOException {
        // the client may still be sending: do not keep the connection for the rest of it
        response.setHeader("Connection", "close");
        Problems.write(request, response, objectMapper, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                Problems.words("web.payload-too-large", "the request body exceeds {0} bytes",
                        String.valueOf(maxRequestBodyBytes)), null);
    }

    /** The body of an API request as this filter read it, whatever wraps the request since. */
    static java.util.Optional<byte[]> body(org.springframework.web.context.request.WebRequest request) {
        return request instanceof org.springframework.web.context.request.NativeWebRequest nativeRequest
                ? java.util.Optional.ofNullable(nativeRequest.getNativeRequest(CachedBody.class)).map(cached -> cached.body)
                : java.util.Optional.empty();
    }

    /** The body of an API request as this filter read it (the access layer reads its fields too). */
    public static java.util.Optional<byte[]> body(jakarta.servlet.ServletRequest request) {
        return java.util.Optional.ofNullable(org.springframework.web.util.WebUtils.getNativeRequest(request,
                CachedBody.class)).map(cached -> cached.body);
    }

    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
