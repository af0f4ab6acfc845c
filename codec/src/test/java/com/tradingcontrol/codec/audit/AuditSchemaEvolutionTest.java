package com.tradingcontrol.codec.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.AvroSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * AuditRecord evolves (a new optional field) while the log keeps records of both schemas: a chain
 * whose first records were sealed under the current schema and whose later ones under the evolved
 * one verifies end to end when each record is hashed with the schema it was written with, and
 * tampering is still caught in either part.
 */
class AuditSchemaEvolutionTest {

    private static final String TOPIC = "trading.audit";
    private static final String CHAIN = "chain-0";

    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final AvroSerializer<Object> serializer = new AvroSerializer<>(registry, false);
    private final AuditDecoding decoding = new AuditDecoding(registry);

    @Test
    void aChainSpanningTheSchemaChangeVerifies() {
        List<byte[]> log = mixedChain();

        ChainVerification result = AuditChainVerifier.verify(CHAIN, decode(log));

        assertThat(result.isIntact()).as("%s", result).isTrue();
        assertThat(((ChainVerification.Intact) result).records()).isEqualTo(4);
    }

    @Test
    void readingEvolvedRecordsWithTheCurrentSchemaAloneWouldMakeThemLookAltered() {
        List<AuditEntry> entries = decode(mixedChain());
        AuditEntry evolved = entries.get(2);

        assertThat(evolved.asWritten().getSchema().getField("approvedBy")).isNotNull();
        assertThat(AuditHashing.hashOf(evolved.record())).as("hash under the current schema")
                .isNotEqualTo(evolved.record().getHash());
        assertThat(AuditHashing.hashOf(evolved.asWritten())).isEqualTo(evolved.record().getHash());
    }

    @Test
    void tamperingWithTheNewFieldOfAnEvolvedRecordIsCaught() {
        List<byte[]> log = mixedChain();
        GenericRecord third = (GenericRecord) decoding.decode(TOPIC, 2, log.get(2)).asWritten();
        GenericData.Record forged = new GenericData.Record((GenericData.Record) third, true);
        forged.put("approvedBy", "mallory");
        log.set(2, serializer.serialize(TOPIC, forged));

        ChainVerification.Broken broken = (ChainVerification.Broken) AuditChainVerifier.verify(CHAIN, decode(log));

        assertThat(broken.kind()).isEqualTo(ChainVerification.Kind.ALTERED);
        assertThat(broken.chainSequence()).isEqualTo(3);
    }

    /** Records 1–2 written by today's processors, 3–4 by a future one with AuditRecord + approvedBy. */
    private List<byte[]> mixedChain() {
        List<byte[]> log = new ArrayList<>();
        ChainHead head = ChainHead.genesis(CHAIN);
        for (int i = 1; i <= 2; i++) {
            AuditChain.Appended appended = AuditChain.append(head, content(i));
            log.add(serializer.serialize(TOPIC, appended.record()));
            head = appended.head();
        }
        Schema evolved = evolvedSchema();
        for (int i = 3; i <= 4; i++) {
            GenericData.Record record = asEvolved(content(i).setChainId(CHAIN).setChainSequence(head.sequence() + 1)
                    .setPrevHash(head.hash()).setHash("").build(), evolved);
            record.put("approvedBy", i == 3 ? "second-admin" : null);
            String hash = AuditHashing.hashOf(record);
            record.put("hash", hash);
            log.add(serializer.serialize(TOPIC, record));
            head = new ChainHead(CHAIN, head.sequence() + 1, hash);
        }
        return log;
    }

    private List<AuditEntry> decode(List<byte[]> log) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            entries.add(decoding.decode(TOPIC, i, log.get(i)));
        }
        return entries;
    }

    /** The current AuditRecord schema with one more optional field, as a compatible evolution adds it. */
    private static Schema evolvedSchema() {
        Schema current = AuditRecord.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : current.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        Schema optionalString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        fields.add(new Schema.Field("approvedBy", optionalString, "second admin of a two-person release",
                Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }

    /** The record's values under {@code schema}, as a writer without the generated class would hold them. */
    private GenericData.Record asEvolved(AuditRecord record, Schema schema) {
        byte[] current = serializer.serialize(TOPIC, record);
        GenericRecord raw = decoding.decode(TOPIC, 0, current).asWritten();
        GenericData.Record out = new GenericData.Record(schema);
        for (Schema.Field f : raw.getSchema().getFields()) {
            out.put(f.name(), raw.get(f.name()));
        }
        return out;
    }

    private static AuditRecord.Builder content(int i) {
        String id = "cmd-" + i;
        return AuditRecord.newBuilder().setAuditId(id).setCommandId(id).setRequestId("req-" + i)
                .setProductId("platform").setActor(new Actor("alice", null, List.of("admin")))
                .setAction(i == 3 ? "ReleaseKillSwitch" : "PauseTrading").setAggregateId("global")
                .setOutcome(OutcomeStatus.ACCEPTED).setReason("reason " + i).setEventIds(List.of(id + ":0"))
                .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i));
    }
}
