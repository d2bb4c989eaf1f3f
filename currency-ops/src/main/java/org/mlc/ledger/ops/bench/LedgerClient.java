package org.mlc.ledger.ops.bench;

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
import java.util.concurrent.Executors;

/** The ledger's HTTP API as the bench uses it: JSON over HTTP Basic, one Idempotency-Key per change. */
public final class LedgerClient {

    /** How long one request may take before it counts as an error. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public record Answer(int status, JsonNode body) {
        boolean created() {
            return status == 200 || status == 201 || status == 202;
        }

        /** "status code" of a refusal, e.g. "422 insufficient-funds". */
        String error() {
            String type = body == null ? "" : body.path("type").asText("");
            return status + (type.isEmpty() ? "" : " " + type.substring(type.lastIndexOf('/') + 1));
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();

    public LedgerClient(URI base, String username, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    /** The same API as another user (e.g. a CCAS's or a collectivité's). */
    public LedgerClient as(String username, String password) {
        return new LedgerClient(base, username, password);
    }

    public Answer post(String path, String idempotencyKey, String body) throws IOException, InterruptedException {
        return post(path, idempotencyKey, body, "application/json");
    }

    public Answer post(String path, String idempotencyKey, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    public Answer get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization).GET().build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** Whether {@code /actuator/health} answers UP. */
    public boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Answers with a body that must have come: a failed set-up step stops the bench. */
    public JsonNode required(Answer answer, String what) {
        if (!answer.created()) {
            throw new IllegalStateException(what + " failed: HTTP " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    private Answer answer(HttpResponse<byte[]> response) throws IOException {
        byte[] body = response.body();
        JsonNode node = body == null || body.length == 0 ? null : json.readTree(body);
        return new Answer(response.statusCode(), node);
    }
}
