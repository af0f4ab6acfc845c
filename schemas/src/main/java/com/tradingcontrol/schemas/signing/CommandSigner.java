package com.tradingcontrol.schemas.signing;

import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandSignature;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs command envelopes with the API's key (thread-safe: one {@link Mac} per call). */
public final class CommandSigner {
    private final String keyId;
    private final SecretKeySpec key;

    public CommandSigner(String keyId, byte[] secret) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("keyId must not be blank");
        }
        if (secret == null || secret.length < CommandKeys.MIN_BYTES) {
            throw new IllegalArgumentException("a command signing key needs at least " + CommandKeys.MIN_BYTES
                    + " bytes");
        }
        this.key = new SecretKeySpec(secret, CommandKeys.ALGORITHM);
    }

    public String keyId() {
        return keyId;
    }

    /** The envelope with its {@code signature} set over {@link CanonicalForm#of} (any old signature is replaced). */
    public CommandEnvelope sign(CommandEnvelope envelope) {
        byte[] value = mac(key, CanonicalForm.of(envelope));
        CommandEnvelope signed = CommandEnvelope.newBuilder(envelope).build();
        signed.setSignature(new CommandSignature(keyId, CommandKeys.ALGORITHM, ByteBuffer.wrap(value)));
        return signed;
    }

    static byte[] mac(SecretKeySpec key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(CommandKeys.ALGORITHM);
            mac.init(key);
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + CommandKeys.ALGORITHM, e);
        }
    }
}
