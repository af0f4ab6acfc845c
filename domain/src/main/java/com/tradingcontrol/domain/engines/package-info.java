/**
 * Engine status and control propagation, folded from what engines report and what the platform
 * decided: plain Java, no Kafka or Avro types, so the API (and any later projector) folds the same way.
 *
 * <p>Inputs: {@link com.tradingcontrol.domain.engines.EngineReport} (heartbeats and applied changes,
 * from {@code trading.engine-reports}), {@link com.tradingcontrol.domain.engines.HaltIssued} (the
 * fast halt signals of {@code trading.halt-signals}) and {@link com.tradingcontrol.domain.engines.CommandDecided}
 * (outcomes of {@code trading.command-outcomes}). Output: {@link com.tradingcontrol.domain.engines.EngineStatus}
 * per engine and {@link com.tradingcontrol.domain.engines.Propagation} per command, both evaluated at
 * a given instant (staleness and missed deadlines depend on the clock, not only on records).
 */
package com.tradingcontrol.domain.engines;
