package org.mlc.ledger.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.mlc.ledger.api.security.Allowed;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (UI at /swagger-ui.html), with each endpoint's roles. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("MLC Ledger API").version("v1")
                        .description("Ledger of a local complementary currency. Amounts are decimal strings; every "
                                + "state-changing POST needs an Idempotency-Key; errors are application/problem+json "
                                + "(see docs/api.md for the catalogue of codes)."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** The roles of {@link Allowed} are part of the contract: say them on each operation. */
    @Bean
    public OperationCustomizer rolesInDescription() {
        return (operation, handlerMethod) -> {
            Allowed allowed = handlerMethod.getMethodAnnotation(Allowed.class);
            String roles = allowed == null ? "none (no access rule)"
                    : Arrays.stream(allowed.value()).map(Enum::name).collect(Collectors.joining(", "));
            operation.addExtension("x-roles", roles);
            String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
            return operation.description(description + "Roles: " + roles + ".");
        };
    }
}
