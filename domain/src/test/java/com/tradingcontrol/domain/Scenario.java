package com.tradingcontrol.domain;

import com.tradingcontrol.domain.config.ConfigCatalogueLoader;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.ControlView;
import com.tradingcontrol.domain.control.TwoPersonRule;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given/when/then fixture: {@code given(events...)} folds events (across any aggregates) into
 * states, {@code when(command)} decides against the command's aggregate with a control view of
 * all folded control states, and the {@link Then} methods assert on the decision.
 */
public final class Scenario {

    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    /** When commands are issued: an hour after the given events. */
    public static final Instant NOW = T0.plus(Duration.ofHours(1));

    public static final Actor ADMIN = Actor.of("admin-1", null, Role.ADMIN);
    public static final Actor OPERATOR = Actor.of("ops-1", null, Role.OPERATOR);
    public static final Actor CUSTOMER_U1 = Actor.of("alice", "u1", Role.CUSTOMER);
    public static final Actor CUSTOMER_U2 = Actor.of("bob", "u2", Role.CUSTOMER);
    public static final Actor AUDITOR = Actor.of("audit-1", null, Role.AUDITOR);

    private static final TradingDomain DOMAIN = new TradingDomain(ConfigCatalogueLoader.loadDefault());
    private static final AtomicInteger COMMAND_IDS = new AtomicInteger();

    private final Map<String, AggregateState> states = new HashMap<>();
    private int givenCount;
    private TwoPersonRule rule = TwoPersonRule.DEFAULT;

    private Scenario() {
    }

    public static TradingDomain domain() {
        return DOMAIN;
    }

    public static Scenario given(DomainEvent... events) {
        return new Scenario().and(ADMIN, events);
    }

    /** More given events, recorded as set by {@code actor}, one minute apart from T0. */
    public Scenario and(Actor actor, DomainEvent... events) {
        for (DomainEvent event : events) {
            int n = COMMAND_IDS.incrementAndGet();
            EventMeta meta = new EventMeta(actor.subject(), T0.plus(Duration.ofMinutes(givenCount++)), "given-" + n);
            String id = AggregateIds.of(event);
            states.put(id, TradingDomain.evolve(states.get(id), new RecordedEvent(meta, event)));
        }
        return this;
    }

    /** Decides the commands that follow under these two-person rules (default: the catalogue defaults). */
    public Scenario under(TwoPersonRule rules) {
        this.rule = rules;
        return this;
    }

    public ControlView view() {
        return ControlView.of(states.values().stream()
                .filter(ControlState.class::isInstance).map(ControlState.class::cast).toList());
    }

    public AggregateState state(String aggregateId) {
        return states.getOrDefault(aggregateId, TradingDomain.initialState(aggregateId));
    }

    public static CommandEnvelope envelope(Actor actor, Command command) {
        return new CommandEnvelope("cmd-" + COMMAND_IDS.incrementAndGet(), "req-1", NOW, actor,
                OptionalLong.empty(), command);
    }

    public Then when(Command command) {
        return when(ADMIN, command);
    }

    public Then when(Actor actor, Command command) {
        return when(envelope(actor, command));
    }

    public Then whenExpecting(long expectedVersion, Actor actor, Command command) {
        CommandEnvelope plain = envelope(actor, command);
        return when(new CommandEnvelope(plain.commandId(), plain.requestId(), plain.issuedAt(), actor,
                OptionalLong.of(expectedVersion), command));
    }

    public Then when(CommandEnvelope envelope) {
        Decision decision = DOMAIN.decide(envelope, currentState(envelope.payload()), view(), rule);
        return new Then(envelope, decision);
    }

    /** Null when the aggregate has no events yet or the command names no valid aggregate at all. */
    private AggregateState currentState(Command command) {
        try {
            return states.get(AggregateIds.of(command));
        } catch (InvalidScopeException e) {
            return null;
        }
    }

    public final class Then {
        private final CommandEnvelope envelope;
        private final Decision decision;

        Then(CommandEnvelope envelope, Decision decision) {
            this.envelope = envelope;
            this.decision = decision;
        }

        public Decision decision() {
            return decision;
        }

        public Then thenEvents(DomainEvent... expected) {
            assertThat(decision).isInstanceOf(Decision.Accepted.class);
            assertThat(decision.events()).containsExactlyElementsOf(Arrays.asList(expected));
            return this;
        }

        public Then thenNoOp(String noteFragment) {
            assertThat(decision).isInstanceOf(Decision.Accepted.class);
            assertThat(decision.events()).isEmpty();
            assertThat(((Decision.Accepted) decision).note()).contains(noteFragment);
            return this;
        }

        public Then thenRejected(RejectionCode code) {
            assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class,
                    r -> assertThat(r.code()).as(r.message()).isEqualTo(code));
            return this;
        }

        public Then withMessageContaining(String fragment) {
            assertThat(((Decision.Rejected) decision).message()).contains(fragment);
            return this;
        }

        public Then withNote(String expected) {
            assertThat(((Decision.Accepted) decision).note()).isEqualTo(expected);
            return this;
        }

        /** The command's aggregate state after folding the decision's events as the adapter would. */
        public AggregateState stateAfter() {
            EventMeta meta = new EventMeta(envelope.actor().subject(), envelope.issuedAt(), envelope.commandId());
            List<RecordedEvent> recorded = decision.events().stream().map(e -> new RecordedEvent(meta, e)).toList();
            return TradingDomain.evolveAll(state(AggregateIds.of(envelope.payload())), recorded);
        }
    }
}
