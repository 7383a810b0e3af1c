package dev.shiprun.runner.daemon.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The head of {@code /q/openapi}: what the API is and that every operation needs the bearer token
 * ({@link AccessFilter}). Only annotations, read by {@link OpenApiEndpoint}'s scan; SmallRye
 * OpenAPI takes them from the JAX-RS {@link Application} class only. It overrides nothing, so every
 * endpoint stays where its {@code @Path} puts it. docs/api.md is the prose.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "shiprun daemon API",
            version = "1",
            description =
                "Assembly lines, integrations and runs of a running 'shiprun daemon'. Errors are"
                    + " application/problem+json; docs/api.md has examples."),
    security = @SecurityRequirement(name = ApiDescription.TOKEN))
@SecurityScheme(
    securitySchemeName = ApiDescription.TOKEN,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The daemon's API token: <home>/api-token, or SHIPRUN_API_TOKEN where it runs")
public class ApiDescription extends Application {

  static final String TOKEN = "token";
}
