package com.tradingcontrol.api.requestid;

/** The effective request id, injectable into resources with {@code @Context RequestId requestId}. */
public record RequestId(String value) {
    @Override
    public String toString() {
        return value;
    }
}
