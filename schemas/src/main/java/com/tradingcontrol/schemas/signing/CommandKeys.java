package com.tradingcontrol.schemas.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Command-signing keys: HMAC-SHA256 secrets of at least {@link #MIN_BYTES} random bytes, kept in a
 * file as one line of base64 (readable by the API and the processors only). Errors name the file
 * but never show its content.
 */
public final class CommandKeys {
    public static final String ALGORITHM = "HmacSHA256";
    public static final int MIN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CommandKeys() {
    }

    public static byte[] generate() {
        byte[] secret = new byte[MIN_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The file's content as written by {@link #write}: base64 of the secret. */
    public static String encode(byte[] secret) {
        return Base64.getEncoder().encodeToString(secret) + "\n";
    }

    public static byte[] read(Path file) throws IOException {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a base64 key (" + e.getMessage() + ")", e);
        }
        if (secret.length < MIN_BYTES) {
            throw new IOException(file + " holds a key of " + secret.length + " bytes; at least " + MIN_BYTES
                    + " random bytes are required");
        }
        return secret;
    }

    /** Writes a key file readable by its owner only (atomically: never a half-written key). */
    public static void write(Path file, byte[] secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, encode(secret));
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the data dir's own permissions apply.
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The local launcher's key, {@code dir/command-signing-key}, generated on first use like the dev
     * JWT key; the API signs with it and the processors of the same launcher verify with it.
     */
    public static Path loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve("command-signing-key");
        if (!Files.exists(file)) {
            write(file, generate());
        }
        read(file);
        return file;
    }
}
