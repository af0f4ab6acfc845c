package com.tradingcontrol.schemas.signing;

import com.tradingcontrol.schemas.avro.CommandEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * The bytes a command signature covers: every field of the envelope except {@code signature}, as a
 * type-tagged, length-prefixed encoding with record fields in name order.
 *
 * <p>Why not the Avro binary encoding: a reader on a newer schema fills fields the writer did not
 * know with their defaults, so re-encoding would change the bytes and break every signature at the
 * first compatible schema change. Here a field holding its default value is left out, so adding a
 * field with a default keeps old signatures valid, while a newer field with a real value is covered
 * (an older verifier that does not know the field fails closed). Record names are covered too, so a
 * payload cannot be swapped for another type with the same fields.
 */
public final class CanonicalForm {
    /** Version tag in front of the bytes; a new encoding gets a new tag. */
    static final String VERSION = "tcp-command-v1";
    private static final String SIGNATURE_FIELD = "signature";

    private CanonicalForm() {
    }

    public static byte[] of(CommandEnvelope envelope) {
        return ofEnvelope(envelope);
    }

    /** As {@link #of(CommandEnvelope)}, for an envelope read generically (e.g. under another schema version). */
    public static byte[] ofEnvelope(IndexedRecord envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, VERSION);
            record(out, envelope, SIGNATURE_FIELD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The canonical form of any contract record (e.g. a command payload), under the same version tag. */
    public static byte[] of(IndexedRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, VERSION);
            record(out, record, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void record(DataOutputStream out, IndexedRecord record, String skipped) throws IOException {
        out.writeByte('R');
        text(out, record.getSchema().getFullName());
        List<Schema.Field> fields = record.getSchema().getFields().stream()
                .sorted(Comparator.comparing(Schema.Field::name)).toList();
        for (Schema.Field field : fields) {
            Object value = record.get(field.pos());
            if (field.name().equals(skipped) || isDefault(field, value)) {
                continue;
            }
            text(out, field.name());
            value(out, value);
        }
        out.writeByte('E');
    }

    private static boolean isDefault(Schema.Field field, Object value) throws IOException {
        if (!field.hasDefaultValue()) {
            return false;
        }
        return Arrays.equals(encoded(value), encoded(GenericData.get().getDefaultValue(field)));
    }

    private static byte[] encoded(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            value(out, value);
        }
        return bytes.toByteArray();
    }

    private static void value(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte('N');
        } else if (value instanceof CharSequence || value instanceof GenericEnumSymbol<?> || value instanceof Enum<?>) {
            out.writeByte('S');
            text(out, value.toString());
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? 'T' : 'F');
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeByte('L');
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Float || value instanceof Double) {
            out.writeByte('D');
            out.writeLong(Double.doubleToLongBits(((Number) value).doubleValue()));
        } else if (value instanceof Instant instant) {
            // timestamp-millis is the only logical timestamp in the contracts.
            out.writeByte('L');
            out.writeLong(instant.toEpochMilli());
        } else if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            out.writeByte('B');
            out.writeInt(copy.length);
            out.write(copy);
        } else if (value instanceof IndexedRecord nested) {
            record(out, nested, null);
        } else if (value instanceof List<?> list) {
            out.writeByte('A');
            out.writeInt(list.size());
            for (Object item : list) {
                value(out, item);
            }
        } else if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("maps have no canonical form yet; the command contract has none");
        } else {
            throw new IllegalArgumentException("no canonical form for " + value.getClass().getName());
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
