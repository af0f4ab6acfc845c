package com.tradingcontrol.projections.store.cosmos;

import java.net.URI;
import java.time.Duration;

/**
 * Typed configuration of the Cosmos DB adapter, validated on construction; messages name the key.
 *
 * @param endpoint                    {@code cosmos.endpoint}, e.g. https://account.documents.azure.com:443/
 * @param key                         {@code cosmos.key}, the account key
 * @param database                    {@code cosmos.database}, created when missing
 * @param consistency                 {@code cosmos.consistency}; must not be stronger than the account's
 * @param connectionMode              {@code cosmos.connectionMode}; emulator stand-ins only speak GATEWAY
 * @param endpointDiscovery           {@code cosmos.endpointDiscovery}; off for emulators, whose advertised
 *                                    regional endpoints are not reachable under those names
 * @param httpWithoutTls              {@code cosmos.httpWithoutTls}; emulators only: allow an http:// endpoint
 * @param disableCertificateValidation {@code cosmos.disableCertificateValidation}; emulators only: trust the
 *                                    emulator's self-signed certificate
 * @param maxThrottlingRetries        {@code cosmos.maxThrottlingRetries}, the SDK's 429 retry attempts
 * @param maxThrottlingWait           {@code cosmos.maxThrottlingWait}, the SDK's total 429 retry budget
 */
public record CosmosStoreConfig(
        String endpoint,
        String key,
        String database,
        Consistency consistency,
        ConnectionMode connectionMode,
        boolean endpointDiscovery,
        boolean httpWithoutTls,
        boolean disableCertificateValidation,
        int maxThrottlingRetries,
        Duration maxThrottlingWait) {

    public enum Consistency { STRONG, BOUNDED_STALENESS, SESSION, CONSISTENT_PREFIX, EVENTUAL }

    public enum ConnectionMode { GATEWAY, DIRECT }

    public CosmosStoreConfig {
        require(endpoint != null && !endpoint.isBlank(), "cosmos.endpoint is required");
        URI uri = parse(endpoint);
        require("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && httpWithoutTls),
                "cosmos.endpoint must be https:// (http:// only with cosmos.httpWithoutTls=true): " + endpoint);
        require(uri.getHost() != null, "cosmos.endpoint has no host: " + endpoint);
        require(key != null && !key.isBlank(), "cosmos.key is required");
        require(database != null && database.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,254}"),
                "cosmos.database must be 1-255 letters, digits, '-' or '_': " + database);
        require(consistency != null, "cosmos.consistency is required");
        require(connectionMode != null, "cosmos.connectionMode is required");
        require(maxThrottlingRetries >= 0, "cosmos.maxThrottlingRetries must be >= 0: " + maxThrottlingRetries);
        require(maxThrottlingWait != null && !maxThrottlingWait.isNegative() && !maxThrottlingWait.isZero(),
                "cosmos.maxThrottlingWait must be positive: " + maxThrottlingWait);
    }

    /** A production account: TLS, endpoint discovery, session consistency, SDK default throttling budget. */
    public static CosmosStoreConfig account(String endpoint, String key, String database) {
        return new CosmosStoreConfig(endpoint, key, database, Consistency.SESSION, ConnectionMode.DIRECT,
                true, false, false, 9, Duration.ofSeconds(30));
    }

    /** A local emulator (or stand-in): gateway mode, no endpoint discovery, relaxed TLS as given. */
    public static CosmosStoreConfig emulator(String endpoint, String key, String database) {
        boolean http = endpoint != null && endpoint.startsWith("http://");
        return new CosmosStoreConfig(endpoint, key, database, Consistency.SESSION, ConnectionMode.GATEWAY,
                false, http, !http, 9, Duration.ofSeconds(30));
    }

    private static URI parse(String endpoint) {
        try {
            return URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cosmos.endpoint is not a URI: " + endpoint, e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        // The key is a secret; never let it reach logs through a toString.
        return "CosmosStoreConfig[endpoint=" + endpoint + ", database=" + database + ", consistency=" + consistency
                + ", connectionMode=" + connectionMode + ", endpointDiscovery=" + endpointDiscovery
                + ", httpWithoutTls=" + httpWithoutTls + ", disableCertificateValidation=" + disableCertificateValidation
                + ", maxThrottlingRetries=" + maxThrottlingRetries + ", maxThrottlingWait=" + maxThrottlingWait + "]";
    }
}
