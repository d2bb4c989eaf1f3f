package org.mlc.ledger.ops.faults;

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

/** A client of the API as a till or a phone app would be: HTTP Basic, JSON, an Idempotency-Key per operation. */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** An answer; status 0 when there was none (connection refused or cut, timeout). */
    record Answer(int status, JsonNode body, String contentType, String failure) {

        boolean answered() {
            return status != 0;
        }

        String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asText();
        }

        @Override
        public String toString() {
            return status == 0 ? "no answer (" + failure + ")" : status + " " + body;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String authorization;

    Client(String user, String password) {
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Client admin() {
        return new Client("admin", Cluster.ADMIN_PASSWORD);
    }

    Answer post(Node node, String path, String key, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            return read(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return new Answer(0, null, null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, "interrupted");
        }
    }

    Answer get(Node node, String path) {
        try {
            return read(http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return new Answer(0, null, null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, "interrupted");
        }
    }

    /** A plain-text GET (the Prometheus page). */
    String text(Node node, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Answer read(HttpResponse<String> response) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
        return new Answer(response.statusCode(), body, type, null);
    }

    /** The answer, which must be one of the expected statuses. */
    static Answer expect(Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new AssertionError("unexpected answer " + answer);
    }
}
