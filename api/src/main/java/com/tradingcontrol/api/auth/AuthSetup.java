package com.tradingcontrol.api.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/** Registers bearer authentication, {@code @RolesAllowed} and {@code @Auth Caller} injection with Jersey. */
public final class AuthSetup {
    public static final String SCHEME = "Bearer";

    private AuthSetup() {}

    public static void install(JerseyEnvironment jersey, JwtVerifier verifier, String realm) {
        HeaderBearerAuthFilter filter = new HeaderBearerAuthFilter.Builder()
                .setAuthenticator(new JwtAuthenticator(verifier, realm))
                .setAuthorizer(new CallerAuthorizer())
                .setPrefix(SCHEME)
                .setRealm(realm)
                .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
                .buildAuthFilter();
        jersey.register(new AuthDynamicFeature(filter));
        jersey.register(RolesAllowedDynamicFeature.class);
        jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
    }
}
