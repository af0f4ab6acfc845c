package com.tradingcontrol.schemas.config;

import java.util.List;

/** Keys read by more than one service: the cluster, the schema registry and the projection store. */
public final class SharedKeys {
    /** Kafka bootstrap servers (processors, projector, API). Required. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrapServers";
    /** A Confluent-compatible registry URL (every service); or {@link #REGISTRY_DIR}. */
    public static final String REGISTRY_URL = "registry.url";
    /** The in-process registry's directory (a one-host deployment); or {@link #REGISTRY_URL}. */
    public static final String REGISTRY_DIR = "registry.dir";
    /** The projector's base consumer group (projector; the API's rebuild admin routes). */
    public static final String KAFKA_GROUP_ID = "kafka.groupId";
    public static final String STORE_TYPE = "store.type";
    public static final String STORE_SQLITE_FILE = "store.sqlite.file";
    public static final String COSMOS_ENDPOINT = "cosmos.endpoint";
    public static final String COSMOS_KEY = "cosmos.key";
    public static final String COSMOS_DATABASE = "cosmos.database";
    public static final String COSMOS_EMULATOR = "cosmos.emulator";
    public static final String COSMOS_CONSISTENCY = "cosmos.consistency";
    public static final String COSMOS_CONNECTION_MODE = "cosmos.connectionMode";
    public static final String PROJECTION_PREFIX = "projection.prefix";
    public static final String TOPICS_EVENTS = "topics.events";
    public static final String TOPICS_AUDIT = "topics.audit";

    /** The projection store and its reading, shared by the projector and the API. */
    public static final KeySet STORE = new KeySet(List.of(KAFKA_BOOTSTRAP_SERVERS, KAFKA_GROUP_ID, REGISTRY_URL,
            REGISTRY_DIR, STORE_TYPE, STORE_SQLITE_FILE, COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE, COSMOS_EMULATOR,
            COSMOS_CONSISTENCY, COSMOS_CONNECTION_MODE, PROJECTION_PREFIX, TOPICS_EVENTS, TOPICS_AUDIT), List.of());

    private SharedKeys() {
    }
}
