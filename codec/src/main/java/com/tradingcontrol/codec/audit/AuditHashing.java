package com.tradingcontrol.codec.audit;

import com.tradingcontrol.schemas.avro.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
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
 * with the schema the record was written with: {@link #hashOf(GenericRecord)} takes the record as it
 * was written (a {@link GenericRecord} decoded with its writer schema, see {@link AuditDecoding}), so
 * records sealed under an older (or newer) AuditRecord schema keep verifying after the schema evolves.
 */
public final class AuditHashing {

    /** prevHash of the first record of every chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    // Built once: a DatumWriter is thread-safe and building one walks the whole schema (issue 7 profile).
    private static final SpecificDatumWriter<AuditRecord> WRITER = new SpecificDatumWriter<>(AuditRecord.class);
    /** Writers for records decoded with their writer schema, one per schema (a handful over the log's life). */
    private static final Map<Schema, GenericDatumWriter<GenericRecord>> GENERIC_WRITERS = new ConcurrentHashMap<>();

    private AuditHashing() {
    }

    /** Computes the hash the record should carry, ignoring whatever its {@code hash} field holds. */
    public static String hashOf(AuditRecord record) {
        return hash(record.getPrevHash(), canonicalBytes(record));
    }

    /**
     * The hash of a record as it was written: {@code record} carries its writer schema (decoded with
     * {@link org.apache.avro.generic.GenericData} and no logical-type conversions, so every value is
     * re-encoded exactly as it was read) and is encoded under that schema, not the current one.
     */
    public static String hashOf(GenericRecord record) {
        if (record instanceof AuditRecord specific) {
            return hashOf(specific);
        }
        Schema schema = record.getSchema();
        GenericData.Record unhashed = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            unhashed.put(field.pos(), record.get(field.pos()));
        }
        unhashed.put("hash", "");
        GenericDatumWriter<GenericRecord> writer = GENERIC_WRITERS.computeIfAbsent(schema,
                s -> new GenericDatumWriter<>(s, GenericData.get()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(unhashed, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode audit record " + record.get("auditId"), e);
        }
        return hash(String.valueOf(record.get("prevHash")), out.toByteArray());
    }

    private static String hash(String prevHash, byte[] canonical) {
        MessageDigest digest = sha256();
        digest.update(prevHash.getBytes(StandardCharsets.UTF_8));
        digest.update(canonical);
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
