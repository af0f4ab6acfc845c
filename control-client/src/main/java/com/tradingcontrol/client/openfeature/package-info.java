/**
 * An OpenFeature provider over a {@link com.tradingcontrol.client.ControlClient}: the platform's
 * dynamic config (feature flags are config keys) through the standard OpenFeature API. Needs
 * {@code dev.openfeature:sdk} on the classpath (an optional dependency of the client).
 */
package com.tradingcontrol.client.openfeature;
