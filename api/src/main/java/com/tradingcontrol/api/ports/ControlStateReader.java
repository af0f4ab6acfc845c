package com.tradingcontrol.api.ports;

import java.util.List;

/** Port to the projected trading-control state (read side). */
public interface ControlStateReader {
    /** Controls visible to a tenant (global plus its own), or all of them when {@code tenantId} is null. */
    List<ControlView> controls(String tenantId);
}
