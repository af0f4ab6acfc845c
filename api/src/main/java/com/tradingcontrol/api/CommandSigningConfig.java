package com.tradingcontrol.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code commands.signing:} the API's command-signing key. Every command written to Kafka is
 * signed with it; the processors trust the same key under {@code keyId}
 * ({@code processor.commandKeys.<keyId>}). Rotation: give the processors the new key under a new
 * id, then switch this to the new key and id; drop the old id later.
 */
public class CommandSigningConfig {
    /** Names the key to the processors; sent with every signature. */
    @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}")
    @JsonProperty private String keyId;
    /** File with the HMAC-SHA256 key (base64 of at least 32 random bytes), readable by the API and the processors only. */
    @NotBlank
    @JsonProperty private String keyFile;

    public String getKeyId() { return keyId; }
    public void setKeyId(String keyId) { this.keyId = keyId; }
    public String getKeyFile() { return keyFile; }
    public void setKeyFile(String keyFile) { this.keyFile = keyFile; }
}
