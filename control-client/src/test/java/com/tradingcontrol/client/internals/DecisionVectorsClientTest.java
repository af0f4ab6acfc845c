package com.tradingcontrol.client.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.client.Decision;
import com.tradingcontrol.client.DecisionCause;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.AvroSerdes;
import com.tradingcontrol.schemas.topics.TopicNames;
import com.tradingcontrol.schemas.vectors.DecisionVectors;
import com.tradingcontrol.schemas.vectors.DecisionVectors.Case;
import com.tradingcontrol.schemas.vectors.DecisionVectors.ExpectedCause;
import com.tradingcontrol.schemas.vectors.DecisionVectors.Keyed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped decision vectors against the engine client: each case's records, in topic order, as
 * Confluent wire-format bytes through the client's own decoder and fold, then {@code decide()} at the
 * case's clock. Offline (no broker) so that all cases run in a second; {@code ControlClientIT} shows
 * the same path fed by Kafka.
 */
class DecisionVectorsClientTest {

    private static final InProcessSchemaRegistry REGISTRY = InProcessSchemaRegistry.inMemory();
    private static final Serializer<ControlState> CONTROLS =
            AvroSerdes.specific(REGISTRY, ControlState.class, false).serializer();
    private static final Serializer<ProfileStatus> PROFILES =
            AvroSerdes.specific(REGISTRY, ProfileStatus.class, false).serializer();

    static Stream<Case> cases() {
        return DecisionVectors.load().cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theClientDecidesAsTheVectorSays(Case c) {
        StateFolder folder = new StateFolder();
        RecordDecoder decoder = new RecordDecoder(REGISTRY);
        for (Keyed<ControlState> record : c.controlState()) {
            decoder.apply(folder, TopicNames.CONTROL_STATE, record.key(),
                    CONTROLS.serialize(TopicNames.CONTROL_STATE, record.value()));
        }
        for (Keyed<ProfileStatus> record : c.profileState()) {
            decoder.apply(folder, TopicNames.PROFILE_STATE, record.key(),
                    PROFILES.serialize(TopicNames.PROFILE_STATE, record.value()));
        }
        DecisionMaker decisions = new DecisionMaker(Clock.fixed(c.now(), ZoneOffset.UTC));
        var q = c.query();
        if (c.expected().isError()) {
            assertThatThrownBy(() -> decisions.decide(folder.snapshot(), HaltOverlay.EMPTY, null, q.tenant(), q.profile(), q.symbol()))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }

        Decision decision = decisions.decide(folder.snapshot(), HaltOverlay.EMPTY, null, q.tenant(), q.profile(), q.symbol());

        assertThat(decision.mode().name()).isEqualTo(c.expected().mode());
        assertThat(decision.mayOpen()).as("mayOpen").isEqualTo(c.expected().mayOpen());
        assertThat(decision.mayReduce()).as("mayReduce").isEqualTo(c.expected().mayReduce());
        assertThat(decision.stale()).as("stale").isFalse();
        assertThat(decision.causes().stream().map(DecisionVectorsClientTest::asExpected).toList())
                .containsExactlyElementsOf(c.expected().causes());
    }

    private static ExpectedCause asExpected(DecisionCause c) {
        return new ExpectedCause(c.scope(), c.kind().name(), c.mode().name(), c.setBy(), c.setAt(), c.reason(),
                c.commandId(), c.expiresAt(), c.message());
    }
}
