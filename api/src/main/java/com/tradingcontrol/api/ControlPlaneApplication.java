package com.tradingcontrol.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.auth.AuthSetup;
import com.tradingcontrol.api.auth.JwtVerifier;
import com.tradingcontrol.api.errors.ErrorHandling;
import com.tradingcontrol.api.health.HealthResource;
import com.tradingcontrol.api.health.ReadinessRegistry;
import com.tradingcontrol.api.http.BodySizeLimitFilter;
import com.tradingcontrol.api.http.RequestLogFormat;
import com.tradingcontrol.api.requestid.RequestIdBinder;
import com.tradingcontrol.api.requestid.RequestIdFilter;
import com.tradingcontrol.api.resources.ProfileResource;
import com.tradingcontrol.api.ws.PushHub;
import com.tradingcontrol.api.ws.WebSocketSetup;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.lifecycle.Managed;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/** The API process: REST + websockets on one Jetty server. */
public class ControlPlaneApplication extends Application<ControlPlaneConfiguration> {
    private final List<ApiExtension> extensions;

    public ControlPlaneApplication() {
        this(List.of());
    }

    public ControlPlaneApplication(List<ApiExtension> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    public static void main(String[] args) throws Exception {
        new ControlPlaneApplication().run(args);
    }

    @Override
    public String getName() {
        return "trading-control-api";
    }

    @Override
    public void initialize(Bootstrap<ControlPlaneConfiguration> bootstrap) {
        configure(bootstrap.getObjectMapper());
        // ${VAR} and ${VAR:-default} in the YAML come from the environment, so a container sets the
        // issuer, audience and key source without a config file of its own. Strict: a ${VAR} without
        // default that is not set stops the start naming the variable, instead of a literal "${VAR}".
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
    }

    /**
     * The one mapper for configuration and request bodies: unknown fields are errors, so a typo in a
     * config key or a request field is reported instead of silently ignored.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public void run(ControlPlaneConfiguration config, Environment environment) throws Exception {
        RequestLogFormat.enforce(config.getServerFactory());
        installServletFilters(config, environment);
        ErrorHandling.install(config.getServerFactory(), environment.jersey());

        JwtVerifier verifier = JwtVerifier.fromConfig(config.getAuth());
        AuthSetup.install(environment.jersey(), verifier, config.getAuth().getRealm());
        environment.jersey().register(new RequestIdBinder());

        ReadinessRegistry readiness = new ReadinessRegistry(
                Duration.ofMillis(config.getReadinessTimeout().toMilliseconds()));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                readiness.close();
            }
        });
        PushHub pushHub = new PushHub(environment.getObjectMapper(), config.getWebsocket().getReplayBufferSize());
        WebSocketSetup.install(environment, pushHub, verifier, config.getWebsocket(), config.getAuth().getRealm());

        environment.jersey().register(new HealthResource(readiness));
        environment.jersey().register(new ProfileResource());

        ApiRuntime runtime = new ApiRuntime(pushHub, readiness, verifier);
        for (ApiExtension extension : extensions) {
            extension.register(config, environment, runtime);
        }
    }

    // Servlet filters, not Jersey filters: they must also cover the websocket handshakes and 404s.
    private static void installServletFilters(ControlPlaneConfiguration config, Environment environment) {
        EnumSet<DispatcherType> all = EnumSet.allOf(DispatcherType.class);
        environment.servlets()
                .addFilter("request-id", new RequestIdFilter(config.getRequestId().getMaxLength()))
                .addMappingForUrlPatterns(all, false, "/*");
        environment.servlets()
                .addFilter("body-size-limit",
                        new BodySizeLimitFilter(config.getMaxRequestBodySize().toBytes(), environment.getObjectMapper()))
                .addMappingForUrlPatterns(all, true, "/*");
    }
}
