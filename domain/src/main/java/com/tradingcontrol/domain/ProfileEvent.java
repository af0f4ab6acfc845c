package com.tradingcontrol.domain;

/** Events of a trading profile aggregate. */
public sealed interface ProfileEvent extends DomainEvent permits ProfileCreated, ProfileEnabled, ProfileDisabled {

    String profileId();

    String tenantId();
}
