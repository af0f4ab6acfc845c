package com.tradingcontrol.domain;

/** Roles carried by an actor's token. The role matrix lives in {@link RoleMatrix}. */
public enum Role {
    ADMIN,
    OPERATOR,
    CUSTOMER,
    AUDITOR
}
