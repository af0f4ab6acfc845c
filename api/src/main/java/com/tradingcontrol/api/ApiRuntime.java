package com.tradingcontrol.api;

import com.tradingcontrol.api.auth.JwtVerifier;
import com.tradingcontrol.api.health.ReadinessRegistry;
import com.tradingcontrol.api.ws.PushHub;

/** The application's shared components, handed to every {@link ApiExtension}. */
public record ApiRuntime(PushHub pushHub, ReadinessRegistry readiness, JwtVerifier verifier) {}
