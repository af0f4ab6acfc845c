package com.tradingcontrol.api.auth;

/** Role names used with {@code @RolesAllowed}; the processors enforce the same names. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String CUSTOMER = "customer";
    public static final String AUDITOR = "auditor";

    private Roles() {}
}
