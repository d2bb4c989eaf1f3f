package org.mlc.ledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address people reach the system at, for the links it writes (QR payment links, e-mail
 * links): {@code MLC_PUBLIC_URL} when set; else the request's scheme, host and port, which Tomcat
 * takes from the X-Forwarded-* headers of a trusted proxy only ({@code server.forward-headers-strategy:
 * native}, {@code MLC_TRUSTED_PROXIES}) and from the request itself otherwise.
 */
@Component
public class PublicUrl {

    private static final String FORWARDED_HOST = "X-Forwarded-Host";

    private final String configured;

    public PublicUrl(@Value("${mlc.public-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** A builder at the public base, to which the caller adds a path and parameters. */
    public UriComponentsBuilder base() {
        if (!configured.isBlank()) {
            return UriComponentsBuilder.fromUriString(configured);
        }
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        return UriComponentsBuilder.newInstance().scheme(request.getScheme()).host(request.getServerName())
                .port(port(request)).path(request.getContextPath());
    }

    /**
     * Tomcat applies a trusted proxy's X-Forwarded-Host without its port (it takes the port from
     * X-Forwarded-Port, or the scheme's default). Where it did apply it (the server name is that
     * header's host), the header's port is the public one. An untrusted client's header is not
     * applied, so the server name stays the Host header's and its port is not read either.
     */
    private static int port(HttpServletRequest request) {
        int port = request.getServerPort();
        String forwarded = request.getHeader(FORWARDED_HOST);
        if (forwarded != null) {
            String first = forwarded.split(",")[0].strip();
            int colon = first.lastIndexOf(':');
            if (colon > 0 && !first.endsWith("]") && first.substring(0, colon).equalsIgnoreCase(request.getServerName())
                    && first.substring(colon + 1).matches("[0-9]{1,5}")) {
                port = Integer.parseInt(first.substring(colon + 1));
            }
        }
        boolean defaultPort = ("https".equals(request.getScheme()) && port == 443)
                || ("http".equals(request.getScheme()) && port == 80);
        return defaultPort ? -1 : port;
    }
}
