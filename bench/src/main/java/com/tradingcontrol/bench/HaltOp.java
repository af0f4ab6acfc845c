package com.tradingcontrol.bench;

/**
 * One measured control change and the state that proves it arrived.
 *
 * @param killSwitch true: engage/release the kill switch (scope global); false: pause/resume {@code scope}
 * @param on         pause or engage (true), resume or release (false)
 */
public record HaltOp(int index, boolean killSwitch, String scope, boolean on) {

    /** Does a control state of {@code stateScope} with this mode and kill-switch flag show the change? */
    public boolean shownBy(String stateScope, String mode, boolean stateKillSwitch) {
        if (killSwitch) {
            return "global".equals(stateScope) && stateKillSwitch == on;
        }
        return scope.equals(stateScope) && "PAUSED".equals(mode) == on;
    }

    public String method() {
        return killSwitch && !on ? "DELETE" : "POST";
    }

    public String path() {
        if (killSwitch) {
            return on ? "/api/kill-switch" : "/api/kill-switch?reason=bench";
        }
        return on ? "/api/trading-control/pause" : "/api/trading-control/resume";
    }

    public String body() {
        if (killSwitch) {
            return on ? "{\"reason\":\"bench\"}" : null;
        }
        return "{\"scope\":\"" + scope + "\",\"reason\":\"bench\"}";
    }
}
