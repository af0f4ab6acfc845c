/**
 * The pure trading-control domain: no Kafka, Avro, Dropwizard or Cosmos types.
 *
 * <p>This package holds the shared vocabulary (commands, events, scopes, modes, config values,
 * decisions, rejection codes), the checks and role matrix shared by all aggregates, and
 * {@link com.tradingcontrol.domain.TradingDomain}, the single entry point an adapter
 * calls. One sub-package per aggregate holds its state, decider and evolver:
 * {@code control} (one aggregate per scope, plus effective mode and pause expiry), {@code config}
 * (one per key, with the typed catalogue) and {@code profile} (one per tenant and profile).
 *
 * <p>Flow per command: {@code AggregateIds.of(command)} selects the aggregate, {@code handle}
 * (or {@code decide}) turns the command and the aggregate's state into a {@link
 * com.tradingcontrol.domain.Decision}, and each accepted event is folded with
 * {@code evolve} after the adapter wrapped it with its metadata.
 */
package com.tradingcontrol.domain;
