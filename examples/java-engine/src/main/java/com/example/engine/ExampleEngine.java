package com.example.engine;

import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.ControlClientConfig;
import com.tradingcontrol.client.ControlClientListener;
import com.tradingcontrol.client.openfeature.ControlPlaneProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A minimal engine: given only the {@code local.json} that {@code bin/tcp-local} writes, it follows
 * the control state, checks every order through an {@link OrderGate}, reads its risk limits and
 * feature flags through OpenFeature, and reacts when decisions may have changed or the client turns
 * stale. Run: {@code java -cp ... com.example.engine.ExampleEngine data/local.json tenant-a pa1 AAPL}.
 */
public final class ExampleEngine implements AutoCloseable {

    static final String MAX_OPEN_ORDERS = "risk.maxOpenOrders";
    private static final String DOMAIN = "example-engine";

    private final ControlClient client;
    private final OrderGate gate;
    private final Client features;

    private ExampleEngine(ControlClient client) {
        this.client = client;
        this.gate = new OrderGate(client);
        OpenFeatureAPI.getInstance().setProviderAndWait(DOMAIN, new ControlPlaneProvider(client, Duration.ofSeconds(30)));
        this.features = OpenFeatureAPI.getInstance().getClient(DOMAIN);
    }

    /** Starts following the platform named in {@code localJson} and waits until caught up. */
    public static ExampleEngine start(Path localJson, String engineId, Duration readyWithin) throws InterruptedException {
        ControlClient client = ControlClient.start(ControlClientConfig.fromLocalJson(localJson).clientId(engineId).build());
        if (!client.awaitReady(readyWithin)) {
            client.close();
            throw new IllegalStateException("control state not read within " + readyWithin
                    + ": an engine must not trade on a state it has not read");
        }
        return new ExampleEngine(client);
    }

    public OrderGate gate() {
        return gate;
    }

    /** A risk limit, from the platform's config (its catalogue default until an operator sets it). */
    public int maxOpenOrders() {
        return features.getIntegerValue(MAX_OPEN_ORDERS, 0);
    }

    /** Listen for changes: re-check working orders when decisions may have changed; stop when stale. */
    public AutoCloseable onChanges(Runnable recheck, Runnable stopTrading) {
        return client.addListener(new ControlClientListener() {
            @Override
            public void onDecisionsMayHaveChanged(long viewVersion) {
                recheck.run();
            }

            @Override
            public void onStale(String reason) {
                stopTrading.run();
            }
        });
    }

    @Override
    public void close() {
        OpenFeatureAPI.getInstance().getProvider(DOMAIN).shutdown();
        client.close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ExampleEngine <local.json> [tenant profile symbol]");
            System.exit(2);
        }
        try (ExampleEngine engine = start(Path.of(args[0]), "example-engine", Duration.ofSeconds(30))) {
            String tenant = args.length > 1 ? args[1] : null;
            String profile = args.length > 2 ? args[2] : null;
            String symbol = args.length > 3 ? args[3] : null;
            Runnable show = () -> System.out.println(engine.gate().check(tenant, profile, symbol, OrderGate.Intent.OPEN).why());
            show.run();
            System.out.println(MAX_OPEN_ORDERS + " = " + engine.maxOpenOrders());
            try (AutoCloseable listening = engine.onChanges(show, () -> System.out.println("STALE: refusing every order"))) {
                Thread.currentThread().join(); // until Ctrl-C
            }
        }
    }
}
