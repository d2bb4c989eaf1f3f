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
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

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

    /** A write refused 503 with Retry-After (the ledger's backpressure) is sent again at most this many times. */
    static final int MAX_RESENDS = 30;

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong resent;

    public LedgerClient(URI base, String username, String password) {
        this(base, username, password, new AtomicLong());
    }

    private LedgerClient(URI base, String username, String password, AtomicLong resent) {
        this.resent = resent;
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
        return new LedgerClient(base, username, password, resent);
    }

    /** How many writes this client (and its {@link #as} copies) sent again after a 503 with Retry-After. */
    public long resent() {
        return resent.get();
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
        // as a client should: a write the ledger refused because it is busy (503, Retry-After, nothing
        // stored) goes again with the same key after the delay; the time spent counts in its latency
        for (int sent = 1; ; sent++) {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            OptionalLong retryAfterSeconds = response.headers().firstValueAsLong("Retry-After");
            if (response.statusCode() != 503 || retryAfterSeconds.isEmpty() || sent > MAX_RESENDS) {
                return answer(response);
            }
            resent.incrementAndGet();
            Thread.sleep(Math.max(1, retryAfterSeconds.getAsLong()) * 1_000);
        }
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
