package com.tradingcontrol.api.auth;

import java.util.Set;

/** Role names used with {@code @RolesAllowed}; the processors enforce the same names. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String CUSTOMER = "customer";
    public static final String AUDITOR = "auditor";

    /** Every role a token may carry; any other name makes the token invalid (see ClaimMapper). */
    public static final Set<String> KNOWN = Set.of(ADMIN, OPERATOR, CUSTOMER, AUDITOR);
    static final String KNOWN_LIST = "[\"admin\", \"operator\", \"customer\", \"auditor\"]";

    private Roles() {}
}
