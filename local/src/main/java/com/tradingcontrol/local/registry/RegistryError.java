package com.tradingcontrol.local.registry;

/**
 * A Confluent Schema Registry error answer: HTTP status plus the body {@code {"error_code", "message"}}.
 * The codes are Confluent's, so stock clients (which branch on {@code error_code}) behave as they
 * would against Confluent's server.
 */
final class RegistryError extends RuntimeException {
    static final int SUBJECT_NOT_FOUND = 40401;
    static final int VERSION_NOT_FOUND = 40402;
    static final int SCHEMA_NOT_FOUND = 40403;
    static final int SUBJECT_LEVEL_NOT_CONFIGURED = 40408;
    static final int INCOMPATIBLE = 409;
    static final int INVALID_SCHEMA = 42201;
    static final int INVALID_VERSION = 42202;
    static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    static final int STORE_ERROR = 50001;

    private final int status;
    private final int errorCode;

    RegistryError(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String subject, int version) {
        return new RegistryError(404, VERSION_NOT_FOUND, "Version " + version + " not found for subject '"
                + subject + "'.");
    }

    static RegistryError schemaNotFound(String what) {
        return new RegistryError(404, SCHEMA_NOT_FOUND, "Schema not found: " + what);
    }

    static RegistryError invalidSchema(String why) {
        return new RegistryError(422, INVALID_SCHEMA, "Invalid schema: " + why);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    /** Jersey-style answers for unknown paths, wrong methods, bad bodies: error_code equals the status. */
    static RegistryError http(int status, String message) {
        return new RegistryError(status, status, message);
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }
}
