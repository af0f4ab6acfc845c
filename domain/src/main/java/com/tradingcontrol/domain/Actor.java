package com.tradingcontrol.domain;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Who issued a command.
 *
 * @param subject  the authenticated subject (token {@code sub})
 * @param tenantId the tenant (user id) the actor belongs to; {@code null} for staff without a tenant
 * @param roles    the actor's roles; never null, may be empty
 */
public record Actor(String subject, String tenantId, Set<Role> roles) {

    public Actor {
        Objects.requireNonNull(subject, "actor.subject");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Actor of(String subject, String tenantId, Role... roles) {
        return new Actor(subject, tenantId, Set.of(roles));
    }

    public boolean hasAnyRole(Collection<Role> allowed) {
        return allowed.stream().anyMatch(roles::contains);
    }

    /** Staff (admin or operator) may act on any tenant's data; everyone else only on their own. */
    public boolean isStaff() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.OPERATOR);
    }
}
