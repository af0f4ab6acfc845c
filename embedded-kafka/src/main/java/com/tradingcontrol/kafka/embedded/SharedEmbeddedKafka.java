package com.tradingcontrol.kafka.embedded;

/**
 * One temporary embedded broker per JVM, for test suites: starting a broker takes seconds, so every
 * test class in a fork shares this one instead of starting its own. Started lazily on first
 * {@link #get()}, closed (and its data deleted) by a JVM shutdown hook.
 *
 * <p>Tests sharing it must isolate themselves by using unique topic names and group ids. A test
 * that stops the shared broker (to simulate an outage) must start it again; {@link #get()} also
 * restarts a stopped broker and replaces a closed one, so later tests always get a running broker.
 */
public final class SharedEmbeddedKafka {

    private static EmbeddedKafkaBroker broker;
    private static boolean shutdownHookAdded;

    private SharedEmbeddedKafka() {
    }

    /** The JVM's shared broker, running. */
    public static synchronized EmbeddedKafkaBroker get() {
        if (broker == null || broker.isClosed()) {
            broker = EmbeddedKafkaBroker.startTemporary();
            addShutdownHookOnce();
        }
        return broker.start();
    }

    /** Shortcut for {@code get().bootstrapServers()}. */
    public static String bootstrapServers() {
        return get().bootstrapServers();
    }

    private static void addShutdownHookOnce() {
        if (!shutdownHookAdded) {
            shutdownHookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(SharedEmbeddedKafka::closeShared, "shared-embedded-kafka-shutdown"));
        }
    }

    private static synchronized void closeShared() {
        if (broker != null) {
            broker.close();
        }
    }
}
