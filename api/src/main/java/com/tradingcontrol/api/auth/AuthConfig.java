package com.tradingcontrol.api.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code auth:} section. Exactly one key source: {@code publicKeyPem} (RSA → RS256, EC P-256 →
 * ES256), {@code jwks} (RS256 and ES256 keys from a JWKS URL) or {@code hs256Secret} (only together
 * with {@code allowHs256: true}).
 */
public class AuthConfig {
    @NotBlank @JsonProperty private String issuer;
    @NotBlank @JsonProperty private String audience;
    @NotNull @MinDuration(0) @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    @JsonProperty private Duration clockSkew = Duration.seconds(30);
    /** Claim holding the roles: a non-empty JSON array of known role names; dots walk into objects. */
    @NotBlank @JsonProperty private String rolesClaim = "roles";
    @NotBlank @JsonProperty private String tenantClaim = "tenant_id";
    @NotBlank @JsonProperty private String realm = "trading-control";
    @JsonProperty private String publicKeyPem;
    @Valid @JsonProperty private JwksConfig jwks;
    @JsonProperty private boolean allowHs256;
    @JsonProperty private String hs256Secret;
    /**
     * Key of the HMAC that seals audit-search continuation tokens (at least 32 bytes). Unset: a random
     * key per process, so a token only pages on the instance that issued it; set the same value on
     * every instance behind one load balancer.
     */
    @JsonProperty private String continuationSecret;

    @JsonIgnore
    @ValidationMethod(message = "must set exactly one of auth.publicKeyPem, auth.jwks, auth.hs256Secret")
    public boolean isExactlyOneKeySource() {
        return Stream.of(publicKeyPem, jwks, hs256Secret).filter(v -> v != null).count() == 1;
    }

    @JsonIgnore
    @ValidationMethod(message = "auth.hs256Secret is only accepted together with auth.allowHs256: true")
    public boolean isHs256ExplicitlyAllowed() {
        return hs256Secret == null || allowHs256;
    }

    @JsonIgnore
    @ValidationMethod(message = "auth.hs256Secret must be at least 32 bytes (HS256 needs a 256-bit key)")
    public boolean isHs256SecretLongEnough() {
        return hs256Secret == null || hs256Secret.getBytes(StandardCharsets.UTF_8).length >= 32;
    }

    @JsonIgnore
    @ValidationMethod(message = "auth.publicKeyPem must be a PEM-encoded RSA (2048+ bits) or EC P-256 public key")
    public boolean isPublicKeyPemUsable() {
        return publicKeyPem == null || PublicKeys.isUsable(publicKeyPem);
    }

    @JsonIgnore
    @ValidationMethod(message = "auth.continuationSecret must be at least 32 bytes")
    public boolean isContinuationSecretLongEnough() {
        return continuationSecret == null || continuationSecret.getBytes(StandardCharsets.UTF_8).length >= 32;
    }

    public String getContinuationSecret() { return continuationSecret; }
    public void setContinuationSecret(String continuationSecret) { this.continuationSecret = continuationSecret; }
    public String getIssuer() { return issuer; }
    public void setIssuer(String issuer) { this.issuer = issuer; }
    public String getAudience() { return audience; }
    public void setAudience(String audience) { this.audience = audience; }
    public Duration getClockSkew() { return clockSkew; }
    public void setClockSkew(Duration clockSkew) { this.clockSkew = clockSkew; }
    public String getRolesClaim() { return rolesClaim; }
    public void setRolesClaim(String rolesClaim) { this.rolesClaim = rolesClaim; }
    public String getTenantClaim() { return tenantClaim; }
    public void setTenantClaim(String tenantClaim) { this.tenantClaim = tenantClaim; }
    public String getRealm() { return realm; }
    public void setRealm(String realm) { this.realm = realm; }
    public String getPublicKeyPem() { return publicKeyPem; }
    public void setPublicKeyPem(String publicKeyPem) { this.publicKeyPem = publicKeyPem; }
    public JwksConfig getJwks() { return jwks; }
    public void setJwks(JwksConfig jwks) { this.jwks = jwks; }
    public boolean isAllowHs256() { return allowHs256; }
    public void setAllowHs256(boolean allowHs256) { this.allowHs256 = allowHs256; }
    public String getHs256Secret() { return hs256Secret; }
    public void setHs256Secret(String hs256Secret) { this.hs256Secret = hs256Secret; }
}
