package com.tradingcontrol.api.reads;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;

/**
 * Which tenant's data a caller may read. Staff (admin, operator, auditor) read everything; anyone
 * else - customers, and callers whose token carries no staff role - reads only its own tenant.
 * Deciding on "has no staff role" rather than "has the customer role" makes a token with a
 * missing or unknown role fall on the restricted side.
 */
public final class CallerScope {

    private CallerScope() {
    }

    public static boolean isStaff(Caller caller) {
        return caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.OPERATOR) || caller.hasRole(Roles.AUDITOR);
    }

    /**
     * The tenant a restricted caller asks about: its own, whether it named it or not. Naming another
     * tenant is refused without looking at that tenant's data, so the answer never depends on it.
     */
    public static String ownTenant(Caller caller, String requested) {
        String own = caller.tenantId();
        if (own == null || own.isBlank()) {
            throw new ApiException(ProblemCode.FORBIDDEN, "the token carries no tenant; customers read only their own tenant");
        }
        if (requested != null && !requested.isBlank() && !requested.equals(own)) {
            throw new ApiException(ProblemCode.FORBIDDEN, "customers may only read their own tenant");
        }
        return own;
    }
}
