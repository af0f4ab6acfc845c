package com.example.engine;

import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.Decision;
import com.tradingcontrol.client.DecisionCause;

/**
 * The one check an engine makes before every order: ask the control client (from memory, no I/O)
 * and let the order through only if the decision allows its kind. Opening orders need
 * {@code mayOpen}; orders that only reduce or close a position need {@code mayReduce}. A STALE client
 * answers HALTED: the gate then refuses everything, which is what an engine must do when it cannot
 * know what is in force.
 */
public final class OrderGate {

    /** What an order does to the position. */
    public enum Intent { OPEN, REDUCE }

    /** The gate's answer and the decision it came from (log it with the order). */
    public record Verdict(boolean allowed, Decision decision, String why) {
    }

    private final ControlClient client;

    public OrderGate(ControlClient client) {
        this.client = client;
    }

    public Verdict check(String tenantId, String profileId, String symbol, Intent intent) {
        Decision decision = client.decide(tenantId, profileId, symbol);
        boolean allowed = intent == Intent.OPEN ? decision.mayOpen() : decision.mayReduce();
        return new Verdict(allowed, decision, allowed ? "allowed: " + decision.mode() : refusal(decision));
    }

    private static String refusal(Decision decision) {
        if (decision.causes().isEmpty()) {
            return "refused: " + decision.mode();
        }
        DecisionCause first = decision.causes().get(0);
        return "refused: " + decision.mode() + " by " + first.kind() + (first.scope() == null ? "" : " on " + first.scope())
                + (first.reason() == null ? "" : " (" + first.reason() + ")");
    }
}
