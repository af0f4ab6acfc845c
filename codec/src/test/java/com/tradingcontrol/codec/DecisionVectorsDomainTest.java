package com.tradingcontrol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.InvalidScopeException;
import com.tradingcontrol.domain.control.Cause;
import com.tradingcontrol.domain.control.ControlView;
import com.tradingcontrol.domain.control.EffectiveMode;
import com.tradingcontrol.domain.control.EffectiveModeCalculator;
import com.tradingcontrol.domain.control.ProfileLookup;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import com.tradingcontrol.schemas.vectors.DecisionVectors;
import com.tradingcontrol.schemas.vectors.DecisionVectors.Case;
import com.tradingcontrol.schemas.vectors.DecisionVectors.ExpectedCause;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped decision vectors against the domain's decision: each case's records as the topics carry
 * them, mapped like every reader maps them ({@link ControlStateMapper#fromAvro}; a ProfileStatus record
 * as the profile's status), decided by {@link EffectiveModeCalculator} at the case's clock.
 */
class DecisionVectorsDomainTest {

    static Stream<Case> cases() {
        return DecisionVectors.load().cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDomainDecidesAsTheVectorSays(Case c) {
        ControlView view = ControlView.of(c.currentControlState().values().stream().map(ControlStateMapper::fromAvro).toList());
        Map<String, ProfileStatus> profiles = c.currentProfileState();
        ProfileLookup lookup = (tenant, profile) -> Optional.ofNullable(profiles.get("profile:" + tenant + ":" + profile))
                .map(p -> new ProfileLookup.ProfileStatus(p.getEnabled(), p.getSetBy(), p.getSetAt(), p.getReason()));
        var q = c.query();
        if (c.expected().isError()) {
            assertThatThrownBy(() -> EffectiveModeCalculator.effective(view, lookup, q.tenant(), q.profile(), q.symbol(), c.now()))
                    .isInstanceOf(InvalidScopeException.class);
            return;
        }

        EffectiveMode decision = EffectiveModeCalculator.effective(view, lookup, q.tenant(), q.profile(), q.symbol(), c.now());

        assertThat(decision.mode().name()).isEqualTo(c.expected().mode());
        assertThat(decision.mode() == ControlMode.ACTIVE).as("mayOpen").isEqualTo(c.expected().mayOpen());
        assertThat(decision.mode().compareTo(ControlMode.REDUCE_ONLY) <= 0).as("mayReduce").isEqualTo(c.expected().mayReduce());
        assertThat(decision.maintenance()).as("maintenance").isEqualTo(c.expected().maintenance());
        assertThat(decision.causes().stream().map(DecisionVectorsDomainTest::asExpected).toList())
                .containsExactlyElementsOf(c.expected().causes());
    }

    private static ExpectedCause asExpected(Cause c) {
        return new ExpectedCause(c.scope().toString(), c.kind().name(), c.mode().name(), c.setBy(), c.setAt(), c.reason(),
                c.commandId(), c.expiresAt(), c.message());
    }
}
