package com.tradingcontrol.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.schemas.serde.TestSchemas;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {

    /** A real in-memory registry that counts the calls reaching it. */
    private static final class CountingRegistry implements SchemaRegistryClient {
        final InProcessSchemaRegistry real = InProcessSchemaRegistry.inMemory();
        final AtomicInteger registers = new AtomicInteger();
        final AtomicInteger getById = new AtomicInteger();
        final AtomicInteger latest = new AtomicInteger();

        @Override public int register(String subject, Schema schema) {
            registers.incrementAndGet();
            return real.register(subject, schema);
        }
        @Override public int lookupId(String subject, Schema schema) {
            return real.lookupId(subject, schema);
        }
        @Override public Schema getById(int id) {
            getById.incrementAndGet();
            return real.getById(id);
        }
        @Override public SchemaVersion latest(String subject) {
            latest.incrementAndGet();
            return real.latest(subject);
        }
        @Override public boolean testCompatibility(String subject, Schema schema) {
            return real.testCompatibility(subject, schema);
        }
        @Override public void setCompatibility(String subject, CompatibilityLevel level) {
            real.setCompatibility(subject, level);
        }
        @Override public CompatibilityLevel getCompatibility(String subject) {
            return real.getCompatibility(subject);
        }
    }

    private final CountingRegistry delegate = new CountingRegistry();
    private final CachingSchemaRegistryClient cache = new CachingSchemaRegistryClient(delegate);

    @Test
    void registersEachSubjectSchemaPairOnceAndServesItsIdFromCache() {
        int id = cache.register("a-value", TestSchemas.parse(TestSchemas.ORDER_V1));
        assertThat(cache.register("a-value", TestSchemas.parse(TestSchemas.ORDER_V1))).isEqualTo(id);
        assertThat(cache.register("b-value", TestSchemas.parse(TestSchemas.ORDER_V1))).isEqualTo(id);

        assertThat(delegate.registers).hasValue(2);
        assertThat(cache.getById(id)).isEqualTo(TestSchemas.parse(TestSchemas.ORDER_V1));
        assertThat(delegate.getById).hasValue(0);
    }

    @Test
    void fetchesAnUnknownIdOnceButNeverCachesFailuresOrLatest() {
        int id = delegate.real.register("a-value", TestSchemas.parse(TestSchemas.ORDER_V1));
        cache.getById(id);
        cache.getById(id);
        assertThat(delegate.getById).hasValue(1);

        assertThatThrownBy(() -> cache.getById(99)).isInstanceOf(SchemaNotFoundException.class);
        assertThatThrownBy(() -> cache.getById(99)).isInstanceOf(SchemaNotFoundException.class);
        assertThat(delegate.getById).hasValue(3);

        cache.latest("a-value");
        delegate.real.register("a-value", TestSchemas.parse(TestSchemas.ORDER_V2));
        assertThat(cache.latest("a-value").version()).isEqualTo(2);
        assertThat(delegate.latest).hasValue(2);
    }

    @Test
    void wrappingIsIdempotent() {
        assertThat(CachingSchemaRegistryClient.of(cache)).isSameAs(cache);
        assertThat(CachingSchemaRegistryClient.of(delegate)).isInstanceOf(CachingSchemaRegistryClient.class);
    }
}
