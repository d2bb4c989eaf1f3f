package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Anonymous;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.support.Endpoints;
import org.mlc.ledger.api.support.Endpoints.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pages answer to the API's rules, generated from the mappings of every {@link PageController}:
 * each handler declares its roles with {@code @Allowed} (deny by default; an auditor writes
 * nothing); a visitor who has not signed in is sent to the sign-in page; a role not listed gets
 * a 403 page; a listed role gets its page; a form posted without its CSRF token is refused, and
 * one posted by a role not listed is refused even with its token, writing nothing.
 */
class PageSecurityTest extends IntegrationTest {

    /** Open to everyone: the sign-in page. */
    private static final List<String> OPEN = List.of("GET /login");
    /** Pages that need a parameter, with what a listed role then gets (an unknown closing or programme: 404). */
    private static final Map<String, String> QUERIES = Map.of(
            "GET /counter/z-report", "?closing=" + UUID.randomUUID(),
            "GET /counter/receipt", "?conversion=C-000000",
            "GET /ccas/program", "?id=" + UUID.randomUUID(),
            "GET /association/account", "?id=" + UUID.randomUUID(),
            "GET /ccas/batch", "?program=" + UUID.randomUUID() + "&batch=" + UUID.randomUUID());
    private static final Map<String, Integer> ALLOWED_STATUS = Map.of("GET /counter/z-report", 404,
            "GET /counter/receipt", 404,
            "GET /ccas/program", 404, "GET /association/account", 404, "GET /ccas/batch", 404);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    static Map<String, HandlerMethod> pages(RequestMappingHandlerMapping mappings) {
        Map<String, HandlerMethod> pages = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!AnnotatedElementUtils.hasAnnotation(entry.getValue().getBeanType(), PageController.class)) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                assertThat(entry.getKey().getMethodsCondition().getMethods()).as(pattern + " must name its method")
                        .isNotEmpty();
                assertThat(pattern).as("a page is not under /api").doesNotStartWith("/api");
                entry.getKey().getMethodsCondition().getMethods()
                        .forEach(method -> pages.put(method.name() + " " + pattern, entry.getValue()));
            }
        }
        return pages;
    }

    /** A public page (figures, directory), open to anyone: {@link Anonymous}, read-only, under /public. */
    static boolean isPublic(String page, HandlerMethod handler) {
        return handler.hasMethodAnnotation(Anonymous.class) && page.startsWith("GET /public/");
    }

    @Test
    void everyPageDeclaresItsRolesAndNoAuditorWrites() {
        Map<String, HandlerMethod> pages = pages(mappings);
        assertThat(pages).hasSizeGreaterThan(20);
        List<String> withoutRule = pages.entrySet().stream().filter(e -> !open(e.getKey(), e.getValue()))
                .filter(e -> e.getValue().getMethodAnnotation(Allowed.class) == null).map(Map.Entry::getKey).toList();
        assertThat(withoutRule).as("pages without an @Allowed rule").isEmpty();
        List<String> anonymousElsewhere = pages.entrySet().stream()
                .filter(e -> e.getValue().hasMethodAnnotation(Anonymous.class) && !isPublic(e.getKey(), e.getValue()))
                .filter(e -> !e.getKey().matches("(GET|POST) /(apply|password)/.*"))
                .map(Map.Entry::getKey).toList();
        assertThat(anonymousElsewhere).as("@Anonymous only on GET /public/… pages, the application and password forms")
                .isEmpty();
        // the public pages (PublicPagesTest) name a currency by its code in their path, as the public links do
        List<String> withPathVariables = pages.entrySet().stream()
                .filter(e -> !isPublic(e.getKey(), e.getValue())).map(Map.Entry::getKey)
                .filter(key -> key.contains("{")).toList();
        assertThat(withPathVariables).as("pages take ids as parameters (this test has no samples for path ids)")
                .isEmpty();
        List<String> auditorWrites = pages.entrySet().stream().filter(e -> !e.getKey().startsWith("GET "))
                .filter(e -> e.getValue().getMethodAnnotation(Allowed.class) != null && Arrays.asList(
                        e.getValue().getMethodAnnotation(Allowed.class).value()).contains(Role.AUDITOR))
                .map(Map.Entry::getKey).toList();
        assertThat(auditorWrites).isEmpty();
    }

    @Test
    void everyPageAnswersEveryRoleAsItsRuleSaysAndNoFormPassesWithoutItsToken() throws Exception {
        World world = Endpoints.world(ledger, api);
        Map<Role, Session> sessions = new TreeMap<>();
        for (Role role : Role.values()) {
            var user = world.byRole().get(role.name()).user();
            sessions.put(role, Session.signIn("http://localhost:" + port, user.username(), user.password()));
        }
        String before = books.fingerprint();
        List<String> failures = new ArrayList<>();
        pages(mappings).forEach((page, handler) -> {
            if (open(page, handler)) {
                return;
            }
            List<Role> listed = Arrays.asList(handler.getMethodAnnotation(Allowed.class).value());
            // a currency's admin where ADMIN is listed; on the platform's pages, only the platform's ADMIN
            boolean platform = handler.hasMethodAnnotation(org.mlc.ledger.api.security.Platform.class);
            List<Role> allowed = Arrays.stream(Role.values()).filter(role -> listed.contains(role)
                    || role == Role.CURRENCY_ADMIN && listed.contains(Role.ADMIN))
                    .filter(role -> !platform || role == Role.ADMIN).toList();
            String path = page.substring(page.indexOf(' ') + 1) + QUERIES.getOrDefault(page, "");
            boolean get = page.startsWith("GET ");
            try {
                Session anonymous = new Session("http://localhost:" + port);
                HttpResponse<String> response = get ? anonymous.get(path) : anonymous.post(path, Map.of(), null);
                if (get ? !(response.statusCode() == 302 && location(response).endsWith("/login"))
                        : response.statusCode() != 403) {
                    failures.add(page + " anonymous → " + response.statusCode() + " " + location(response));
                }
                for (Role role : Role.values()) {
                    Session session = sessions.get(role);
                    boolean mayCall = allowed.contains(role);
                    if (get) {
                        int status = session.get(path).statusCode();
                        int expected = mayCall ? ALLOWED_STATUS.getOrDefault(page, 200) : 403;
                        // a page may answer with a redirect to another page (the home page does)
                        if (status != expected && !(mayCall && expected == 200 && status == 302)) {
                            failures.add(page + " as " + role + " → " + status + ", expected " + expected);
                        }
                    } else {
                        int withoutToken = session.post(path, Map.of("key", "k-" + UUID.randomUUID()), null)
                                .statusCode();
                        if (withoutToken != 403) {
                            failures.add(page + " as " + role + " without CSRF token → " + withoutToken);
                        }
                        if (!mayCall) {
                            int withToken = session.post(path, Map.of("key", "k-" + UUID.randomUUID()),
                                    session.csrf).statusCode();
                            if (withToken != 403) {
                                failures.add(page + " as " + role + " (not allowed) with its token → " + withToken);
                            }
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                failures.add(page + ": " + e);
            }
        });
        assertThat(failures).isEmpty();
        assertThat(books.fingerprint()).as("nothing written").isEqualTo(before);
    }

    /** The sign-in page and the pages anyone may use (applications, forgotten password: {@code @Anonymous}). */
    private static boolean open(String page, HandlerMethod handler) {
        return OPEN.contains(page) || handler.hasMethodAnnotation(org.mlc.ledger.api.security.Anonymous.class);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** A browser-like client: a cookie jar, no redirects followed, the CSRF token of its last page. */
    static final class Session {

        private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final String base;
        private final HttpClient client;
        String csrf;

        Session(String base) {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        static Session signIn(String base, String username, String password) throws Exception {
            Session session = new Session(base);
            session.get("/login");
            HttpResponse<String> login = session.post("/login", Map.of("username", username, "password", password),
                    session.csrf);
            assertThat(login.statusCode()).as("sign-in of " + username).isEqualTo(302);
            assertThat(location(login)).endsWith("/");
            // the home page of the role carries the token of the signed-in session
            HttpResponse<String> home = session.get(URI.create(location(login)).getPath());
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(session.get(URI.create(location(home)).getPath()).statusCode()).isEqualTo(200);
            assertThat(session.csrf).isNotNull();
            return session;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return get(path, Map.of());
        }

        /** A page asked with headers of its own (a proxy's forwarded host, …). */
        HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
            // asks for HTML as a browser does (an unknown page then answers a page, not problem+json)
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> fields, String token)
                throws IOException, InterruptedException {
            Map<String, String> form = new TreeMap<>(fields);
            if (token != null) {
                form.put("_csrf", token);
            }
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
