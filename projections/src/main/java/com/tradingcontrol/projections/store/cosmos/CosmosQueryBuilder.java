package com.tradingcontrol.projections.store.cosmos;

import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.tradingcontrol.projections.store.FieldPath;
import com.tradingcontrol.projections.store.Filter;
import com.tradingcontrol.projections.store.OrderBy;
import com.tradingcontrol.projections.store.Query;
import java.util.ArrayList;
import java.util.List;

/** Translates a port {@link Query} into a parameterised Cosmos SQL query; values are never inlined. */
final class CosmosQueryBuilder {

    private final StringBuilder sql = new StringBuilder("SELECT * FROM c");
    private final List<SqlParameter> parameters = new ArrayList<>();

    private CosmosQueryBuilder() {
    }

    static SqlQuerySpec build(Query query) {
        CosmosQueryBuilder b = new CosmosQueryBuilder();
        for (int i = 0; i < query.filters().size(); i++) {
            b.sql.append(i == 0 ? " WHERE " : " AND ");
            b.appendFilter(query.filters().get(i));
        }
        OrderBy order = query.orderBy();
        if (order != null) {
            b.sql.append(" ORDER BY ").append(property(order.field()))
                    .append(order.direction() == OrderBy.Direction.ASC ? " ASC" : " DESC");
        }
        return new SqlQuerySpec(b.sql.toString(), b.parameters);
    }

    private void appendFilter(Filter filter) {
        String property = property(filter.field());
        switch (filter.op()) {
            case EQ -> sql.append(property).append(" = ").append(bind(filter.value()));
            case GTE -> sql.append(property).append(" >= ").append(bind(filter.value()));
            case LTE -> sql.append(property).append(" <= ").append(bind(filter.value()));
            case IN -> {
                List<String> names = filter.values().stream().map(this::bind).toList();
                sql.append(property).append(" IN (").append(String.join(", ", names)).append(")");
            }
        }
    }

    private String bind(Object value) {
        String name = "@p" + parameters.size();
        parameters.add(new SqlParameter(name, value));
        return name;
    }

    /** Bracket notation, so field names that are SQL keywords ("value", "order") need no special case. */
    static String property(FieldPath field) {
        StringBuilder p = new StringBuilder("c");
        // FieldPath segments are identifiers, so they cannot break out of the quotes.
        field.segments().forEach(s -> p.append("[\"").append(s).append("\"]"));
        return p.toString();
    }
}
