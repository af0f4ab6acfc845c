package com.tradingcontrol.api.fold;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CreateProfile;
import com.tradingcontrol.schemas.avro.DisableProfile;
import com.tradingcontrol.schemas.avro.EnableProfile;
import com.tradingcontrol.schemas.avro.EngageKillSwitch;
import com.tradingcontrol.schemas.avro.LiftReduceOnly;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.avro.ReleaseKillSwitch;
import com.tradingcontrol.codec.TwoPersonCodec;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.schemas.avro.ResumeTrading;
import com.tradingcontrol.schemas.avro.SetMaintenanceMode;
import com.tradingcontrol.schemas.avro.SetReduceOnly;
import com.tradingcontrol.schemas.avro.UpdateConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid command sequences (a seeded generator: a failure names its seed and is replayed by it).
 * Each sequence has its own tenants, profiles and symbols, so sequences sharing one processor only meet
 * on the scopes that exist once (global, with the kill switch and maintenance) and on the config keys,
 * where state carries over from sequence to sequence as it does in production. Commands are well-formed
 * and authorised; whether the domain accepts one (resume without a pause, enable twice, ...) is up to it.
 */
final class RandomHistories {

    /** One step: send a command (the actor issues it now) or let wall-clock time pass (timed controls lapse). */
    sealed interface Step permits Send, Wait {
    }

    record Send(String key, Actor actor, Object payload) implements Step {
    }

    record Wait(Duration duration) implements Step {
    }

    static final Actor ADMIN = new Actor("adam", null, List.of("admin"));
    /** A second admin: the two-person rule needs one to approve the other's kill-switch release proposal. */
    static final Actor SECOND_ADMIN = new Actor("adele", null, List.of("admin"));
    static final Actor OPERATOR = new Actor("olga", null, List.of("operator"));

    private final Random random;
    private final int sequence;

    RandomHistories(long seed, int sequence) {
        this.random = new Random(seed);
        this.sequence = sequence;
    }

    String tenant(int i) {
        return "s" + sequence + "t" + i;
    }

    String profile(int i) {
        return "p" + i;
    }

    String symbol(int i) {
        return "S" + sequence + "X" + i;
    }

    /** Between 1 and {@code maxSteps} steps; {@code now} is when the sequence starts (expiries are after it). */
    List<Step> steps(int maxSteps, Instant start) {
        List<Step> steps = new ArrayList<>();
        Instant now = start;
        int count = 1 + random.nextInt(maxSteps);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(6) == 0) {
                Duration wait = Duration.ofSeconds(1 + random.nextInt(90));
                steps.add(new Wait(wait));
                now = now.plus(wait);
            } else {
                steps.add(command(now));
            }
        }
        return steps;
    }

    private Step command(Instant now) {
        int kind = random.nextInt(16);
        String scope = scope();
        return switch (kind) {
            case 0, 1 -> new Send(scope, staff(), new PauseTrading(scope, reason("pause"), expiry(now)));
            case 2, 3 -> new Send(scope, staff(), new ResumeTrading(scope, reason("resume"), null));
            case 4 -> new Send(scope, staff(), new SetReduceOnly(scope, reason("reduce"), expiry(now)));
            case 5 -> new Send(scope, staff(), new LiftReduceOnly(scope, reason("lift")));
            case 6 -> new Send("global", staff(), new EngageKillSwitch(reason("halt")));
            case 7 -> new Send("global", random.nextBoolean() ? ADMIN : SECOND_ADMIN,
                    new ReleaseKillSwitch(reason("release"), random.nextInt(3) == 0 ? expiry(now) : null));
            case 14 -> new Send("global", random.nextBoolean() ? ADMIN : SECOND_ADMIN,
                    TwoPersonCodec.commandToAvro(true, proposalAction(), reason("approve")));
            case 15 -> new Send("global", random.nextBoolean() ? ADMIN : SECOND_ADMIN,
                    TwoPersonCodec.commandToAvro(false, proposalAction(), reason("reject")));
            case 8 -> new Send("global", ADMIN, new SetMaintenanceMode(random.nextBoolean(), "back soon " + random.nextInt(9),
                    reason("maintenance"), null));
            case 9, 10, 11 -> profileCommand();
            default -> config();
        };
    }

    private Step profileCommand() {
        String tenant = tenant(random.nextInt(2));
        String profile = profile(random.nextInt(2));
        Actor actor = random.nextBoolean() ? staff() : new Actor("cust-" + tenant, tenant, List.of("customer"));
        String key = "profile:" + tenant + ":" + profile;
        return switch (random.nextInt(3)) {
            case 0 -> new Send(key, actor, new CreateProfile(profile, tenant, "Profile " + profile + " " + random.nextInt(9)));
            case 1 -> new Send(key, actor, new EnableProfile(profile, tenant, reason("enable")));
            default -> new Send(key, actor, new DisableProfile(profile, tenant, reason("disable")));
        };
    }

    private Step config() {
        Object value;
        String key;
        switch (random.nextInt(7)) {
            case 0 -> {
                key = "features.backtest.enabled";
                value = random.nextBoolean();
            }
            case 1 -> {
                key = "risk.maxOpenOrders";
                value = (long) (1 + random.nextInt(3));
            }
            case 2 -> {
                key = "risk.priceBandPercent";
                value = 0.5 * (1 + random.nextInt(4));
            }
            case 4 -> {
                key = "control.twoPerson.globalResume";
                value = random.nextBoolean();
            }
            case 5 -> {
                key = "control.twoPerson.maintenanceOff";
                value = random.nextBoolean();
            }
            case 3 -> {
                key = "risk.limitBreachAction";
                value = List.of("REJECT_ORDER", "REDUCE_ONLY", "PAUSE_TENANT").get(random.nextInt(3));
            }
            default -> {
                key = "features.tabs.marketplace";
                value = random.nextBoolean();
            }
        }
        return new Send("config:" + key, ADMIN, new UpdateConfig(key, value, reason("tune")));
    }

    /** The kill-switch release mostly (on by default), now and then the optional rules' actions. */
    private ProposalAction proposalAction() {
        return switch (random.nextInt(4)) {
            case 0 -> ProposalAction.GLOBAL_RESUME;
            case 1 -> ProposalAction.MAINTENANCE_OFF;
            default -> ProposalAction.KILL_SWITCH_RELEASE;
        };
    }

    /** Mostly the sequence's own scopes; global now and then (it is shared by every sequence). */
    private String scope() {
        return switch (random.nextInt(8)) {
            case 0 -> "global";
            case 1, 2 -> "tenant:" + tenant(random.nextInt(2));
            case 3, 4 -> "strategy:" + tenant(random.nextInt(2)) + ":" + profile(random.nextInt(2));
            default -> "symbol:" + symbol(random.nextInt(2));
        };
    }

    private Instant expiry(Instant now) {
        return random.nextInt(3) == 0 ? null : now.plusSeconds(1 + random.nextInt(120));
    }

    private Actor staff() {
        return random.nextBoolean() ? ADMIN : OPERATOR;
    }

    private String reason(String what) {
        return what + " " + random.nextInt(100);
    }
}
