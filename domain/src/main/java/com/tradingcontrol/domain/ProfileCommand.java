package com.tradingcontrol.domain;

/** Commands for a tenant's trading profile. */
public sealed interface ProfileCommand extends Command permits CreateProfile, EnableProfile, DisableProfile {

    String profileId();

    String tenantId();
}
