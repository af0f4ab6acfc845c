package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.schemas.signing.CanonicalForm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.generic.IndexedRecord;

/**
 * The fingerprint an Idempotency-Key is bound to (IETF httpapi Idempotency-Key): SHA-256 over the
 * caller's subject, the method and path, and the canonical body. The canonical body is the validated
 * command the body became (aggregate, expected version and the payload in {@link CanonicalForm}), so
 * whitespace, key order and explicitly sent defaults do not change it, while any change of meaning does.
 */
final class RequestFingerprint {
    private static final String VERSION = "tcp-idempotency-v1";

    private RequestFingerprint() {
    }

    static String of(String subject, String route, String aggregateId, Long expectedVersion,
                     CommandPayload payload) {
        MessageDigest digest = sha256();
        for (String part : new String[] {VERSION, subject, route, aggregateId, String.valueOf(expectedVersion)}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(lengthOf(bytes));
            digest.update(bytes);
        }
        digest.update(CanonicalForm.of((IndexedRecord) CommandEnvelopes.payload(payload)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] lengthOf(byte[] bytes) {
        int n = bytes.length;
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
