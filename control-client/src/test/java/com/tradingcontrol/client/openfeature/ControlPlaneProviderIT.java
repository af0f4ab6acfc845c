package com.tradingcontrol.client.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.client.Awaiting;
import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.OnOwnBroker;
import com.tradingcontrol.client.StatePlatform;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.schemas.topics.TopicNames;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The provider through the OpenFeature SDK's own API. Each test binds its provider to a domain of
 * its own and replaces it with a no-op provider afterwards, so nothing leaks through the SDK's
 * global singleton into other tests.
 */
@Timeout(180) // seconds per test; a few seconds each
class ControlPlaneProviderIT extends OnOwnBroker {

    private ControlClient controlClient;
    private String domain;
    private Client features;

    @BeforeEach
    void bindProvider() {
        controlClient = ControlClient.start(platform.clientConfig().build());
        domain = "control-plane-" + UUID.randomUUID();
        OpenFeatureAPI.getInstance().setProviderAndWait(domain,
                new ControlPlaneProvider(controlClient, StatePlatform.WAIT));
        features = OpenFeatureAPI.getInstance().getClient(domain);
    }

    @AfterEach
    void unbindProvider() {
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, new NoOpProvider());
        controlClient.close();
    }

    @Test
    void catalogueDefaultsAndPlatformValuesResolveWithReasonsAndMetadata() throws Exception {
        FlagEvaluationDetails<Boolean> byDefault = features.getBooleanDetails("features.backtest.enabled", true);
        assertThat(byDefault.getValue()).isFalse();
        assertThat(byDefault.getReason()).isEqualTo("DEFAULT");
        assertThat(byDefault.getErrorCode()).isNull();
        assertThat(byDefault.getFlagMetadata().getLong("version")).isZero();

        platform.config("features.tabs.membership", ConfigValue.of(true), 4, "admin-9");
        Awaiting.until(controlClient, StatePlatform.WAIT, "membership tab set",
                () -> features.getBooleanValue("features.tabs.membership", false));
        FlagEvaluationDetails<Boolean> set = features.getBooleanDetails("features.tabs.membership", false);
        assertThat(set.getReason()).isEqualTo("STATIC");
        assertThat(set.getFlagMetadata().getLong("version")).isEqualTo(4L);
        assertThat(set.getFlagMetadata().getString("updatedBy")).isEqualTo("admin-9");

        assertThat(features.getIntegerValue("risk.maxOpenOrders", -1)).isEqualTo(500);
        assertThat(features.getDoubleValue("risk.priceBandPercent", -1.0)).isEqualTo(5.0);
        assertThat(features.getStringValue("risk.limitBreachAction", "?")).isEqualTo("REJECT_ORDER");
        assertThat(features.getObjectValue("risk.maxOpenOrders", new Value("?"))).isEqualTo(new Value(500));
    }

    @Test
    void unknownKeysAndTypeMismatchesAreErrorsWithTheCallersDefault() {
        FlagEvaluationDetails<Boolean> mismatch = features.getBooleanDetails("risk.maxOpenOrders", true);
        assertThat(mismatch.getValue()).isTrue();
        assertThat(mismatch.getReason()).isEqualTo("ERROR");
        assertThat(mismatch.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(mismatch.getErrorMessage()).contains("risk.maxOpenOrders");

        FlagEvaluationDetails<String> unknown = features.getStringDetails("no.such.flag", "fallback");
        assertThat(unknown.getValue()).isEqualTo("fallback");
        assertThat(unknown.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    }

    @Test
    void providerEventsFollowConfigChangesAndTheLease() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        features.onProviderConfigurationChanged(e -> events.add("changed " + flags(e)));
        features.onProviderStale(e -> events.add("stale"));
        features.onProviderReady(e -> events.add("ready"));

        platform.config("features.backtest.customerEnabled", ConfigValue.of(true), 2, "admin-1");
        awaitEvent(events, "changed [features.backtest.customerEnabled]");

        platform.garbage(TopicNames.CONFIG_STATE, "features.tabs.marketplace"); // the client fails closed
        awaitEvent(events, "stale");
        assertThat(features.getBooleanDetails("features.backtest.customerEnabled", false).getReason())
                .isEqualTo(ControlPlaneProvider.STALE);

        platform.config("features.tabs.marketplace", ConfigValue.of(false), 1, "admin-1");
        awaitEvent(events, "ready");
        assertThat(features.getBooleanDetails("features.backtest.customerEnabled", false).getReason())
                .isEqualTo("STATIC");
    }

    /** Takes events until {@code expected} arrives (a READY replayed to a new handler may come first). */
    private static void awaitEvent(BlockingQueue<String> events, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + StatePlatform.WAIT.toNanos();
        List<String> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            String event = events.poll(100, TimeUnit.MILLISECONDS);
            if (expected.equals(event)) {
                return;
            }
            if (event != null) {
                seen.add(event);
            }
        }
        throw new AssertionError("no '" + expected + "' event within " + StatePlatform.WAIT + "; saw " + seen);
    }

    private static List<String> flags(EventDetails details) {
        return details.getFlagsChanged();
    }
}
