package com.tradingcontrol.client.internals;

import com.tradingcontrol.domain.control.ProfileLookup;

/** A profile's record on {@code trading.profile-state}: its status for the rule plus its version. */
record ProfileRecord(String tenantId, String profileId, long version, String commandId,
                     ProfileLookup.ProfileStatus status) {
}
