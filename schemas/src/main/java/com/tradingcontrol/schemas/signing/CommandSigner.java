package com.tradingcontrol.schemas.signing;

import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandSignature;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;

/** Signs command envelopes with the API's private key (thread-safe: one {@link Signature} per call). */
public final class CommandSigner {
    private final String keyId;
    private final PrivateKey key;

    public CommandSigner(String keyId, PrivateKey key) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.key = Objects.requireNonNull(key, "key");
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("keyId must not be blank");
        }
        sign(new byte[0]); // fails at start-up, not at the first command, when the key is unusable
    }

    public String keyId() {
        return keyId;
    }

    /** The envelope with its {@code signature} set over {@link CanonicalForm#of} (any old signature is replaced). */
    public CommandEnvelope sign(CommandEnvelope envelope) {
        byte[] value = sign(CanonicalForm.of(envelope));
        CommandEnvelope signed = CommandEnvelope.newBuilder(envelope).build();
        signed.setSignature(new CommandSignature(keyId, CommandKeys.ALGORITHM, ByteBuffer.wrap(value)));
        return signed;
    }

    private byte[] sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance(CommandKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("command signing key " + keyId + " cannot sign: " + e.getMessage(), e);
        }
    }
}
