package com.tradingcontrol.cli;

import java.net.URI;

/** Where the API is and which bearer token to send. */
public record Connection(URI api, String token) {
}
