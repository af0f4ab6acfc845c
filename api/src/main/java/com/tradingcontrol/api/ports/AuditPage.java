package com.tradingcontrol.api.ports;

import java.util.List;

/** A page of audit entries; {@code nextCursor} is null on the last page. */
public record AuditPage(List<AuditEntry> items, String nextCursor) {
    public AuditPage {
        items = List.copyOf(items);
    }
}
