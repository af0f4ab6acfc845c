package com.tradingcontrol.api.auth;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Bearer authentication for REST from the {@code Authorization} header only. Dropwizard's
 * {@code OAuthCredentialAuthFilter} also takes {@code ?access_token=}, which puts tokens into proxy
 * and access logs, browser history and Referer headers; only the websocket handshake (where browsers
 * cannot set headers) accepts the query parameter, see {@link BearerTokens}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class HeaderBearerAuthFilter extends AuthFilter<String, Caller> {

    private HeaderBearerAuthFilter() {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String token = BearerTokens.fromHeader(request.getHeaderString(HttpHeaders.AUTHORIZATION)).orElse(null);
        if (!authenticate(request, token, AuthSetup.SCHEME)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    public static final class Builder extends AuthFilterBuilder<String, Caller, HeaderBearerAuthFilter> {
        @Override
        protected HeaderBearerAuthFilter newInstance() {
            return new HeaderBearerAuthFilter();
        }
    }
}
