package com.tradingcontrol.domain.profile;

import com.tradingcontrol.domain.Actor;
import com.tradingcontrol.domain.CreateProfile;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.DisableProfile;
import com.tradingcontrol.domain.EnableProfile;
import com.tradingcontrol.domain.KillSwitchEngaged;
import com.tradingcontrol.domain.ProfileCommand;
import com.tradingcontrol.domain.ProfileCreated;
import com.tradingcontrol.domain.ProfileDisabled;
import com.tradingcontrol.domain.ProfileEnabled;
import com.tradingcontrol.domain.Role;
import com.tradingcontrol.domain.Scenario;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.TradingPaused;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tradingcontrol.domain.RejectionCode.ALREADY_EXISTS;
import static com.tradingcontrol.domain.RejectionCode.FORBIDDEN;
import static com.tradingcontrol.domain.RejectionCode.NOT_FOUND;
import static com.tradingcontrol.domain.RejectionCode.TENANT_MISMATCH;
import static com.tradingcontrol.domain.RejectionCode.VALIDATION_FAILED;
import static com.tradingcontrol.domain.RejectionCode.VERSION_CONFLICT;
import static com.tradingcontrol.domain.Scenario.AUDITOR;
import static com.tradingcontrol.domain.Scenario.CUSTOMER_U1;
import static com.tradingcontrol.domain.Scenario.CUSTOMER_U2;
import static com.tradingcontrol.domain.Scenario.OPERATOR;
import static com.tradingcontrol.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

class TradingProfilesTest {

    private static final ProfileCreated CREATED = new ProfileCreated("p1", "u1", "Grid BTC");

    @Test
    void aCustomerCreatesItsOwnProfileWhichStartsDisabled() {
        ProfileState after = (ProfileState) given()
                .when(CUSTOMER_U1, new CreateProfile("p1", "u1", "Grid BTC"))
                .thenEvents(CREATED)
                .stateAfter();

        assertThat(after.exists()).isTrue();
        assertThat(after.enabled()).isFalse();
        assertThat(after.name()).isEqualTo("Grid BTC");
        assertThat(after.aggregateId()).isEqualTo("profile:u1:p1");
        assertThat(after.version()).isEqualTo(1);
    }

    @Test
    void creatingAnExistingProfileIsRejected() {
        given(CREATED).when(CUSTOMER_U1, new CreateProfile("p1", "u1", "again")).thenRejected(ALREADY_EXISTS);
    }

    @Test
    void aCustomerEnablesAndDisablesItsOwnProfile() {
        ProfileState enabled = (ProfileState) given(CREATED)
                .when(CUSTOMER_U1, new EnableProfile("p1", "u1", "go live"))
                .thenEvents(new ProfileEnabled("p1", "u1", "go live"))
                .withNote(null)
                .stateAfter();
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.lastChange().actorSubject()).isEqualTo("alice");
        assertThat(enabled.lastChange().reason()).isEqualTo("go live");

