package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.Actor;
import com.tradingcontrol.domain.ApproveProposal;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.EngageKillSwitch;
import com.tradingcontrol.domain.EventMeta;
import com.tradingcontrol.domain.KillSwitchEngaged;
import com.tradingcontrol.domain.ProposalCancelled;
import com.tradingcontrol.domain.ProposalExpired;
import com.tradingcontrol.domain.ProposalOpened;
import com.tradingcontrol.domain.ProposalRejected;
import com.tradingcontrol.domain.KillSwitchReleased;
import com.tradingcontrol.domain.RecordedEvent;
import com.tradingcontrol.domain.RejectProposal;
import com.tradingcontrol.domain.ReleaseKillSwitch;
import com.tradingcontrol.domain.Role;
import com.tradingcontrol.domain.Scenario;
import com.tradingcontrol.domain.UpdateConfig;
import com.tradingcontrol.domain.config.ConfigKeyDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.tradingcontrol.domain.ProposalAction.KILL_SWITCH_RELEASE;
import static com.tradingcontrol.domain.RejectionCode.FORBIDDEN;
import static com.tradingcontrol.domain.RejectionCode.INVALID_STATE;
import static com.tradingcontrol.domain.RejectionCode.SECOND_ADMIN_REQUIRED;
import static com.tradingcontrol.domain.RejectionCode.VALIDATION_FAILED;
import static com.tradingcontrol.domain.Scenario.ADMIN;
import static com.tradingcontrol.domain.Scenario.NOW;
import static com.tradingcontrol.domain.Scenario.OPERATOR;
import static com.tradingcontrol.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The two-person rule for releasing the kill switch (issue #17). ADMIN proposes in every given. */
class TwoPersonReleaseTest {

    static final Actor SECOND_ADMIN = Actor.of("admin-2", null, Role.ADMIN);
    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(5));

    private static Scenario proposed() {
        return given(new KillSwitchEngaged("incident"), new ProposalOpened(KILL_SWITCH_RELEASE, "all clear", EXPIRY));
    }

    @Test
    void releasingOnlyProposesWithATenMinuteDefaultAndTradingStaysHalted() {
        ControlState after = (ControlState) given(new KillSwitchEngaged("incident"))
                .when(ADMIN, new ReleaseKillSwitch("all clear"))
                .thenEvents(new ProposalOpened(KILL_SWITCH_RELEASE, "all clear", NOW.plus(Duration.ofMinutes(10))))
                .stateAfter();

        assertThat(after.isKillSwitchEngaged()).isTrue();
        assertThat(after.proposal(KILL_SWITCH_RELEASE).proposedBy().actorSubject()).isEqualTo("admin-1");
        assertThat(after.imposedMode()).isEqualTo(ControlMode.HALTED);
        assertThat(EffectiveModeCalculator.effective(ControlView.of(java.util.List.of(after)), "u1", "p1", "AAPL", NOW)
                .mode()).isEqualTo(ControlMode.HALTED);
    }

    @Test
    void aDifferentAdminApprovesAndTheKillSwitchIsReleased() {
        ControlState after = (ControlState) proposed().when(SECOND_ADMIN, new ApproveProposal(KILL_SWITCH_RELEASE, "checked"))
                .thenEvents(new KillSwitchReleased("checked")).stateAfter();

        assertThat(after.isKillSwitchEngaged()).isFalse();
        assertThat(after.proposal(KILL_SWITCH_RELEASE)).isNull();
        assertThat(after.imposedMode()).isEqualTo(ControlMode.ACTIVE);
    }

    @Test
    void theProposerCannotApproveTheirOwnProposal() {
        proposed().when(ADMIN, new ApproveProposal(KILL_SWITCH_RELEASE, "me again"))
                .thenRejected(SECOND_ADMIN_REQUIRED).withMessageContaining("a different admin");
    }

    @Test
    void anExpiredProposalCannotBeApproved() {
        given(new KillSwitchEngaged("incident"), new ProposalOpened(KILL_SWITCH_RELEASE, "all clear", NOW.minusSeconds(1)))
                .when(SECOND_ADMIN, new ApproveProposal(KILL_SWITCH_RELEASE, "late"))
                .thenRejected(INVALID_STATE).withMessageContaining("expired");
        given(new KillSwitchEngaged("incident")).when(SECOND_ADMIN, new ApproveProposal(KILL_SWITCH_RELEASE, "nothing"))
                .thenRejected(INVALID_STATE).withMessageContaining("no proposal to release the kill switch");
    }

    @Test
    void onlyAdminsProposeApproveOrReject() {
        proposed().when(OPERATOR, new ApproveProposal(KILL_SWITCH_RELEASE, "x")).thenRejected(FORBIDDEN);
        proposed().when(OPERATOR, new RejectProposal(KILL_SWITCH_RELEASE, "x")).thenRejected(FORBIDDEN);
        given(new KillSwitchEngaged("i")).when(OPERATOR, new ReleaseKillSwitch("x")).thenRejected(FORBIDDEN);
    }

    @Test
    void eitherAdminMayRejectAndTheKillSwitchStaysEngaged() {
        ControlState after = (ControlState) proposed().when(ADMIN, new RejectProposal(KILL_SWITCH_RELEASE, "changed my mind"))
                .thenEvents(new ProposalRejected(KILL_SWITCH_RELEASE, "changed my mind")).stateAfter();
        proposed().when(SECOND_ADMIN, new RejectProposal(KILL_SWITCH_RELEASE, "not yet"))
                .thenEvents(new ProposalRejected(KILL_SWITCH_RELEASE, "not yet"));

        assertThat(after.isKillSwitchEngaged()).isTrue();
        assertThat(after.proposal(KILL_SWITCH_RELEASE)).isNull();
        given(new KillSwitchEngaged("i")).when(new RejectProposal(KILL_SWITCH_RELEASE, "x")).thenNoOp("nothing to reject");
    }

    @Test
    void engagingAgainCancelsTheOpenProposal() {
        ControlState after = (ControlState) proposed().when(OPERATOR, new EngageKillSwitch("new trouble"))
                .thenEvents(new ProposalCancelled(KILL_SWITCH_RELEASE, "new trouble")).stateAfter();

        assertThat(after.isKillSwitchEngaged()).isTrue();
        assertThat(after.proposal(KILL_SWITCH_RELEASE)).isNull();
        assertThat(after.killSwitch().engagedBy().reason()).isEqualTo("incident");
    }

    @Test
    void aSecondProposalWhileOneIsOpenIsRefused() {
        proposed().when(SECOND_ADMIN, new ReleaseKillSwitch("me too"))
                .thenRejected(INVALID_STATE).withMessageContaining("awaits a second admin");
    }

    @Test
    void theProposalsExpiryMustBeInTheFutureAndAtMostAnHourAway() {
        Scenario engaged = given(new KillSwitchEngaged("incident"));
        engaged.when(new ReleaseKillSwitch("x", NOW)).thenRejected(VALIDATION_FAILED);
        engaged.when(new ReleaseKillSwitch("x", NOW.plus(Duration.ofMinutes(61)))).thenRejected(VALIDATION_FAILED);
        engaged.when(new ReleaseKillSwitch("x", NOW.plus(Duration.ofMinutes(60))))
                .thenEvents(new ProposalOpened(KILL_SWITCH_RELEASE, "x", NOW.plus(Duration.ofMinutes(60))));
    }

    @Test
    void anUnapprovedProposalLapsesThroughAnEventAtItsExpiry() {
        ControlState state = (ControlState) proposed().state("global");

        assertThat(PauseExpiry.nextExpiry(state)).isEqualTo(EXPIRY);
        assertThat(PauseExpiry.expire(state, EXPIRY.minusMillis(1))).isEmpty();
        assertThat(PauseExpiry.expire(state, EXPIRY.plusSeconds(30))).containsExactly(new ProposalExpired(KILL_SWITCH_RELEASE, EXPIRY));

        ControlState after = ControlEvolver.evolve(state, new RecordedEvent(
                new EventMeta("system", EXPIRY, "expiry-1"), new ProposalExpired(KILL_SWITCH_RELEASE, EXPIRY)));
        assertThat(after.isKillSwitchEngaged()).isTrue();
        assertThat(after.proposal(KILL_SWITCH_RELEASE)).isNull();
        assertThat(PauseExpiry.expire(after, EXPIRY.plusSeconds(60))).isEmpty();
    }

    @Test
    void withTheRuleSwitchedOffOneAdminReleasesAtOnce() {
        Scenario engaged = given(new KillSwitchEngaged("incident"));

        Decision decision = ControlDecider.decide(Scenario.envelope(ADMIN, new ReleaseKillSwitch("all clear")),
                (ControlState) engaged.state("global"), engaged.view(), TwoPersonRule.NONE);

        assertThat(decision.events()).containsExactly(new KillSwitchReleased("all clear"));
    }

    @Test
    void theRuleIsAnAdminOnlyConfigKeyThatIsOnByDefault() {
        ConfigKeyDefinition key = Scenario.domain().catalogue().find(TwoPersonRule.KILL_SWITCH_RELEASE_KEY).orElseThrow();

        assertThat(key.defaultValue()).isEqualTo(ConfigValue.of(true));
        assertThat(key.changeRoles()).containsExactly(Role.ADMIN);
        assertThat(TwoPersonRule.DEFAULT.with(KILL_SWITCH_RELEASE, null)).isEqualTo(TwoPersonRule.DEFAULT);
        assertThat(TwoPersonRule.DEFAULT.with(KILL_SWITCH_RELEASE, key.defaultValue()).requires(KILL_SWITCH_RELEASE)).isTrue();
        assertThat(TwoPersonRule.DEFAULT.with(KILL_SWITCH_RELEASE, ConfigValue.of(false)).requires(KILL_SWITCH_RELEASE))
                .isFalse();
        given().when(OPERATOR, new UpdateConfig(TwoPersonRule.KILL_SWITCH_RELEASE_KEY, ConfigValue.of(false), "x"))
                .thenRejected(FORBIDDEN);
    }
}
