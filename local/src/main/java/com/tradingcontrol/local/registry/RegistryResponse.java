package com.tradingcontrol.local.registry;

/** A successful registry answer: status and a body that Jackson writes as JSON. */
record RegistryResponse(int status, Object body) {

    static RegistryResponse ok(Object body) {
        return new RegistryResponse(200, body);
    }
}
