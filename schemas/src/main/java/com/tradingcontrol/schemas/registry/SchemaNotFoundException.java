package com.tradingcontrol.schemas.registry;

/**
 * The registry has no such schema id, subject or version (HTTP 404). {@link #errorCode()} tells
 * which: {@value SchemaRegistryException#SUBJECT_NOT_FOUND} for a subject,
 * {@value SchemaRegistryException#SCHEMA_NOT_FOUND} for a schema or id.
 */
public class SchemaNotFoundException extends SchemaRegistryException {
    public SchemaNotFoundException(int httpStatus, int errorCode, String message) {
        super(httpStatus, errorCode, message);
    }

    public SchemaNotFoundException(int errorCode, String message) {
        this(404, errorCode, message);
    }
}
