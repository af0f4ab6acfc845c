package com.tradingcontrol.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Parses a PEM (SubjectPublicKeyInfo) public key into a JWK. Hand-written because nimbus's own PEM
 * parsing needs BouncyCastle, while the JDK's KeyFactory reads SPKI in a few lines.
 */
public final class PublicKeys {
    private static final int MIN_RSA_BITS = 2048;

    private PublicKeys() {}

    public static boolean isUsable(String pem) {
        try {
            parse(pem);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @throws IllegalArgumentException when the text is not an RSA (2048+) or EC P-256 public key */
    public static JWK parse(String pem) {
        byte[] der = decode(pem);
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            RSAPublicKey rsa = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("RSA key shorter than " + MIN_RSA_BITS + " bits");
            }
            return new RSAKey.Builder(rsa).algorithm(JWSAlgorithm.RS256).build();
        } catch (InvalidKeySpecException notRsa) {
            return parseEc(spec);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read public key", e);
        }
    }

    /** The only signature algorithm accepted for a configured key: the key type decides, never the token. */
    public static JWSAlgorithm algorithmFor(JWK key) {
        return key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
    }

    static java.security.PublicKey toJavaKey(JWK key) {
        try {
            return key instanceof RSAKey rsa ? rsa.toPublicKey() : ((ECKey) key).toPublicKey();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot convert public key", e);
        }
    }

    private static JWK parseEc(X509EncodedKeySpec spec) {
        try {
            ECPublicKey ec = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (!Curve.P_256.equals(curve)) {
                throw new IllegalArgumentException("EC key is not on curve P-256");
            }
            return new ECKey.Builder(curve, ec).algorithm(JWSAlgorithm.ES256).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("neither an RSA nor an EC public key", e);
        }
    }

    private static byte[] decode(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        if (base64.isEmpty()) {
            throw new IllegalArgumentException("empty public key");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key is not base64", e);
        }
    }
}
