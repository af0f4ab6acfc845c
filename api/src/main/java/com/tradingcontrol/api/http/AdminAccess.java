package com.tradingcontrol.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.auth.AuthSetup;
import com.tradingcontrol.api.auth.BearerTokens;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.InvalidTokenException;
import com.tradingcontrol.api.auth.JwtVerifier;
import com.tradingcontrol.api.auth.KeysUnavailableException;
import com.tradingcontrol.api.auth.ProblemUnauthorizedHandler;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.errors.Problems;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The admin servlet has no authentication of its own. By default its connector is bound to loopback;
 * if an operator binds it elsewhere on purpose, a caller from another host must present an admin
 * bearer token (the same tokens as the API). Callers on the host itself (loopback) pass as before.
 */
public final class AdminAccess implements Filter {
    private final JwtVerifier verifier;
    private final ObjectMapper mapper;
    private final String realm;

    public AdminAccess(JwtVerifier verifier, ObjectMapper mapper, String realm) {
        this.verifier = verifier;
        this.mapper = mapper;
        this.realm = realm;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        if (isLoopback(http.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = caller(http, out);
        if (caller.isEmpty()) {
            return;
        }
        if (!caller.get().hasRole(Roles.ADMIN)) {
            Problems.write(out, mapper, Problems.of(ProblemCode.FORBIDDEN, "The admin servlet requires the admin role."));
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<Caller> caller(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> token = BearerTokens.fromHeader(request.getHeader("Authorization"));
        try {
            if (token.isPresent()) {
                return Optional.of(verifier.verify(token.get()));
            }
        } catch (InvalidTokenException e) {
            // answered as a missing token below: the caller learns nothing about why
        } catch (KeysUnavailableException e) {
            Problems.write(response, mapper, Problems.of(ProblemCode.AUTH_UNAVAILABLE,
                    "Token verification keys are temporarily unavailable; retry shortly."));
            return Optional.empty();
        }
        response.setHeader("WWW-Authenticate", ProblemUnauthorizedHandler.challenge(AuthSetup.SCHEME, realm));
        Problems.write(response, mapper, Problems.of(ProblemCode.UNAUTHORIZED, ProblemUnauthorizedHandler.DETAIL));
        return Optional.empty();
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
