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
        return "POST";
    }

    /** A release is measured from its approval: the second admin's step that takes effect (two-person rule). */
    public String path() {
        if (killSwitch) {
            return on ? "/api/kill-switch" : "/api/kill-switch/release/approve";
        }
        return on ? "/api/trading-control/pause" : "/api/trading-control/resume";
    }

    public String body() {
        if (killSwitch) {
            return "{\"reason\":\"bench\"}";
        }
        return "{\"scope\":\"" + scope + "\",\"reason\":\"bench\"}";
    }
}
