package org.mlc.ledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** A plain HTTP client for the API as a client sees it: status, headers and JSON body. */
public class Api {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;
    private final int port;

    public Api(int port) {
        this(port, "admin", ADMIN_PASSWORD);
    }

    public Api(int port, String user, String password) {
        this.port = port;
        this.baseUrl = "http://localhost:" + port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same server, as another user. */
    public Api as(String user, String password) {
        return new Api(port, user, password);
    }

    /**
     * Any request, as this user or anonymously: {@code headers} are name, value pairs (a null
     * value leaves the header out); {@code body} null sends none.
     */
    public Response request(String method, String path, String body, boolean authenticated, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        return send(request, authenticated);
    }

    public record Response(int status, String contentType, String text) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        public String get(String field) {
            JsonNode node = json().path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Response getAnonymously(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), false);
    }

    /** POST with a fresh Idempotency-Key. */
    public Response post(String path, String jsonBody) {
        return post(path, jsonBody, UUID.randomUUID().toString());
    }

    public Response post(String path, String jsonBody, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** POST of a CSV body (a bank statement) with a fresh Idempotency-Key. */
    public Response postCsv(String path, String csv) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "text/csv")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private Response send(HttpRequest.Builder request) {
        return send(request, true);
    }

    private Response send(HttpRequest.Builder request, boolean authenticated) {
        if (authenticated) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer is a problem+json with this status and code. */
    public static void assertProblem(Response response, int status, String code) {
        org.assertj.core.api.Assertions.assertThat(response.status()).as(response.toString()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(response.contentType()).startsWith("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(response.get("code")).as(response.toString()).isEqualTo(code);
    }
}
