package com.tradingcontrol.api.requestid;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code requestId:} section. */
public class RequestIdConfig {
    /** Longer incoming ids are replaced by a generated one (they end up in logs and Kafka headers). */
    @Min(16)
    @Max(256)
    @JsonProperty
    private int maxLength = 128;

    public int getMaxLength() {
        return maxLength;
    }

    public void setMaxLength(int maxLength) {
        this.maxLength = maxLength;
    }
}
