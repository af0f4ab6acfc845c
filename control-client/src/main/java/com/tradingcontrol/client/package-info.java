/**
 * The control client's public API: what a trading engine embeds to ask "may I trade (tenant,
 * profile, symbol), and why?" without calling the platform. {@link com.tradingcontrol.client.ControlClient}
 * reads the compacted state topics ({@code trading.control-state}, {@code trading.profile-state},
 * {@code trading.config-state}) into memory, answers {@link com.tradingcontrol.client.ControlClient#decide}
 * from there and fails closed (HALTED, cause STALE) when it cannot confirm it is current.
 *
 * <p>Everything outside this package (except {@code com.tradingcontrol.client.openfeature}) is
 * implementation and may change without notice.
 */
package com.tradingcontrol.client;
