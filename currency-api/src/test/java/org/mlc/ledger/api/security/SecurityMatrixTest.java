package org.mlc.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Endpoints;
import org.mlc.ledger.api.support.Endpoints.Call;
import org.mlc.ledger.api.support.Endpoints.Who;
import org.mlc.ledger.api.support.Endpoints.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint × every role, generated from the controller mappings: a role its rule lets
 * in gets a 2xx on its own resources, any other role a 403, an anonymous caller a 401. A new
 * endpoint without an {@link Allowed} rule, or without a sample in support/Endpoints, fails here.
 */
class SecurityMatrixTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** "METHOD /pattern" → handler, for every mapping under /api. */
    static Map<String, HandlerMethod> apiEndpoints(RequestMappingHandlerMapping mappings) {
        Map<String, HandlerMethod> endpoints = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                assertThat(info.getMethodsCondition().getMethods()).as(pattern + " must name its HTTP method")
                        .isNotEmpty();
                info.getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.put(method.name() + " " + pattern, entry.getValue()));
            }
        }
        return endpoints;
    }

    @Test
    void everyApiEndpointDeclaresItsRolesAndHasASample() {
        Map<String, HandlerMethod> endpoints = apiEndpoints(mappings);
        assertThat(endpoints).hasSizeGreaterThan(15);
        List<String> withoutRule = endpoints.entrySet().stream()
                .filter(e -> e.getValue().getMethodAnnotation(Allowed.class) == null)
                .filter(e -> !anonymous(e.getKey(), e.getValue())).map(Map.Entry::getKey).toList();
        assertThat(withoutRule).as("endpoints without an @Allowed rule (refused to everyone)").isEmpty();
        List<String> withoutSample = endpoints.keySet().stream()
                .filter(key -> !Endpoints.samples(ledger).containsKey(key)).toList();
        assertThat(withoutSample).as("endpoints without a sample in support/Endpoints").isEmpty();
        List<String> auditorWrites = endpoints.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("GET "))
                .filter(e -> e.getValue().getMethodAnnotation(Allowed.class) != null && Arrays.asList(
                        e.getValue().getMethodAnnotation(Allowed.class).value()).contains(Role.AUDITOR))
                .map(Map.Entry::getKey).toList();
        assertThat(auditorWrites).as("an auditor changes nothing: no write rule may list it").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryRoleAsItsRuleSays() {
        World world = Endpoints.world(ledger, api);
        Map<String, BiFunction<World, Who, Call>> samples = Endpoints.samples(ledger);
        List<DynamicTest> tests = new ArrayList<>();
        apiEndpoints(mappings).forEach((endpoint, handler) -> {
            Allowed rule = handler.getMethodAnnotation(Allowed.class);
            BiFunction<World, Who, Call> sample = samples.get(endpoint);
            if (anonymous(endpoint, handler)) {
                tests.add(DynamicTest.dynamicTest(endpoint + " is public: anonymous and every role → 2xx", () -> {
                    assertThat(sample).as("no sample for " + endpoint).isNotNull();
                    Api.Response response = send(api, sample.apply(world, world.byRole().get("ADMIN")), false);
                    assertThat(response.status()).as(endpoint + " anonymous: " + response).isBetween(200, 299);
                    for (Role role : Role.values()) {
                        Who who = world.byRole().get(role.name());
                        Api.Response answer = send(who.user().api(), sample.apply(world, who), true);
                        assertThat(answer.status()).as(endpoint + " as " + role + ": " + answer).isBetween(200, 299);
                    }
                }));
                return;
            }
            tests.add(DynamicTest.dynamicTest(endpoint + " anonymous → 401", () -> {
                assertThat(sample).as("no sample for " + endpoint).isNotNull();
                Call call = sample.apply(world, world.byRole().get("ADMIN"));
                Api.Response response = send(api, call, false);
                assertProblem(response, 401, "unauthorized");
            }));
            for (Role role : Role.values()) {
                boolean allowed = rule != null && Arrays.asList(rule.value()).contains(role)
                        && !(role == Role.AUDITOR && !endpoint.startsWith("GET "));
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + role + " → " + (allowed ? "2xx" : "403"),
                        () -> {
                            assertThat(sample).as("no sample for " + endpoint).isNotNull();
                            Who who = world.byRole().get(role.name());
                            Api.Response response = send(who.user().api(), sample.apply(world, who), true);
                            if (allowed) {
                                assertThat(response.status()).as(endpoint + " as " + role + ": " + response)
                                        .isBetween(200, 299);
                            } else {
                                assertProblem(response, 403, "forbidden");
                            }
                        }));
            }
        });
        return tests.stream();
    }

    /** A public endpoint: {@link Anonymous}, under /api/v1/public/ and only readable (the path alone opens nothing). */
    private static boolean anonymous(String endpoint, HandlerMethod handler) {
        return handler.hasMethodAnnotation(Anonymous.class) && endpoint.startsWith("GET /api/v1/public/");
    }

    private static Api.Response send(Api api, Call call, boolean authenticated) {
        return api.request(call.method(), call.path(), call.body(), authenticated,
                "Content-Type", call.contentType(),
                "Idempotency-Key", "GET".equals(call.method()) ? null : UUID.randomUUID().toString());
    }

    static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("code")).as(response.toString()).isEqualTo(code);
    }
}
