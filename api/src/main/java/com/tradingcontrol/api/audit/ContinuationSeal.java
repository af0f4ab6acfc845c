package com.tradingcontrol.api.audit;

import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the store's continuation tokens for clients: {@code <token>.<mac>}, base64url, where the MAC
 * (HMAC-SHA256 with a server key) covers the token and the query's filters. A token that was altered,
 * forged, or replayed with other filters (to page past a filter the first page applied) is refused
 * with 422 before the store sees it. Only the canonical encoding is accepted.
 */
public final class ContinuationSeal {
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private final SecretKeySpec key;

    private ContinuationSeal(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** @param secret the configured key; null = a random key for this process */
    public static ContinuationSeal of(String secret) {
        if (secret != null) {
            return new ContinuationSeal(secret.getBytes(StandardCharsets.UTF_8));
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new ContinuationSeal(random);
    }

    public String seal(String storeToken, String filters) {
        if (storeToken == null) {
            return null;
        }
        byte[] token = storeToken.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(token) + "." + ENCODER.encodeToString(mac(token, filters));
    }

    /** The store's token inside {@code sealed}, if it was issued for these very filters. */
    public String open(String sealed, String filters) {
        if (sealed == null) {
            return null;
        }
        int dot = sealed.indexOf('.');
        try {
            if (dot > 0) {
                byte[] token = DECODER.decode(sealed.substring(0, dot));
                String macText = sealed.substring(dot + 1);
                byte[] mac = DECODER.decode(macText);
                // The decoder ignores a last character's unused bits: "...A" and "...B" can decode to
                // the same MAC. Only the one encoding this seal issues is accepted, so an altered
                // character is always refused.
                if (ENCODER.encodeToString(mac).equals(macText)
                        && MessageDigest.isEqual(mac, mac(token, filters))) {
                    return new String(token, StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to the same answer as a wrong MAC
        }
        throw new ApiException(ProblemCode.VALIDATION_FAILED,
                "continuation is not a token from a previous page of this same query (same filters)");
    }

    private byte[] mac(byte[] token, String filters) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(filters.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
