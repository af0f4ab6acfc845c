package com.tradingcontrol.api.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads subject, roles and tenant from verified claims, using the configured claim names. */
final class ClaimMapper {
    private static final String RULE = "it must be a JSON array of known roles " + Roles.KNOWN_LIST;
    private final String rolesClaim;
    private final String tenantClaim;

    ClaimMapper(String rolesClaim, String tenantClaim) {
        this.rolesClaim = rolesClaim;
        this.tenantClaim = tenantClaim;
    }

    Caller toCaller(JWTClaimsSet claims) throws InvalidTokenException {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidTokenException("token has no subject", null);
        }
        return new Caller(subject, tenant(claims), roles(claims));
    }

    /**
     * The roles claim must be a non-empty JSON array of known role names. A string was once split on
     * spaces, so {@code "customer admin"} read as admin; a missing claim let a token with only a tenant
     * act as a customer. Both are refused now, with a detail the (verified) caller can act on.
     */
    private Set<String> roles(JWTClaimsSet claims) throws InvalidTokenException {
        Object value = lookup(claims.getClaims(), rolesClaim);
        if (value == null) {
            throw InvalidTokenException.withDetail("the token has no '" + rolesClaim + "' claim; " + RULE);
        }
        if (!(value instanceof Collection<?> list) || list.isEmpty()) {
            throw InvalidTokenException.withDetail("claim '" + rolesClaim + "' is not a non-empty JSON array; " + RULE);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Object role : list) {
            if (!(role instanceof String name) || !Roles.KNOWN.contains(name)) {
                throw InvalidTokenException.withDetail("claim '" + rolesClaim + "' names an unknown role; " + RULE);
            }
            roles.add(name);
        }
        return roles;
    }

    private String tenant(JWTClaimsSet claims) throws InvalidTokenException {
        Object value = lookup(claims.getClaims(), tenantClaim);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        throw new InvalidTokenException("claim '" + tenantClaim + "' is not a string", null);
    }

    // Exact names first: claim names such as "https://example.com/roles" contain dots themselves.
    private static Object lookup(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
