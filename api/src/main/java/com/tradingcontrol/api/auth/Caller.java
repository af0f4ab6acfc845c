package com.tradingcontrol.api.auth;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a request.
 *
 * @param subject  the token's {@code sub}
 * @param tenantId the tenant (user) the caller belongs to; {@code null} for staff without one
 * @param roles    role names from the configured roles claim
 */
public record Caller(String subject, String tenantId, Set<String> roles) implements Principal {
    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return subject;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
