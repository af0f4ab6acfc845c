package com.tradingcontrol.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.tradingcontrol.schemas.serde.TestSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InProcessSchemaRegistryTest {

    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final Schema v1 = TestSchemas.parse(TestSchemas.ORDER_V1);
    private final Schema v2 = TestSchemas.parse(TestSchemas.ORDER_V2);

    @Test
    void reRegisteringTheSameSchemaReturnsTheSameIdWithoutANewVersion() {
        int id = registry.register("orders-value", v1);
        int again = registry.register("orders-value", TestSchemas.parse(TestSchemas.ORDER_V1));

        assertThat(again).isEqualTo(id);
        assertThat(registry.latest("orders-value").version()).isEqualTo(1);
    }

    @Test
    void listsSubjectsTheirVersionsTheUsagesOfAnIdAndOnlyLevelsSetOnASubject() {
        int first = registry.register("orders-value", v1);
        int second = registry.register("orders-value", v2);
        registry.register("archive-value", v1);
        registry.setCompatibility("archive-value", CompatibilityLevel.NONE);

        assertThat(registry.subjects()).containsExactly("archive-value", "orders-value");
        assertThat(registry.versions("orders-value")).extracting(SchemaVersion::id).containsExactly(first, second);
        assertThat(registry.versions("missing-value")).isEmpty();
        assertThat(registry.versionsWithId(first)).extracting(SchemaVersion::subject, SchemaVersion::version)
                .containsExactly(tuple("archive-value", 1),
                        tuple("orders-value", 1));
        assertThat(registry.subjectCompatibility("archive-value")).contains(CompatibilityLevel.NONE);
        assertThat(registry.subjectCompatibility("orders-value")).isEmpty();
        assertThat(registry.compatibilityProblems("orders-value", TestSchemas.parse(TestSchemas.ORDER_BREAKING)))
                .isNotEmpty();
    }

    @Test
    void idsAreGlobalAndSharedAcrossSubjectsWhileVersionsArePerSubject() {
        int first = registry.register("orders-value", v1);
        int second = registry.register("orders-value", v2);
        int sameSchemaOtherSubject = registry.register("archive-value", v1);

        assertThat(second).isNotEqualTo(first);
        assertThat(sameSchemaOtherSubject).isEqualTo(first);
        assertThat(registry.latest("orders-value")).isEqualTo(new SchemaVersion("orders-value", 2, second, v2));
        assertThat(registry.latest("archive-value").version()).isEqualTo(1);
        assertThat(registry.getById(first)).isEqualTo(v1);
        assertThat(registry.lookupId("archive-value", v1)).isEqualTo(first);
    }

    @Test
    void incompatibleRegistrationIsRejectedWithATypedExceptionAndLeavesNoVersion() {
        registry.register("orders-value", v1);
        Schema breaking = TestSchemas.parse(TestSchemas.ORDER_BREAKING);

        assertThat(registry.testCompatibility("orders-value", breaking)).isFalse();
        assertThatThrownBy(() -> registry.register("orders-value", breaking))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("orders-value").hasMessageContaining("BACKWARD").hasMessageContaining("price")
                .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(409);
        assertThat(registry.latest("orders-value").schema()).isEqualTo(v1);
        assertThat(registry.testCompatibility("orders-value", v2)).isTrue();
    }

    @Test
    void subjectLevelOverridesTheGlobalOne() {
        registry.register("orders-value", v1);
        registry.setCompatibility("orders-value", CompatibilityLevel.NONE);

        int id = registry.register("orders-value", TestSchemas.parse(TestSchemas.ORDER_BREAKING));

        assertThat(registry.latest("orders-value").id()).isEqualTo(id);
        assertThat(registry.getCompatibility("orders-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(registry.getCompatibility("other")).isEqualTo(CompatibilityLevel.BACKWARD);
        registry.setCompatibility(null, CompatibilityLevel.FULL);
        assertThat(registry.getCompatibility("other")).isEqualTo(CompatibilityLevel.FULL);
        assertThat(registry.getCompatibility(null)).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void unknownIdsAndSubjectsAreNotFoundWithConfluentErrorCodes() {
        assertThatThrownBy(() -> registry.getById(42)).isInstanceOf(SchemaNotFoundException.class)
                .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(40403);
        assertThatThrownBy(() -> registry.latest("nope")).isInstanceOf(SchemaNotFoundException.class)
                .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(40401);
        assertThatThrownBy(() -> registry.lookupId("nope", v1)).isInstanceOf(SchemaNotFoundException.class);
        assertThat(registry.testCompatibility("nope", v1)).isTrue();
    }

    @Test
    void docOnlyChangesKeepTheIdButDefaultsAndLogicalTypesDoNot() {
        registry.setCompatibility(null, CompatibilityLevel.NONE);
        int id = registry.register("s", record("{\"name\":\"t\",\"type\":\"long\",\"doc\":\"first\"}"));

        assertThat(registry.register("s", record("{\"name\":\"t\",\"type\":\"long\",\"doc\":\"edited\"}"))).isEqualTo(id);
        assertThat(registry.register("s", record("{\"name\":\"t\",\"type\":\"long\",\"default\":0}"))).isNotEqualTo(id);
        assertThat(registry.register("s", record(
                "{\"name\":\"t\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}"))).isNotEqualTo(id);
    }

    @Test
    void concurrentRegistrationOfOneSchemaYieldsOneIdAndOneVersion() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                tasks.add(() -> registry.register("orders-value", TestSchemas.parse(TestSchemas.ORDER_V1)));
            }
            Set<Integer> ids = ConcurrentHashMap.newKeySet();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1);
            assertThat(registry.latest("orders-value").version()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Schema record(String field) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"T\",\"fields\":[" + field + "]}");
    }
}
