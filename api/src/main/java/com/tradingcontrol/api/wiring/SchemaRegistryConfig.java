package com.tradingcontrol.api.wiring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import java.net.URI;

/**
 * {@code schemaRegistry:} section: a Confluent-compatible registry ({@code url}) or the in-process
 * registry persisted in {@code inProcessDir}; exactly one. (A launcher running everything in one JVM
 * hands its in-memory registry to {@code ApiWiring} directly instead.)
 */
public class SchemaRegistryConfig {
    @JsonProperty private URI url;
    @JsonProperty private String inProcessDir;

    public URI getUrl() { return url; }
    public void setUrl(URI url) { this.url = url; }
    public String getInProcessDir() { return inProcessDir; }
    public void setInProcessDir(String inProcessDir) { this.inProcessDir = inProcessDir; }

    @JsonIgnore
    @AssertTrue(message = "set exactly one of schemaRegistry.url (http/https) and schemaRegistry.inProcessDir")
    public boolean isExactlyOneSource() {
        boolean hasUrl = url != null;
        boolean hasDir = inProcessDir != null && !inProcessDir.isBlank();
        boolean urlOk = !hasUrl || ("http".equals(url.getScheme()) || "https".equals(url.getScheme()));
        return hasUrl != hasDir && urlOk;
    }
}
