package com.tradingcontrol.api.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.auth.JwtVerifier;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What both push channels share: the hub, token verification, the per-principal connection cap and
 * the scheduler that closes connections when their tokens expire.
 *
 * @param clockSkew the tolerance the token verifier allows; a connection lives until exp + clockSkew
 */
record PushServer(PushHub hub, JwtVerifier verifier, WebSocketConfig config, ConnectionLimiter limiter,
                  ScheduledExecutorService expiries, Duration clockSkew, ObjectMapper mapper, String realm) {}
