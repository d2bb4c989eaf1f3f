package org.mlc.ledger.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mlc.ledger.api.security.Allowed;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs (UI at /swagger-ui.html). Each operation's feature,
 * success status, {@code Idempotency-Key}, errors and roles ({@link Allowed}) are derived from the
 * code by {@link OpenApiOperations}; its summary is the {@code @Operation} on the method.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("MLC Ledger API").version("v1")
                        .description("Ledger of a local complementary currency (a Bou'Sol, a Roue). Amounts are "
                                + "decimal strings with two decimals (\"12.50\"); every POST needs an "
                                + "`Idempotency-Key` header and may be sent again with it safely; errors are "
                                + "`application/problem+json` with a stable `code` (catalogue in docs/api.md). "
                                + "Sign in with HTTP Basic; each endpoint names the roles that may call it."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas(OpenApiOperations.PROBLEM, new ObjectSchema()
                                .description("RFC 9457 problem details, with the stable code of the error")
                                .addProperty("type", new StringSchema().example(Problems.TYPE_PREFIX + "insufficient-funds"))
                                .addProperty("title", new StringSchema().example("Unprocessable Entity"))
                                .addProperty("status", new IntegerSchema().example(422))
                                .addProperty("detail", new StringSchema()
                                        .example("Le compte ne dispose que de 8,50 disponibles."))
                                .addProperty("code", new StringSchema().example("insufficient-funds")
                                        .description("stable: what a client tests"))
                                .addProperty("field", new StringSchema().example("amount")
                                        .description("the input at fault, when there is one"))))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** Feature, statuses, key, errors, examples and roles of every operation (see {@link OpenApiOperations}). */
    @Bean
    public OperationCustomizer derivedFromTheCode() {
        return OpenApiOperations::describe;
    }

    /** The tags in the features' order, each with its description; a feature not listed yet comes last. */
    @Bean
    public OpenApiCustomizer featureTags() {
        return openApi -> {
            Set<String> used = new LinkedHashSet<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations()
                        .forEach(operation -> used.addAll(operation.getTags() == null ? List.of()
                                : operation.getTags())));
            }
            List<Tag> tags = OpenApiOperations.FEATURES.values().stream()
                    .filter(feature -> used.remove(feature.tag()))
                    .map(feature -> new Tag().name(feature.tag()).description(feature.description()))
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
            used.stream().sorted(Comparator.naturalOrder()).forEach(tag -> tags.add(new Tag().name(tag)));
            openApi.setTags(tags);
        };
    }
}
