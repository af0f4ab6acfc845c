package com.tradingcontrol.api.reads;

import com.tradingcontrol.api.auth.Caller;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/feature-flags}: the seed dashboard's typed flag shape, backed by {@code features.*} config keys. */
@Path("/api/feature-flags")
@Produces(MediaType.APPLICATION_JSON)
public final class FeatureFlagsResource {

    public record Backtest(boolean enabled, boolean customerEnabled) {}

    public record Tabs(boolean marketplace, boolean membership) {}

    public record FeatureFlags(Backtest backtest, Tabs tabs) {}

    private final ConfigEntries config;

    public FeatureFlagsResource(ConfigEntries config) {
        this.config = config;
    }

    @GET
    public FeatureFlags flags(@Auth Caller caller) {
        return new FeatureFlags(
                new Backtest(config.flag("features.backtest.enabled"), config.flag("features.backtest.customerEnabled")),
                new Tabs(config.flag("features.tabs.marketplace"), config.flag("features.tabs.membership")));
    }
}
