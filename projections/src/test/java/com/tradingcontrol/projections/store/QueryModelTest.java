package com.tradingcontrol.projections.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fieldPathsAreDottedIdentifiers() {
        assertThat(FieldPath.parse("scope.meta.kind").segments()).containsExactly("scope", "meta", "kind");
        assertThatThrownBy(() -> FieldPath.parse("a..b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldPath.parse("a\"]) OR 1=1 --")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid field path segment");
        assertThatThrownBy(() -> FieldPath.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filtersAcceptOnlyScalarValuesAndComparableRanges() {
        assertThat(Filter.in("status", List.of("A", "B")).values()).containsExactly("A", "B");
        assertThatThrownBy(() -> Filter.eq("x", List.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported value type");
        assertThatThrownBy(() -> Filter.eq("x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Filter.gte("x", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filter.in("x", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queriesAreImmutableAndBoundThePageSize() {
        Query base = Query.inPartition("p1");
        Query filtered = base.where(Filter.eq("a", 1)).orderBy(OrderBy.desc("b")).pageSize(10).continuation("t");

        assertThat(base.filters()).isEmpty();
        assertThat(base.pageSize()).isEqualTo(Query.DEFAULT_PAGE_SIZE);
        assertThat(filtered.filters()).hasSize(1);
        assertThat(filtered.continuation()).isEqualTo("t");
        assertThat(Query.crossPartition().isCrossPartition()).isTrue();
        assertThatThrownBy(() -> base.pageSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.pageSize(Query.MAX_PAGE_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.inPartition(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containerSpecsValidateNamePathAndTtl() {
        assertThat(new ContainerSpec("audit-events", "/productId", 7_776_000).partitionKeyField()).isEqualTo("productId");
        assertThat(ContainerSpec.of("c", "/scope/tenant").partitionKeyField()).isEqualTo("scope.tenant");
        assertThatThrownBy(() -> ContainerSpec.of("bad name", "/p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContainerSpec.of("c", "productId")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContainerSpec("c", "/p", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContainerSpec("c", "/p", -2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writeConditionsCarryAnEtagOnlyForIfMatch() {
        assertThat(WriteCondition.ifMatch("e1").etag()).isEqualTo("e1");
        assertThat(WriteCondition.none().kind()).isEqualTo(WriteCondition.Kind.NONE);
        assertThatThrownBy(() -> new WriteCondition(WriteCondition.Kind.IF_ABSENT, "e")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriteCondition(WriteCondition.Kind.IF_MATCH, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentsNeedAnIdThePartitionKeyAndAValidTtl() throws Exception {
        ContainerSpec spec = ContainerSpec.of("c", "/productId");
        ObjectNode ok = (ObjectNode) JSON.readTree("{\"id\":\"a\",\"productId\":\"p\",\"ttl\":-1}");

        assertThat(Documents.validateForWrite(ok, spec, "p")).isEqualTo("a");
        assertThatThrownBy(() -> Documents.validateForWrite(ok, spec, "q")).hasMessageContaining("/productId");
        assertThatThrownBy(() -> Documents.validateForWrite(ok.deepCopy().put("ttl", 0), spec, "p")).hasMessageContaining("ttl");
        assertThatThrownBy(() -> Documents.validateForWrite(ok.deepCopy().put("ttl", 1.5), spec, "p")).hasMessageContaining("ttl");
        assertThatThrownBy(() -> Documents.validateForWrite(ok.deepCopy().put("id", "a/b"), spec, "p")).hasMessageContaining("id");
        assertThatThrownBy(() -> Documents.validateForWrite(ok.deepCopy().put("id", 7), spec, "p")).hasMessageContaining("id");
    }

    @Test
    void systemFieldsAreStrippedFromACopy() throws Exception {
        ObjectNode item = (ObjectNode) JSON.readTree("{\"id\":\"a\",\"_etag\":\"e\",\"_ts\":1,\"_rid\":\"r\",\"_self\":\"s\",\"keep\":1}");

        assertThat(Documents.withoutSystemFields(item)).isEqualTo(JSON.readTree("{\"id\":\"a\",\"keep\":1}"));
        assertThat(item.has("_etag")).isTrue();
    }
}
