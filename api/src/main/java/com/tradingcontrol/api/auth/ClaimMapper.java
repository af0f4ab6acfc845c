package com.tradingcontrol.api.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads subject, roles and tenant from verified claims, using the configured claim names. */
final class ClaimMapper {
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

    private Set<String> roles(JWTClaimsSet claims) throws InvalidTokenException {
        Object value = lookup(claims.getClaims(), rolesClaim);
        Set<String> roles = new LinkedHashSet<>();
        if (value == null) {
            return roles;
        }
        if (value instanceof String text) {
            Arrays.stream(text.split("[\\s,]+")).filter(r -> !r.isEmpty()).forEach(roles::add);
        } else if (value instanceof Collection<?> list && list.stream().allMatch(String.class::isInstance)) {
            list.forEach(role -> roles.add((String) role));
        } else {
            throw new InvalidTokenException("claim '" + rolesClaim + "' is neither a string nor a list of strings", null);
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
