package com.tradingcontrol.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.tradingcontrol.api.auth.AuthConfig;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.InvalidTokenException;
import com.tradingcontrol.api.auth.JwtVerifier;
import io.dropwizard.jackson.Jackson;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The bench signs as production's issuers do (RS256), verifiable with the PEM it hands the API; with
 * {@code --token-alg HS256} as builds before issue 16 did. Either way the API's own verifier, configured
 * with the key source the bench writes into its YAML, accepts this run's tokens and refuses another run's.
 */
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

    @Test
    void theApiVerifiesTokensWithTheKeySourceTheBenchConfigures() throws Exception {
        for (JWSAlgorithm alg : new JWSAlgorithm[] {JWSAlgorithm.RS256, JWSAlgorithm.HS256}) {
            BenchTokens tokens = new BenchTokens(alg);
            JwtVerifier verifier = verifierFor(tokens);

            assertThat(SignedJWT.parse(tokens.operator()).getHeader().getAlgorithm()).isEqualTo(alg);
            Caller caller = verifier.verify(tokens.customer("t-2"));
            assertThat(caller.subject()).isEqualTo("bench-t-2");
            assertThat(caller.tenantId()).isEqualTo("t-2");
            assertThatThrownBy(() -> verifier.verify(new BenchTokens(alg).operator()))
                    .isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void onlyRs256AndHs256AreOffered() {
        assertThatThrownBy(() -> new BenchTokens(JWSAlgorithm.ES256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ES256");
    }

    private static JwtVerifier verifierFor(BenchTokens tokens) throws Exception {
        String yaml = "issuer: " + BenchTokens.ISSUER + "\naudience: " + BenchTokens.AUDIENCE + "\n"
                + tokens.authKeyYaml().replaceAll("(?m)^  ", "");
        AuthConfig config = Jackson.newObjectMapper(new YAMLFactory()).readValue(yaml, AuthConfig.class);
        return JwtVerifier.fromConfig(config);
    }

    private static RSAPublicKey publicKey(String pem) throws Exception {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
