package com.tradingcontrol.api.ws;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;

/** The two push channels kept from the predecessor system: who may connect and which stream they get. */
public enum PushChannel {
    /** Any authenticated caller; global changes plus the caller's own tenant. */
    TRADING("/ws/trading", null),
    /** Admins only, refused at the handshake for everybody else; every change of every tenant. */
    ADMIN("/ws/admin", Roles.ADMIN);

    private final String path;
    private final String requiredRole;

    PushChannel(String path, String requiredRole) {
        this.path = path;
        this.requiredRole = requiredRole;
    }

    public String path() {
        return path;
    }

    boolean admits(Caller caller) {
        return requiredRole == null || caller.hasRole(requiredRole);
    }

    StreamKey streamFor(Caller caller) {
        return this == ADMIN ? StreamKey.adminStream() : StreamKey.tenant(caller.tenantId());
    }
}
