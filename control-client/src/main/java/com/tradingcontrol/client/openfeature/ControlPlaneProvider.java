package com.tradingcontrol.client.openfeature;

import com.tradingcontrol.client.ConfigEntry;
import com.tradingcontrol.client.ConfigKeyException;
import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.ControlClientListener;
import com.tradingcontrol.domain.ConfigValue;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.ProviderNotReadyError;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * OpenFeature provider over a {@link ControlClient}'s config: every catalogue key (feature flags
 * such as {@code features.backtest.enabled} included) evaluates to the platform's value or the
 * catalogue default. Resolution reasons: {@code STATIC} for a value set on the platform,
 * {@code DEFAULT} for the catalogue default, {@code STALE} (the OpenFeature specification's reason
 * for a possibly out-of-date value; the Java SDK 1.14 has no enum constant for it) while the client
 * is stale, {@code ERROR} with {@link ErrorCode#FLAG_NOT_FOUND} or {@link ErrorCode#TYPE_MISMATCH}.
 * Flag metadata: {@code version} (long), {@code updatedBy}, {@code updatedAt} (ISO-8601) and
 * {@code source}. Events: {@code PROVIDER_CONFIGURATION_CHANGED} naming the changed key,
 * {@code PROVIDER_STALE} and {@code PROVIDER_READY} on the client's lease transitions.
 *
 * <p>The provider does not own the client: closing it stops the events, not the client.
 */
public final class ControlPlaneProvider extends EventProvider {

    /** The resolution reason while the client is stale (OpenFeature specification: "STALE"). */
    public static final String STALE = "STALE";

    private final ControlClient client;
    private final Duration initTimeout;
    private volatile AutoCloseable registration;

    /**
     * @param client      a started client
     * @param initTimeout how long {@link #initialize} waits for the client to be ready
     */
    public ControlPlaneProvider(ControlClient client, Duration initTimeout) {
        this.client = client;
        this.initTimeout = initTimeout;
    }

    @Override
    public Metadata getMetadata() {
        return () -> "trading-control-plane";
    }

    /** Waits for the client to be ready; throws {@link ProviderNotReadyError} if it is not in time. */
    @Override
    public void initialize(EvaluationContext context) throws Exception {
        if (!client.awaitReady(initTimeout)) {
            throw new ProviderNotReadyError("control client not caught up with the state topics within " + initTimeout);
        }
        registration = client.addListener(new ControlClientListener() {
            @Override
            public void onConfigChanged(String key) {
                emitProviderConfigurationChanged(ProviderEventDetails.builder().flagsChanged(List.of(key))
                        .message("config key " + key + " changed").build());
            }

            @Override
            public void onStale(String reason) {
                emitProviderStale(ProviderEventDetails.builder().message(reason).build());
            }

            @Override
            public void onFresh() {
                emitProviderReady(ProviderEventDetails.builder().message("caught up").build());
            }
        });
    }

    /** Stops forwarding the client's events (the client stays open). */
    @Override
    public void shutdown() {
        AutoCloseable r = registration;
        registration = null;
        if (r != null) {
            try {
                r.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot remove the provider's listener", e);
            }
        }
        super.shutdown();
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, v -> v instanceof ConfigValue.BoolValue b ? b.value() : null);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, v -> v instanceof ConfigValue.StringValue s ? s.value() : null);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, v -> v instanceof ConfigValue.LongValue l
                && l.value() >= Integer.MIN_VALUE && l.value() <= Integer.MAX_VALUE ? (int) l.value() : null);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, v -> v instanceof ConfigValue.DoubleValue d ? d.value()
                : v instanceof ConfigValue.LongValue l ? (double) l.value() : null);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return evaluate(key, defaultValue, ControlPlaneProvider::toValue);
    }

    private static Value toValue(ConfigValue value) {
        if (value instanceof ConfigValue.BoolValue b) {
            return new Value(b.value());
        }
        if (value instanceof ConfigValue.LongValue l) {
            // OpenFeature values hold doubles or ints; a long beyond int range keeps its magnitude as a double
            return l.value() == (int) l.value() ? new Value((int) l.value()) : new Value((double) l.value());
        }
        if (value instanceof ConfigValue.DoubleValue d) {
            return new Value(d.value());
        }
        return new Value(((ConfigValue.StringValue) value).value());
    }

    private <T> ProviderEvaluation<T> evaluate(String key, T defaultValue, Function<ConfigValue, T> convert) {
        ConfigEntry entry;
        try {
            entry = client.config(key);
        } catch (ConfigKeyException e) {
            return error(defaultValue, ErrorCode.FLAG_NOT_FOUND, e.getMessage());
        }
        T value = convert.apply(entry.value());
        if (value == null) {
            return error(defaultValue, ErrorCode.TYPE_MISMATCH, "config key '" + key + "' holds a "
                    + entry.value().kind() + " value" + (entry.type() == null ? "" : " (catalogue type " + entry.type() + ")"));
        }
        String reason = entry.stale() ? STALE
                : entry.source() == ConfigEntry.Source.PLATFORM ? Reason.STATIC.name() : Reason.DEFAULT.name();
        return ProviderEvaluation.<T>builder().value(value).reason(reason).variant(entry.source().name())
                .flagMetadata(metadata(entry)).build();
    }

    private static ImmutableMetadata metadata(ConfigEntry entry) {
        ImmutableMetadata.ImmutableMetadataBuilder metadata = ImmutableMetadata.builder()
                .addLong("version", entry.version()).addString("source", entry.source().name());
        if (entry.setBy() != null) {
            metadata.addString("updatedBy", entry.setBy());
        }
        if (entry.setAt() != null) {
            metadata.addString("updatedAt", entry.setAt().toString());
        }
        return metadata.build();
    }

    private static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
        return ProviderEvaluation.<T>builder().value(defaultValue).reason(Reason.ERROR.name()).errorCode(code)
                .errorMessage(message).build();
    }
}
