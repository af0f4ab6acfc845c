package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The idempotency gate's verdict on a keyed command, carried in record headers to the decide step and
 * sealed with a MAC under the key that signed the command (the processors hold the command keys). So a
 * verdict cannot be forged or moved to another command, and a keyed command written straight to
 * trading.commands — bypassing the gate, e.g. a replay — carries none and is refused.
 */
final class GateVerdicts {
    static final String VERDICT_HEADER = "idempotency-verdict";
    static final String FIRST_COMMAND_HEADER = "idempotency-first-command";
    static final String MAC_HEADER = "idempotency-verdict-mac";
    static final String ADMITTED = "admitted";
    static final String REUSED = "reused";
    private static final String TAG = "tcp-gate-verdict-v1";

    /** What the decide step learns: admitted, reused after {@code firstCommandId}, or no valid verdict. */
    record Verdict(boolean valid, boolean reused, String firstCommandId) {
        static final Verdict NONE = new Verdict(false, false, null);
    }

    private GateVerdicts() {
    }

    /** Replaces any verdict headers with the gate's sealed verdict ({@code firstCommandId} null when admitted). */
    static void seal(CommandVerifier keys, CommandEnvelope command, String firstCommandId, Headers headers) {
        clear(headers);
        String verdict = firstCommandId == null ? ADMITTED : REUSED;
        headers.add(VERDICT_HEADER, utf8(verdict));
        if (firstCommandId != null) {
            headers.add(FIRST_COMMAND_HEADER, utf8(firstCommandId));
        }
        headers.add(MAC_HEADER, keys.mac(command.getSignature().getKeyId(), content(command, verdict, firstCommandId)));
    }

    static void clear(Headers headers) {
        headers.remove(VERDICT_HEADER);
        headers.remove(FIRST_COMMAND_HEADER);
        headers.remove(MAC_HEADER);
    }

    /** The verdict on an authentic keyed command, {@link Verdict#NONE} when absent or not sealed by the gate. */
    static Verdict read(CommandVerifier keys, CommandEnvelope command, Headers headers) {
        String verdict = text(headers.lastHeader(VERDICT_HEADER));
        String first = text(headers.lastHeader(FIRST_COMMAND_HEADER));
        Header mac = headers.lastHeader(MAC_HEADER);
        if (verdict == null || mac == null || !(ADMITTED.equals(verdict) || REUSED.equals(verdict))
                || REUSED.equals(verdict) == (first == null)) {
            return Verdict.NONE;
        }
        byte[] expected = keys.mac(command.getSignature().getKeyId(), content(command, verdict, first));
        if (expected == null || !MessageDigest.isEqual(expected, mac.value())) {
            return Verdict.NONE;
        }
        return new Verdict(true, REUSED.equals(verdict), first);
    }

    /** Bound to the command (its id and signature) and the verdict, under a tag no command signature has. */
    private static byte[] content(CommandEnvelope command, String verdict, String first) {
        ByteBuffer signature = command.getSignature().getValue().duplicate();
        byte[] value = new byte[signature.remaining()];
        signature.get(value);
        return utf8(TAG + "\n" + command.getCommandId() + "\n" + verdict + "\n" + (first == null ? "" : first) + "\n"
                + Base64.getEncoder().encodeToString(value));
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
