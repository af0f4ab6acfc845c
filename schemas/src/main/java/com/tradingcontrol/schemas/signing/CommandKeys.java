package com.tradingcontrol.schemas.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 command-signing keys as PEM: the private key (PKCS#8, held by the API only) and the
 * public key (X.509 SubjectPublicKeyInfo, given to the processors). Errors name the file.
 */
public final class CommandKeys {
    public static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private CommandKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no " + ALGORITHM + " (Java 15+ is required)", e);
        }
    }

    public static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(file, PRIVATE)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an " + ALGORITHM + " private key in PKCS#8 PEM: " + e.getMessage(), e);
        }
    }

    public static PublicKey readPublic(Path file) throws IOException {
        return parsePublic(Files.readString(file), file.toString());
    }

    /** @param source names the key in the error (a file or a configuration key) */
    public static PublicKey parsePublic(String pem, String source) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, PUBLIC, source)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(source + " is not an " + ALGORITHM + " public key in PEM: " + e.getMessage(), e);
        }
    }

    public static String pem(PrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    public static String pem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    /**
     * The local launcher's key pair: {@code dir/command-signing-key.pem} (private, owner-only) and
     * {@code dir/command-signing-key.pub.pem}, generated on first use like the dev JWT key.
     */
    public static Path[] loadOrCreate(Path dir) throws IOException {
        Path privateFile = dir.resolve("command-signing-key.pem");
        Path publicFile = dir.resolve("command-signing-key.pub.pem");
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            KeyPair pair = generate();
            write(publicFile, pem(pair.getPublic()));
            write(privateFile, pem(pair.getPrivate()));
        }
        readPrivate(privateFile);
        readPublic(publicFile);
        return new Path[] {privateFile, publicFile};
    }

    private static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the data dir's own permissions apply.
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] der(Path file, String type) throws IOException {
        return der(Files.readString(file), type, file.toString());
    }

    private static byte[] der(String pem, String type, String source) throws IOException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(source + " has no '" + begin + "' block");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
