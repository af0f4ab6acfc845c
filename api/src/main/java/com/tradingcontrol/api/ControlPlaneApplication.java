package com.tradingcontrol.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.auth.AuthSetup;
import com.tradingcontrol.api.auth.JwtVerifier;
import com.tradingcontrol.api.console.ConsoleSetup;
import com.tradingcontrol.api.errors.ErrorHandling;
import com.tradingcontrol.api.errors.ProblemErrorHandler;
import com.tradingcontrol.api.health.HealthResource;
import com.tradingcontrol.api.health.ReadinessHealthCheck;
import com.tradingcontrol.api.health.ReadinessRegistry;
import com.tradingcontrol.api.http.AdminAccess;
import com.tradingcontrol.api.http.AdminTaskAudit;
import com.tradingcontrol.api.http.BodyPace;
import com.tradingcontrol.api.http.BodySizeLimitFilter;
import com.tradingcontrol.api.http.RequestLogFormat;
import com.tradingcontrol.api.http.SecurityHeaders;
import com.tradingcontrol.api.http.ShutdownGate;
import com.tradingcontrol.api.logging.KnownFalseWarnings;
import com.tradingcontrol.api.logging.QuietRequestLog;
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
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

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
     * config key or a request field is reported instead of silently ignored. Duplicate keys are errors
     * too: with last-wins, {"scope":"tenant:x","scope":"global"} passed a proxy or log reader that read
     * the first one while the API acted on the second.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    @Override
    public void run(ControlPlaneConfiguration config, Environment environment) throws Exception {
        RequestLogFormat.enforce(config.getServerFactory());
        QuietRequestLog.install(config.getServerFactory());
        // Dropwizard has just reset logging to this configuration, dropping the launcher's filters.
        KnownFalseWarnings.install();
        Duration retryAfter = Duration.ofMillis(config.getCommands().getRetryAfter().toMilliseconds());
        ShutdownGate shutdownGate = new ShutdownGate(environment.getObjectMapper(), retryAfter);
        installServletFilters(config, environment, shutdownGate);
        ErrorHandling.install(config.getServerFactory(), environment.jersey(), retryAfter);
        installJettyErrorHandler(config, environment, retryAfter, shutdownGate);
        AdminTaskAudit.install(environment.getAdminContext());

        JwtVerifier verifier = JwtVerifier.fromConfig(config.getAuth());
        AuthSetup.install(environment.jersey(), verifier, config.getAuth().getRealm());
        environment.getAdminContext().addFilter(new AdminAccess(verifier, environment.getObjectMapper(),
                config.getAuth().getRealm()), "/*", EnumSet.of(DispatcherType.REQUEST));
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
        WebSocketSetup.install(environment, pushHub, verifier, config.getWebsocket(), config.getAuth());

        environment.jersey().register(new HealthResource(readiness));
        environment.healthChecks().register(ReadinessHealthCheck.NAME, new ReadinessHealthCheck(readiness));
        environment.jersey().register(new ProfileResource());
        ConsoleSetup.install(environment);

        ApiRuntime runtime = new ApiRuntime(pushHub, readiness, verifier);
        for (ApiExtension extension : extensions) {
            extension.register(config, environment, runtime);
        }
    }

    /**
     * Jetty's errors (server level: bad requests, 431, 503 while stopping; context level: servlet
     * sendError) as problem+json. The server's handler is set as it starts, after Dropwizard's own.
     */
    private static void installJettyErrorHandler(ControlPlaneConfiguration config, Environment environment,
                                                 Duration retryAfter, ShutdownGate shutdownGate) {
        ProblemErrorHandler handler = new ProblemErrorHandler(environment.getObjectMapper(),
                config.getRequestId().getMaxLength(), retryAfter);
        environment.getApplicationContext().setErrorHandler(handler);
        environment.getAdminContext().setErrorHandler(handler);
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(handler);
                }
            }

            @Override
            public void lifeCycleStopping(LifeCycle event) {
                shutdownGate.lifeCycleStopping(event);
            }
        });
    }

    // Servlet filters, not Jersey filters: they must also cover the websocket handshakes and 404s.
    private static void installServletFilters(ControlPlaneConfiguration config, Environment environment,
                                              ShutdownGate shutdownGate) {
        EnumSet<DispatcherType> all = EnumSet.allOf(DispatcherType.class);
        environment.servlets()
                .addFilter("request-id", new RequestIdFilter(config.getRequestId().getMaxLength()))
                .addMappingForUrlPatterns(all, false, "/*");
        environment.servlets().addFilter("security-headers", new SecurityHeaders())
                .addMappingForUrlPatterns(all, true, "/*");
        environment.servlets().addFilter("shutdown-gate", shutdownGate)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.servlets()
                .addFilter("body-size-limit",
                        new BodySizeLimitFilter(config.getMaxRequestBodySize().toBytes(),
                                BodyPace.of(config.getRequestBodyGrace().toJavaDuration(),
                                        config.getMinRequestBodyRate().toBytes()),
                                environment.getObjectMapper()))
                .addMappingForUrlPatterns(all, true, "/*");
    }
}
