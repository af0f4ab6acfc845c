package com.tradingcontrol.schemas.registry;

/** Registration refused because the schema breaks the subject's compatibility level (HTTP 409). */
public class IncompatibleSchemaException extends SchemaRegistryException {
    public IncompatibleSchemaException(int httpStatus, int errorCode, String message) {
        super(httpStatus, errorCode, message);
    }

    public IncompatibleSchemaException(String message) {
        this(409, INCOMPATIBLE, message);
    }
}
