package com.tradingcontrol.client;

/**
 * Hears what changes in a {@link ControlClient}'s view. Called on one dedicated listener thread, in
 * order, never on the caller's or the Kafka thread; an exception from a listener is logged and does
 * not stop others. Every method has a no-op default, so implement only what you need.
 *
 * <p>A change notification says only that something changed; call {@link ControlClient#decide} for
 * the new answer (a notification may arrive after a later change was applied).
 */
public interface ControlClientListener {

    /** The control state of {@code scope} (e.g. {@code tenant:t1}) changed or was removed. */
    default void onScopeChanged(String scope) {
    }

    /** The state of profile {@code profileId} of {@code tenantId} changed or was removed. */
    default void onProfileChanged(String tenantId, String profileId) {
    }

    /** The value of config key {@code key} changed or went back to its default. */
    default void onConfigChanged(String key) {
    }

    /**
     * Some decisions may have changed: a control or profile changed, a timed control lapsed (by the
     * client's clock, within a fraction of the lease), or the client turned stale or fresh.
     * {@code viewVersion} is the view version now in force.
     */
    default void onDecisionsMayHaveChanged(long viewVersion) {
    }

    /** The client can no longer confirm it is current: every decision is now HALTED with cause STALE. */
    default void onStale(String reason) {
    }

    /** The client is caught up again (or for the first time): decisions follow the state topics again. */
    default void onFresh() {
    }

    /**
     * A fast halt arrived on {@code trading.halt-signals} and {@link ControlClient#decide} answers it
     * from now on (a cause with {@link DecisionCause#pending()}), before the platform has decided the
     * command. Followed by {@link #onDecisionsMayHaveChanged}.
     *
     * @param commandId the command announced
     * @param scope     the scope it restricts, e.g. {@code global}
     */
    default void onHaltSignal(String commandId, String scope) {
    }

    /**
     * A fast halt was withdrawn without the authoritative state confirming it: the platform rejected the
     * command, or did not decide it before the signal's {@code decideBy}. Decisions follow the
     * authoritative state alone again (trading may resume). Followed by {@link #onDecisionsMayHaveChanged}.
     * A confirmed halt is not retracted: the state takes over and nothing visible changes.
     *
     * @param commandId the command whose signal is withdrawn
     * @param scope     the scope it had restricted
     * @param why       e.g. {@code rejected: VALIDATION_FAILED ...} or {@code not decided by 2026-...Z}
     */
    default void onHaltRetracted(String commandId, String scope, String why) {
    }
}
