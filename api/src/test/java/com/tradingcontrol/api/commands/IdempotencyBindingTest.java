package com.tradingcontrol.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.api.requestid.RequestId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How an Idempotency-Key becomes a command id, and when this instance already knows a key is reused. */
class IdempotencyBindingTest {
    private static final CommandFactory FACTORY = new CommandFactory(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"),
            ZoneOffset.UTC));
    private static final Caller OLGA = new Caller("olga", null, Set.of("operator"));
    private static final String PAUSE = "POST /api/trading-control/pause";
    private static final CommandPayload PAUSE_T1 = new CommandPayload.PauseTrading("tenant:t1", "fills", null);

    private static CommandRequest request(String key, String route, String aggregate, CommandPayload payload,
                                          Caller caller) {
        return FACTORY.create(key, route, aggregate, payload, caller, new RequestId("r-1"), null);
    }

    @Test
    void theSameRequestKeepsItsCommandIdAndAnyDifferenceGetsAnotherOne() {
        CommandRequest first = request("K", PAUSE, "tenant:t1", PAUSE_T1, OLGA);
        CommandRequest again = request("K", PAUSE, "tenant:t1", new CommandPayload.PauseTrading("tenant:t1", "fills",
                null), new Caller("olga", null, Set.of("operator")));

        assertThat(again.commandId()).isEqualTo(first.commandId());
        assertThat(again.idempotency()).isEqualTo(first.idempotency());
        assertThat(first.idempotency().key()).isEqualTo("K");
        assertThat(first.idempotency().fingerprint()).matches("[0-9a-f]{64}");
        List<CommandRequest> different = List.of(
                request("K", "POST /internal/trading/pause", "tenant:t1", PAUSE_T1, OLGA),
                request("K", "POST /api/kill-switch", "global", new CommandPayload.EngageKillSwitch("fills"), OLGA),
                request("K", PAUSE, "tenant:t2", new CommandPayload.PauseTrading("tenant:t2", "fills", null), OLGA),
                request("K", PAUSE, "tenant:t1", new CommandPayload.PauseTrading("tenant:t1", "other", null), OLGA),
                request("K", PAUSE, "tenant:t1", PAUSE_T1, new Caller("otto", null, Set.of("operator"))),
                request("K2", PAUSE, "tenant:t1", PAUSE_T1, OLGA));
        assertThat(different).extracting(CommandRequest::commandId).doesNotContain(first.commandId())
                .doesNotHaveDuplicates();
        assertThat(different.subList(0, 4)).extracting(r -> r.idempotency().fingerprint())
                .doesNotContain(first.idempotency().fingerprint());
    }

    @Test
    void reduceOnlyRequestsAreFingerprintedByTheirWholeMeaning() {
        String route = "POST /api/trading-control/reduce-only";
        Instant expiry = Instant.parse("2026-03-02T10:00:00Z");
        CommandRequest first = request("K", route, "tenant:t1",
                new CommandPayload.SetReduceOnly("tenant:t1", "margin", expiry), OLGA);
        CommandRequest again = request("K", route, "tenant:t1",
                new CommandPayload.SetReduceOnly("tenant:t1", "margin", expiry), OLGA);

        assertThat(again.idempotency().fingerprint()).isEqualTo(first.idempotency().fingerprint());
        assertThat(List.of(
                request("K", route, "tenant:t1", new CommandPayload.SetReduceOnly("tenant:t1", "margin", null), OLGA),
                request("K", route, "tenant:t1", new CommandPayload.SetReduceOnly("tenant:t1", "other", expiry), OLGA),
                request("K", route, "tenant:t1", new CommandPayload.LiftReduceOnly("tenant:t1", "margin"), OLGA),
                request("K", PAUSE, "tenant:t1", new CommandPayload.PauseTrading("tenant:t1", "margin", expiry), OLGA)))
                .extracting(r -> r.idempotency().fingerprint())
                .doesNotContain(first.idempotency().fingerprint()).doesNotHaveDuplicates();
    }

    @Test
    void withoutAKeyEveryRequestIsANewCommand() {
        CommandRequest a = request(null, PAUSE, "tenant:t1", PAUSE_T1, OLGA);
        CommandRequest b = request(null, PAUSE, "tenant:t1", PAUSE_T1, OLGA);
        assertThat(a.commandId()).isNotEqualTo(b.commandId());
        assertThat(a.idempotency()).isNull();
    }

    @Test
    void onlyABindingTheProcessorsConfirmedMakesThisInstanceRefuseAReuse() {
        IdempotencyKeys keys = new IdempotencyKeys(100);
        CommandRequest pause = request("K", PAUSE, "tenant:t1", PAUSE_T1, OLGA);
        CommandRequest kill = request("K", "POST /api/kill-switch", "global",
                new CommandPayload.EngageKillSwitch("halt"), OLGA);
        keys.submitting(pause);
        assertThat(keys.reusedBy(kill)).as("not confirmed yet: the gate decides").isEmpty();

        keys.decided(outcome(pause.commandId(), Outcome.Status.ACCEPTED, null));

        assertThat(keys.reusedBy(kill)).contains(pause.commandId());
        assertThat(keys.reusedBy(pause)).isEmpty();
        assertThat(keys.reusedBy(request("K", "POST /api/kill-switch", "global",
                new CommandPayload.EngageKillSwitch("halt"), new Caller("otto", null, Set.of("operator"))))).isEmpty();
    }

    @Test
    void aRefusedReuseOrAnUnauthenticatedCommandConfirmsNothing() {
        IdempotencyKeys keys = new IdempotencyKeys(100);
        CommandRequest kill = request("K", "POST /api/kill-switch", "global",
                new CommandPayload.EngageKillSwitch("halt"), OLGA);
        CommandRequest other = request("K", PAUSE, "tenant:t1", PAUSE_T1, OLGA);
        keys.submitting(kill);
        keys.decided(outcome(kill.commandId(), Outcome.Status.REJECTED, "IDEMPOTENCY_KEY_REUSED"));
        keys.submitting(other);
        keys.decided(outcome(other.commandId(), Outcome.Status.REJECTED, "UNAUTHENTICATED_COMMAND"));

        assertThat(keys.reusedBy(kill)).isEmpty();
        assertThat(keys.reusedBy(other)).isEmpty();
    }

    private static Outcome outcome(String commandId, Outcome.Status status, String code) {
        return new Outcome(commandId, "x", status, code, "m", null, List.of(), Instant.EPOCH);
    }
}