        given(CREATED, new ProfileEnabled("p1", "u1", "on"))
                .when(CUSTOMER_U1, new DisableProfile("p1", "u1", "drawdown"))
                .thenEvents(new ProfileDisabled("p1", "u1", "drawdown"));
    }

    @Test
    void enablingAnEnabledOrDisablingADisabledProfileIsANoOp() {
        given(CREATED, new ProfileEnabled("p1", "u1", "on"))
                .when(CUSTOMER_U1, new EnableProfile("p1", "u1", "again"))
                .thenNoOp("already enabled");
        given(CREATED).when(CUSTOMER_U1, new DisableProfile("p1", "u1", "again")).thenNoOp("already disabled");
    }

    @Test
    void enablingOrDisablingAMissingProfileIsNotFound() {
        given().when(CUSTOMER_U1, new EnableProfile("p1", "u1", "r")).thenRejected(NOT_FOUND);
        given().when(OPERATOR, new DisableProfile("p1", "u1", "r")).thenRejected(NOT_FOUND);
    }

    @Test
    void anotherTenantsProfileIsRejectedIdenticallyWhetherOrNotItExists() {
        Scenario exists = given(CREATED, new ProfileEnabled("p1", "u1", "on"));
        Scenario missing = given();

        for (ProfileCommand command : List.of(new EnableProfile("p1", "u1", "r"), new DisableProfile("p1", "u1", "r"),
                new CreateProfile("p1", "u1", "mine now"))) {
            Decision whenExists = exists.when(CUSTOMER_U2, command).thenRejected(TENANT_MISMATCH).decision();
            Decision whenMissing = missing.when(CUSTOMER_U2, command).thenRejected(TENANT_MISMATCH).decision();
            assertThat(whenExists).isEqualTo(whenMissing);
            assertThat(((Decision.Rejected) whenExists).message()).doesNotContain("p1").doesNotContain("u1");
        }
        exists.whenExpecting(99, CUSTOMER_U2, new EnableProfile("p1", "u1", "r")).thenRejected(TENANT_MISMATCH);
    }

    @Test
    void aCustomerWithoutATenantCannotActOnAnyProfile() {
        given(CREATED).when(Actor.of("x", null, Role.CUSTOMER), new EnableProfile("p1", "u1", "r"))
                .thenRejected(TENANT_MISMATCH);
    }

    @Test
    void staffMayActOnAnyTenantsProfileButAuditorsMayNot() {
        given(CREATED).when(OPERATOR, new EnableProfile("p1", "u1", "support ticket 42"))
                .thenEvents(new ProfileEnabled("p1", "u1", "support ticket 42"));
        given(CREATED).when(AUDITOR, new EnableProfile("p1", "u1", "r")).thenRejected(FORBIDDEN);
    }

    @Test
    void idsNameAndReasonAreValidated() {
        given().when(CUSTOMER_U1, new CreateProfile("p:1", "u1", "n")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("profileId");
        given().when(CUSTOMER_U1, new CreateProfile("p1", "u1", " ")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("name");
        given().when(OPERATOR, new CreateProfile("p1", null, "n")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("tenantId");
        given(CREATED).when(CUSTOMER_U1, new EnableProfile("p1", "u1", "")).thenRejected(VALIDATION_FAILED)
                .withMessageContaining("reason");
    }

    @Test
    void staleExpectedVersionIsAConflict() {
        given(CREATED).whenExpecting(0, CUSTOMER_U1, new EnableProfile("p1", "u1", "r")).thenRejected(VERSION_CONFLICT);
        given(CREATED).whenExpecting(1, CUSTOMER_U1, new EnableProfile("p1", "u1", "r"))
                .thenEvents(new ProfileEnabled("p1", "u1", "r"));
    }

    @Test
    void enablingWhileTheKillSwitchIsEngagedIsAllowedButSaysTradingStaysHalted() {
        given(CREATED, new KillSwitchEngaged("outage"))
                .when(CUSTOMER_U1, new EnableProfile("p1", "u1", "go"))
                .thenEvents(new ProfileEnabled("p1", "u1", "go"))
                .withNote("kill switch engaged: effective mode stays HALTED");
    }

    @Test
    void enablingWhileItsTenantOrStrategyIsPausedSaysSo() {
        given(CREATED, new TradingPaused(Scope.tenant("u1"), "margin", null))
                .when(CUSTOMER_U1, new EnableProfile("p1", "u1", "go"))
                .thenEvents(new ProfileEnabled("p1", "u1", "go"))
                .withNote("trading paused on tenant:u1: effective mode stays PAUSED");
        given(CREATED, new TradingPaused(Scope.tenant("u2"), "other tenant", null))
                .when(CUSTOMER_U1, new EnableProfile("p1", "u1", "go"))
                .withNote(null);
    }
}
