package com.tradingcontrol.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Every record, enum and field of every published contract documents itself. */
class ContractDocumentationTest {

    @Test
    void everyRecordEnumAndFieldHasADoc() {
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ContractSchemas.current().values().forEach(s -> collect(s, seen, undocumented));

        assertThat(seen).hasSizeGreaterThan(20);
        assertThat(undocumented).isEmpty();
    }

    private static void collect(Schema schema, Set<String> seen, List<String> undocumented) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                requireDoc(schema.getFullName(), schema.getDoc(), undocumented);
                for (Schema.Field field : schema.getFields()) {
                    requireDoc(schema.getFullName() + "." + field.name(), field.doc(), undocumented);
                    collect(field.schema(), seen, undocumented);
                }
            }
            case ENUM -> {
                if (seen.add(schema.getFullName())) {
                    requireDoc(schema.getFullName(), schema.getDoc(), undocumented);
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collect(t, seen, undocumented));
            case ARRAY -> collect(schema.getElementType(), seen, undocumented);
            case MAP -> collect(schema.getValueType(), seen, undocumented);
            default -> { }
        }
    }

    private static void requireDoc(String name, String doc, List<String> undocumented) {
        if (doc == null || doc.isBlank()) {
            undocumented.add(name);
        }
    }
}
