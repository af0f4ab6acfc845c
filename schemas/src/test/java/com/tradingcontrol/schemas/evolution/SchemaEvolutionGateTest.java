package com.tradingcontrol.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.schemas.ContractSchemas;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaEvolutionGateTest {
    private static final Path REPO_RELEASED = Path.of("src/main/released-schemas");
    private static final String ENVELOPE = CommandEnvelope.getClassSchema().getFullName();

    @TempDir
    Path released;

    @Test
    void currentSchemasReadEveryVersionReleasedInTheRepository() throws Exception {
        assertThat(ReleasedSchemas.list(REPO_RELEASED)).as("released versions are kept in the repo").isNotEmpty();
        assertThat(SchemaEvolutionGate.check(ContractSchemas.current(), REPO_RELEASED)).isEmpty();
    }

    /**
     * What ships is released: the release step on a copy of the repository's versions writes nothing.
     * A changed contract (fields, docs, defaults, or Java string properties of the generated classes)
     * that nobody released would otherwise reach a registry as a version the repository does not hold.
     */
    @Test
    void everyCurrentContractIsTheLatestReleasedVersion() throws Exception {
        for (Path file : ReleasedSchemas.list(REPO_RELEASED)) {
            Path copy = released.resolve(REPO_RELEASED.relativize(file));
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
        assertThat(ReleasedSchemas.release(ContractSchemas.current(), released))
                .as("contracts changed but not released: run ReleasedSchemas (its Javadoc) and commit the new versions")
                .isEmpty();
    }

    @Test
    void gateFailsOnANewFieldWithoutDefault() throws Exception {
        ReleasedSchemas.release(ContractSchemas.current(), released);
        Map<String, Schema> changed = withEnvelope(addField("desk", "{\"type\": \"string\"}"));

        List<SchemaEvolutionGate.Violation> violations = SchemaEvolutionGate.check(changed, released);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.contract()).isEqualTo(ENVELOPE);
            assertThat(v.releasedFile()).endsWith("v1.avsc");
            assertThat(v.detail()).contains("READER_FIELD_MISSING_DEFAULT").contains("desk");
        });
    }

    @Test
    void gateMainFailsTheBuildWithTheViolation() throws Exception {
        Path contractDir = Files.createDirectories(released.resolve(ENVELOPE));
        // Data written by a released version without requestId cannot be read by the current schema,
        // which requires requestId and gives it no default.
        Files.writeString(contractDir.resolve("v1.avsc"), removeField("requestId").toString());

        assertThatThrownBy(() -> SchemaEvolutionGate.main(new String[] {released.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Schema evolution gate failed")
                .hasMessageContaining("requestId");
    }

    @Test
    void addingAFieldWithADefaultPassesTheGate() throws Exception {
        ReleasedSchemas.release(ContractSchemas.current(), released);
        Map<String, Schema> changed = withEnvelope(addField("desk", "{\"type\": \"string\", \"default\": \"\"}"));

        assertThat(SchemaEvolutionGate.check(changed, released)).isEmpty();
    }

    @Test
    void transitiveCheckCoversEveryReleasedVersionNotOnlyTheLatest() throws Exception {
        ReleasedSchemas.release(ContractSchemas.current(), released);
        // v2 drops expectedVersion; a reader that requires it again (without default) can read v1 but not v2.
        ReleasedSchemas.release(withEnvelope(removeField("expectedVersion")), released);
        Map<String, Schema> reader = withEnvelope(replaceField("expectedVersion", "{\"type\": \"long\"}"));

        assertThat(SchemaEvolutionGate.check(reader, released))
                .extracting(SchemaEvolutionGate.Violation::releasedFile)
                .anySatisfy(file -> assertThat(file).endsWith("v2.avsc"));
    }

    @Test
    void releaseWritesANewVersionOnlyWhenTheSchemaChanged() throws Exception {
        assertThat(ReleasedSchemas.release(ContractSchemas.current(), released)).hasSize(ContractSchemas.current().size());
        assertThat(ReleasedSchemas.release(ContractSchemas.current(), released)).isEmpty();
        assertThat(ReleasedSchemas.release(withEnvelope(addField("desk", "{\"type\":\"string\",\"default\":\"\"}")), released))
                .singleElement().satisfies(p -> assertThat(p.toString()).endsWith(ENVELOPE + "/v2.avsc"));
    }

    @Test
    void aRemovedContractIsAViolation() throws Exception {
        ReleasedSchemas.release(ContractSchemas.current(), released);
        Map<String, Schema> withoutEnvelope = new HashMap<>(ContractSchemas.current());
        withoutEnvelope.remove(ENVELOPE);

        assertThat(SchemaEvolutionGate.check(withoutEnvelope, released))
                .singleElement().satisfies(v -> assertThat(v.detail()).contains("removed"));
    }

    private static Map<String, Schema> withEnvelope(Schema envelope) {
        Map<String, Schema> all = new HashMap<>(ContractSchemas.current());
        all.put(ENVELOPE, envelope);
        return all;
    }

    private static Schema addField(String name, String typeJson) throws Exception {
        ObjectNode json = envelopeJson();
        ObjectNode field = (ObjectNode) new ObjectMapper().readTree(typeJson);
        field.put("name", name).put("doc", "test field");
        ((ArrayNode) json.get("fields")).add(field);
        return new Schema.Parser().parse(json.toString());
    }

    private static Schema removeField(String name) throws Exception {
        ObjectNode json = envelopeJson();
        ArrayNode fields = (ArrayNode) json.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(name)) {
                fields.remove(i);
            }
        }
        return new Schema.Parser().parse(json.toString());
    }

    private static Schema replaceField(String name, String typeJson) throws Exception {
        ObjectNode json = envelopeJson();
        for (var field : json.get("fields")) {
            if (field.get("name").asText().equals(name)) {
                ObjectNode f = (ObjectNode) field;
                f.set("type", new ObjectMapper().readTree(typeJson).get("type"));
                f.remove("default");
            }
        }
        return new Schema.Parser().parse(json.toString());
    }

    private static ObjectNode envelopeJson() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(CommandEnvelope.getClassSchema().toString());
    }
}
