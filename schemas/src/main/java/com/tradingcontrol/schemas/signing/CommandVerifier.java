package com.tradingcontrol.schemas.signing;

import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandSignature;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies command signatures against a set of trusted keys by key id. Several ids are trusted at
 * once so the API's key can rotate without downtime: add the new key to the processors, switch the
 * API to it, later drop the old one.
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

    private final Map<String, SecretKeySpec> trusted = new TreeMap<>();

    public CommandVerifier(Map<String, byte[]> trusted) {
        Objects.requireNonNull(trusted, "trusted");
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted command key is required");
        }
        trusted.forEach((id, secret) -> {
            if (secret == null || secret.length < CommandKeys.MIN_BYTES) {
                throw new IllegalArgumentException("command key " + id + " needs at least " + CommandKeys.MIN_BYTES
                        + " bytes");
            }
            this.trusted.put(id, new SecretKeySpec(secret, CommandKeys.ALGORITHM));
        });
    }

    public Set<String> keyIds() {
        return Set.copyOf(trusted.keySet());
    }

    public Result verify(CommandEnvelope envelope) {
        CommandSignature signature = envelope.getSignature();
        if (signature == null) {
            return Result.UNSIGNED;
        }
        if (!CommandKeys.ALGORITHM.equals(signature.getAlgorithm())) {
            return Result.UNSUPPORTED_ALGORITHM;
        }
        SecretKeySpec key = trusted.get(signature.getKeyId());
        if (key == null) {
            return Result.UNKNOWN_KEY;
        }
        byte[] expected = CommandSigner.mac(key, CanonicalForm.of(envelope));
        // Constant time: the comparison must not tell a forger how many leading bytes were right.
        return MessageDigest.isEqual(expected, bytes(signature.getValue())) ? Result.VALID : Result.BAD_SIGNATURE;
    }

    /**
     * A MAC over {@code content} with the trusted key {@code keyId}, for a statement the processors add
     * to an authentic command (the idempotency gate's verdict); callers prefix the content with their own
     * tag so it can never pass for a command signature. Null when the key id is not trusted.
     */
    public byte[] mac(String keyId, byte[] content) {
        SecretKeySpec key = trusted.get(keyId);
        return key == null ? null : CommandSigner.mac(key, content);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
