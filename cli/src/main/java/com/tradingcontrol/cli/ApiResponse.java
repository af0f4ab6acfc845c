package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful (2xx) API answer: status, the raw body as received, and its parsed JSON. */
public record ApiResponse(int status, String body, JsonNode json, String requestId, String location) {
}
