package com.tradingcontrol.processors.audit;

import com.tradingcontrol.schemas.avro.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The hash of an audit record: {@code hash = hex(SHA-256(utf8(prevHash) || canonicalBytes))}, where
 * the canonical bytes are the plain Avro binary encoding (no wire-format header, no schema id) of the
 * record under its own schema with {@code hash} set to the empty string. Every other field,
 * including {@code prevHash}, {@code chainId} and {@code chainSequence}, is covered, so a record
 * cannot be moved to another place in the chain without breaking it.
 *
 * <p>Avro binary encoding is deterministic for a given schema (fields in schema order, no maps in
 * AuditRecord), which is why it can serve as the canonical form. A verifier must therefore encode
 * with the schema the record was written with; if AuditRecord ever evolves, verification has to
 * read old records as GenericRecords with their writer schema.
 */
public final class AuditHashing {

    /** prevHash of the first record of every chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    // Built once: a DatumWriter is thread-safe and building one walks the whole schema (issue 7 profile).
    private static final SpecificDatumWriter<AuditRecord> WRITER = new SpecificDatumWriter<>(AuditRecord.class);

    private AuditHashing() {
    }

    /** Computes the hash the record should carry, ignoring whatever its {@code hash} field holds. */
    public static String hashOf(AuditRecord record) {
        MessageDigest digest = sha256();
        digest.update(record.getPrevHash().getBytes(StandardCharsets.UTF_8));
        digest.update(canonicalBytes(record));
        return HEX.formatHex(digest.digest());
    }

    /** Avro binary encoding of a copy of the record with {@code hash = ""}. */
    public static byte[] canonicalBytes(AuditRecord record) {
        // The chain hashes records built with hash "" already; only copy (a deep copy) when it is set.
        AuditRecord unhashed = record.getHash() != null && record.getHash().isEmpty() ? record
                : AuditRecord.newBuilder(record).setHash("").build();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            WRITER.write(unhashed, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode audit record " + record.getAuditId(), e);
        }
        return out.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256, so this is a broken runtime, not a recoverable case.
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }
}
