package com.tradingcontrol.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code commands.signing:} the API's command-signing key. Every command written to
 * {@code trading.commands} is signed with it; the processors trust its public half under
 * {@code keyId} ({@code processor.commandKeys.<keyId>}). Rotation: give the processors the new
 * public key under a new id, then switch this to the new key and id; drop the old id later.
 */
public class CommandSigningConfig {
    /** Names the key to the processors; sent with every signature. */
    @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}")
    @JsonProperty private String keyId;
    /** PEM file with the Ed25519 private key (PKCS#8), readable by the API only. */
    @NotBlank
    @JsonProperty private String privateKeyFile;

    public String getKeyId() { return keyId; }
    public void setKeyId(String keyId) { this.keyId = keyId; }
    public String getPrivateKeyFile() { return privateKeyFile; }
    public void setPrivateKeyFile(String privateKeyFile) { this.privateKeyFile = privateKeyFile; }
}
