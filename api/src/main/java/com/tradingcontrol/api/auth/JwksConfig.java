package com.tradingcontrol.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** {@code auth.jwks:} section — where to fetch verification keys and how to cache, refresh and retry. */
public class JwksConfig {
    @NotNull @JsonProperty private URI url;
    /** How long a fetched key set is used before it is fetched again. */
    @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty private Duration cacheTtl = Duration.minutes(5);
    /** How long a request waits for a refresh another request started. */
    @NotNull @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @JsonProperty private Duration refreshTimeout = Duration.seconds(5);
    /** Refresh in the background this long before the cached set expires. */
    @NotNull @MinDuration(0)
    @JsonProperty private Duration refreshAhead = Duration.seconds(30);
    /** Minimum time between fetches triggered by unknown key ids (protects the issuer from token spam). */
    @NotNull @MinDuration(0)
    @JsonProperty private Duration rateLimit = Duration.seconds(10);
    /** Retry a failed fetch once before giving up. */
    @JsonProperty private boolean retry = true;
    @NotNull @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS) @MaxDuration(value = 1, unit = TimeUnit.MINUTES)
    @JsonProperty private Duration connectTimeout = Duration.seconds(2);
    @NotNull @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS) @MaxDuration(value = 1, unit = TimeUnit.MINUTES)
    @JsonProperty private Duration readTimeout = Duration.seconds(2);

    public URI getUrl() { return url; }
    public void setUrl(URI url) { this.url = url; }
    public Duration getCacheTtl() { return cacheTtl; }
    public void setCacheTtl(Duration cacheTtl) { this.cacheTtl = cacheTtl; }
    public Duration getRefreshTimeout() { return refreshTimeout; }
    public void setRefreshTimeout(Duration refreshTimeout) { this.refreshTimeout = refreshTimeout; }
    public Duration getRefreshAhead() { return refreshAhead; }
    public void setRefreshAhead(Duration refreshAhead) { this.refreshAhead = refreshAhead; }
    public Duration getRateLimit() { return rateLimit; }
    public void setRateLimit(Duration rateLimit) { this.rateLimit = rateLimit; }
    public boolean isRetry() { return retry; }
    public void setRetry(boolean retry) { this.retry = retry; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getReadTimeout() { return readTimeout; }
    public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
}
