package com.tradingcontrol.api.errors;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Duration;

/** Replaces Dropwizard's default exception mappers (plain JSON, inconsistent shapes) with problem+json ones. */
public final class ErrorHandling {
    private ErrorHandling() {}

    public static void install(ServerFactory serverFactory, JerseyEnvironment jersey, Duration retryAfter) {
        if (serverFactory instanceof AbstractServerFactory server) {
            // Enforced rather than left to YAML: the defaults would answer some errors in a different shape.
            server.setRegisterDefaultExceptionMappers(false);
        }
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new JsonProcessingExceptionMapper());
        jersey.register(new ConstraintViolationExceptionMapper());
        jersey.register(new BadMessageExceptionMapper());
        jersey.register(new StoreUnavailableMapper(retryAfter));
        jersey.register(new ThrowableMapper());
    }
}
