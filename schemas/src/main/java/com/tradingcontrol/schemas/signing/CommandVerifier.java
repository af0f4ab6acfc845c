package com.tradingcontrol.schemas.signing;

import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandSignature;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies command signatures against a set of trusted public keys by key id. Several ids are
 * trusted at once so the API's key can rotate without downtime: add the new public key to the
 * processors, switch the API to the new private key, later drop the old public key.
 */
public final class CommandVerifier {
    /** Why a command is not authenticated, or {@link #VALID}. */
    public enum Result {
        VALID("signed by a trusted key"),
        UNSIGNED("the command carries no signature"),
        UNKNOWN_KEY("the command is signed with a key id the processors do not trust"),
        UNSUPPORTED_ALGORITHM("the command's signature algorithm is not " + CommandKeys.ALGORITHM),
        BAD_SIGNATURE("the command's signature does not match its content (forged or altered)");

        private final String description;

        Result(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Map<String, PublicKey> trusted;

    public CommandVerifier(Map<String, PublicKey> trusted) {
        this.trusted = Map.copyOf(Objects.requireNonNull(trusted, "trusted"));
        if (this.trusted.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted command key is required");
        }
    }

    public Set<String> keyIds() {
        return trusted.keySet();
    }

    public Result verify(CommandEnvelope envelope) {
        CommandSignature signature = envelope.getSignature();
        if (signature == null) {
            return Result.UNSIGNED;
        }
        if (!CommandKeys.ALGORITHM.equals(signature.getAlgorithm())) {
            return Result.UNSUPPORTED_ALGORITHM;
        }
        PublicKey key = trusted.get(signature.getKeyId());
        if (key == null) {
            return Result.UNKNOWN_KEY;
        }
        return matches(key, CanonicalForm.of(envelope), bytes(signature.getValue())) ? Result.VALID
                : Result.BAD_SIGNATURE;
    }

    private static boolean matches(PublicKey key, byte[] content, byte[] value) {
        try {
            Signature signature = Signature.getInstance(CommandKeys.ALGORITHM);
            signature.initVerify(key);
            signature.update(content);
            return signature.verify(value);
        } catch (java.security.SignatureException e) {
            return false; // a malformed signature value is a bad signature, not an error
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot verify with a trusted command key: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
