package com.tradingcontrol.api.ports;

/** Port to the projected audit trail. */
public interface AuditReader {
    AuditPage find(AuditQuery query);
}
