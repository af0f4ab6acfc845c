package com.tradingcontrol.api.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtensions;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * {@code GET /openapi.json}: an OpenAPI 3 document generated (by swagger-core) from every JAX-RS
 * resource registered with Jersey, so it covers resources added by any extension. Generated on the
 * first request, when registration is complete, and then cached: resources do not change at run time.
 */
@Path("/openapi.json")
public final class OpenApiResource {

    static final String BEARER = "bearer";
    private static final Object EXTENSIONS_LOCK = new Object();

    private final ResourceConfig jersey;
    private final String version;
    private volatile String document;

    public OpenApiResource(ResourceConfig jersey, String version) {
        this.jersey = jersey;
        this.version = version;
    }

    // No @PermitAll: with dropwizard-auth that annotation still demands a token; the document is public.
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String openApi() throws JsonProcessingException {
        String current = document;
        if (current == null) {
            current = Json.mapper().writeValueAsString(generate());
            document = current;
        }
        return current;
    }

    private OpenAPI generate() {
        installExtension();
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Trading Control Plane API").version(version)
                        .description("Commands, reads, audit and time travel of the trading control plane. "
                                + "Errors are application/problem+json with a stable code."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
        Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).readAllResources(true));
        return reader.read(resourceClasses());
    }

    private Set<Class<?>> resourceClasses() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        Stream.concat(jersey.getClasses().stream(), jersey.getInstances().stream().map(Object::getClass))
                .filter(c -> c.isAnnotationPresent(Path.class))
                .forEach(classes::add);
        return classes;
    }

    /** swagger-core keeps its extension chain in a static list; ours goes first, once per JVM. */
    private static void installExtension() {
        synchronized (EXTENSIONS_LOCK) {
            List<OpenAPIExtension> chain = new ArrayList<>(OpenAPIExtensions.getExtensions());
            if (chain.stream().noneMatch(SkipAuthParameters.class::isInstance)) {
                chain.add(0, new SkipAuthParameters());
                OpenAPIExtensions.setExtensions(chain);
            }
        }
    }
}
