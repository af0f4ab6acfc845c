package com.tradingcontrol.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.auth.AuthConfig;
import com.tradingcontrol.api.auth.JwtVerifier;
import com.tradingcontrol.api.support.TestKeys;
import com.tradingcontrol.api.support.Tokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The admin servlet bound beyond loopback on purpose: callers from elsewhere need an admin token.
 * (Servlet stubs, because this machine's tests may only talk to loopback addresses.)
 */
class AdminAccessTest {
    private final AdminAccess access = new AdminAccess(verifier(), new ObjectMapper(), "trading-control");

    private static JwtVerifier verifier() {
        AuthConfig config = new AuthConfig();
        config.setIssuer(Tokens.ISSUER);
        config.setAudience(Tokens.AUDIENCE);
        config.setPublicKeyPem(TestKeys.rsaPem());
        return JwtVerifier.fromConfig(config);
    }

    private record Outcome(boolean passed, int status, String body) {}

    private Outcome call(String remoteAddress, String authorization) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remoteAddress;
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    default -> null;
                });
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, Object> state = new HashMap<>(Map.of("status", 200));
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> state.put("status", args[0]);
                    case "getOutputStream" -> new ServletOutputStream() {
                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(WriteListener listener) {
                        }

                        @Override
                        public void write(int b) {
                            body.write(b);
                        }
                    };
                    default -> null;
                });
        AtomicBoolean passed = new AtomicBoolean();
        FilterChain chain = (req, res) -> passed.set(true);
        access.doFilter(request, response, chain);
        return new Outcome(passed.get(), (Integer) state.get("status"), body.toString());
    }

    @Test
    void loopbackCallersPassAsBefore() throws Exception {
        assertThat(call("127.0.0.1", null).passed()).isTrue();
        assertThat(call("::1", null).passed()).isTrue();
    }

    @Test
    void remoteCallersNeedAnAdminToken() throws Exception {
        Outcome anonymous = call("192.0.2.10", null);
        assertThat(anonymous.passed()).isFalse();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).contains("UNAUTHORIZED");

        Outcome operator = call("192.0.2.10", "Bearer " + Tokens.operator());
        assertThat(operator.passed()).isFalse();
        assertThat(operator.status()).isEqualTo(403);

        assertThat(call("192.0.2.10", "Bearer not-a-jwt").status()).isEqualTo(401);
        assertThat(call("192.0.2.10", "Bearer " + Tokens.admin()).passed()).isTrue();
    }
}
