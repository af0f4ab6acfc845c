package com.tradingcontrol.projections.store.sqlite;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL text plus its positional parameters, built up piece by piece; values are never concatenated. */
final class SqlStatement {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SqlStatement append(String text, Object... values) {
        sql.append(text);
        params.addAll(List.of(values));
        return this;
    }

    String sql() {
        return sql.toString();
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        bindTo(statement);
        return statement;
    }

    /** Binds the parameters to {@code statement}, prepared from this SQL text (possibly for an earlier run). */
    void bindTo(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bind(statement, i + 1, params.get(i));
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Integer || value instanceof Long) {
            statement.setLong(index, ((Number) value).longValue());
        } else if (value instanceof BigDecimal || value instanceof Double) {
            // sqlite-jdbc binds BigDecimal as text, which would then compare as a string.
            statement.setDouble(index, ((Number) value).doubleValue());
        } else if (value == null) {
            statement.setNull(index, java.sql.Types.NULL);
        } else {
            statement.setString(index, value.toString());
        }
    }
}
