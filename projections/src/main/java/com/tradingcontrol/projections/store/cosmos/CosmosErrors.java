package com.tradingcontrol.projections.store.cosmos;

import com.azure.cosmos.CosmosException;
import com.tradingcontrol.projections.store.ConflictException;
import com.tradingcontrol.projections.store.NotFoundException;
import com.tradingcontrol.projections.store.PreconditionFailedException;
import com.tradingcontrol.projections.store.ProjectionStoreException;
import com.tradingcontrol.projections.store.StoreUnavailableException;
import com.tradingcontrol.projections.store.ThrottledException;

/** Maps Cosmos DB status codes onto the port's exceptions. */
final class CosmosErrors {

    private CosmosErrors() {
    }

    static RuntimeException translate(CosmosException e, String what) {
        String message = what + ": " + e.getStatusCode() + "/" + e.getSubStatusCode() + " " + firstLine(e.getMessage());
        return switch (e.getStatusCode()) {
            case 400 -> new IllegalArgumentException(message, e);
            case 404 -> new NotFoundException(message, e);
            case 409 -> new ConflictException(message, e);
            case 412 -> new PreconditionFailedException(message, e);
            // The SDK has already retried within its ThrottlingRetryOptions budget when this surfaces.
            case 429 -> new ThrottledException(message, e.getRetryAfterDuration(), e);
            // 0 = no response at all (connection refused, DNS, client-side timeout).
            case 0, 408, 410, 449, 500, 502, 503, 504 -> new StoreUnavailableException(message, e);
            default -> new ProjectionStoreException(message, e);
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
