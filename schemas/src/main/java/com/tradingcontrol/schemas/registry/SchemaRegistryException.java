package com.tradingcontrol.schemas.registry;

/**
 * A schema registry call failed. Carries the Confluent-style {@code error_code} (e.g. 40401 subject
 * not found, 40403 schema not found, 409 incompatible, 42201 invalid schema, 50001 store error) and
 * the HTTP status when the registry is remote; both are {@value #NO_CODE} when the registry could
 * not be reached at all.
 */
public class SchemaRegistryException extends RuntimeException {
    public static final int NO_CODE = 0;
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE = 409;
    public static final int INVALID_SCHEMA = 42201;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message + " (http " + httpStatus + ", error_code " + errorCode + ")");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = NO_CODE;
        this.errorCode = NO_CODE;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }
}
