package com.tradingcontrol.api.ws;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import java.util.Set;

/**
 * The push channels: the two kept from the predecessor system and the staff channel. Who may connect
 * and which stream they get.
 */
public enum PushChannel {
    /** Any authenticated caller; global changes plus the caller's own tenant. */
    TRADING("/ws/trading", Set.of()),
    /** Admins only, refused at the handshake for everybody else; every change of every tenant. */
    ADMIN("/ws/admin", Set.of(Roles.ADMIN)),
    /**
     * Staff (admins, operators, auditors), refused at the handshake for customers: every control state
     * of every scope, tenants' included (what is in force everywhere), and nothing else.
     */
    STAFF("/ws/staff", Set.of(Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR));

    private final String path;
    private final Set<String> roles;

    PushChannel(String path, Set<String> roles) {
        this.path = path;
        this.roles = roles;
    }

    public String path() {
        return path;
    }

    boolean admits(Caller caller) {
        return roles.isEmpty() || roles.stream().anyMatch(caller::hasRole);
    }

    StreamKey streamFor(Caller caller) {
        return switch (this) {
            case ADMIN -> StreamKey.adminStream();
            case STAFF -> StreamKey.staffStream();
            case TRADING -> StreamKey.tenant(caller.tenantId());
        };
    }
}
