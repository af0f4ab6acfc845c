package com.tradingcontrol.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The bench signs as production's issuers do (RS256), verifiable with the PEM it hands the API. */
class BenchTokensTest {

    @Test
    void tokensAreRs256AndVerifyWithThePublishedPem() throws Exception {
        BenchTokens tokens = new BenchTokens();
        SignedJWT jwt = SignedJWT.parse(tokens.customer("t-1"));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier(publicKey(tokens.publicKeyPem())))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("tenant_id")).isEqualTo("t-1");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(BenchTokens.AUDIENCE);
    }

    @Test
    void aTokenOfAnotherRunDoesNotVerify() throws Exception {
        SignedJWT other = SignedJWT.parse(new BenchTokens().operator());

        assertThat(other.verify(new RSASSAVerifier(publicKey(new BenchTokens().publicKeyPem())))).isFalse();
    }

    private static RSAPublicKey publicKey(String pem) throws Exception {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
