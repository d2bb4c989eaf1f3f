package org.mlc.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;

/**
 * /v3/api-docs tells a developer what the API does: each operation's summary and feature, the
 * status it answers, the key every POST needs and the problem+json of its errors. Each test
 * lists every operation that falls short, so that an endpoint added without its summary shows.
 */
class OpenApiDescriptionTest extends IntegrationTest {

    /** Built once by springdoc, on the first request: fetched once for the class. */
    private static JsonNode docs;

    @BeforeEach
    void description() {
        for (int attempt = 1; docs == null; attempt++) {
            try {
                Api.Response response = api.getAnonymously("/v3/api-docs");
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                docs = response.json();
            } catch (IllegalStateException timedOut) {
                // the first request builds the description of eighty operations, slow on a loaded machine
                if (attempt == 3) {
                    throw timedOut;
                }
            }
        }
    }

    private List<String> operationsWhere(BiConsumer<JsonNode, List<String>> check) {
        List<String> shortfalls = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<String> found = new ArrayList<>();
            check.accept(op.getValue(), found);
            found.forEach(what -> shortfalls.add(op.getKey().toUpperCase() + " " + path.getKey() + ": " + what));
        }));
        return shortfalls;
    }

    @Test
    void everyPostDocumentsItsSuccessStatusAndARequiredIdempotencyKey() {
        List<String> shortfalls = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().path("post");
            if (post.isMissingNode()) {
                return;
            }
            JsonNode responses = post.path("responses");
            List<String> success = new ArrayList<>();
            responses.fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    success.add(code);
                }
            });
            // 201 a thing created, 202 a job started; a change of state of an existing thing answers it (200)
            if (success.size() != 1 || !List.of("200", "201", "202").contains(success.get(0))) {
                shortfalls.add("POST " + path.getKey() + ": success responses " + success);
            }
            boolean keyRequired = false;
            for (JsonNode parameter : post.path("parameters")) {
                if (parameter.path("in").asText().equals("header")
                        && parameter.path("name").asText().equals(IdempotentCommands.HEADER)) {
                    keyRequired = parameter.path("required").asBoolean();
                }
            }
            if (!keyRequired) {
                shortfalls.add("POST " + path.getKey() + ": no required " + IdempotentCommands.HEADER);
            }
            for (String error : List.of("400", "409", "422")) {
                if (!responses.path(error).path("content").has("application/problem+json")) {
                    shortfalls.add("POST " + path.getKey() + ": no problem+json " + error);
                }
            }
        });
        assertThat(shortfalls).isEmpty();
    }

    @Test
    void theSuccessStatusIsTheOneTheEndpointAnswers() {
        // what these endpoints answer, as their own tests and docs/api.md say
        Map<String, String> answered = Map.of(
                "/api/v1/payments", "201",
                "/api/v1/currencies", "201",
                "/api/v1/participants", "201",
                "/api/v1/counters/{id}/conversions", "201",
                "/api/v1/aid-programs/{id}/grants", "201",
                "/api/v1/aid-programs/{id}/grant-batches", "202",
                "/api/v1/accounts/{id}/payment-batches", "202",
                "/api/v1/accounts/{id}/freeze", "200");
        answered.forEach((path, status) -> {
            JsonNode responses = docs.path("paths").path(path).path("post").path("responses");
            assertThat(responses.has(status)).as(path + " documents " + status + ": " + responses).isTrue();
            assertThat(responses.path(status).path("content").has("application/json")).as(path).isTrue();
            assertThat(responses.path(status).path("content").has("*/*")).as(path).isFalse();
        });
        assertThat(docs.path("paths").path("/api/v1/payments").path("post").path("responses").path("201")
                .path("headers").has("Location")).isTrue();
    }

    @Test
    void everyOperationHasASummaryADescriptionAndAFeatureTag() {
        List<String> shortfalls = operationsWhere((operation, found) -> {
            if (operation.path("summary").asText().isBlank()) {
                found.add("no summary (@Operation(summary = …) on the method)");
            }
            if (operation.path("description").asText().isBlank()) {
                found.add("no description");
            }
            List<String> tags = new ArrayList<>();
            operation.path("tags").forEach(tag -> tags.add(tag.asText()));
            if (tags.size() != 1 || tags.get(0).toLowerCase().contains("controller")) {
                found.add("tags " + tags + " (one feature, not a controller's name)");
            }
        });
        assertThat(shortfalls).isEmpty();
        List<String> tagNames = new ArrayList<>();
        docs.path("tags").forEach(tag -> tagNames.add(tag.path("name").asText()));
        assertThat(tagNames).contains("Payments", "Counters", "Participants", "Aid programmes")
                .doesNotHaveDuplicates();
    }

    @Test
    void errorsAreProblemJsonAndNoAnswerIsOfAnyMediaType() {
        List<String> shortfalls = operationsWhere((operation, found) -> operation.path("responses").fields()
                .forEachRemaining(response -> {
                    if (response.getValue().path("content").has("*/*")) {
                        found.add(response.getKey() + " answers */*");
                    }
                    if (response.getKey().matches("[45]..")
                            && !response.getValue().path("content").has("application/problem+json")) {
                        found.add(response.getKey() + " is not problem+json");
                    }
                }));
        assertThat(shortfalls).isEmpty();
        assertThat(docs.path("components").path("schemas").path("Problem").path("properties").has("code")).isTrue();
    }

    @Test
    void theMainBodiesHaveExamples() {
        for (String path : List.of("/api/v1/payments", "/api/v1/participants", "/api/v1/counters/{id}/conversions",
                "/api/v1/aid-programs/{id}/grants")) {
            JsonNode post = docs.path("paths").path(path).path("post");
            assertThat(post.path("requestBody").path("content").path("application/json").has("example"))
                    .as(path + " request example").isTrue();
        }
        JsonNode conversion = docs.path("paths").path("/api/v1/counters/{id}/conversions").path("post")
                .path("responses").path("201").path("content").path("application/json").path("example");
        assertThat(conversion.path("units").asText()).isEqualTo("21.00");
    }
}
