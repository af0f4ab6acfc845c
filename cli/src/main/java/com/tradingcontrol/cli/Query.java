package com.tradingcontrol.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Query parameters in insertion order; absent (null) values are left out. */
public final class Query {

    private final Map<String, String> params = new LinkedHashMap<>();

    public static Query of() {
        return new Query();
    }

    public Query add(String name, Object value) {
        if (value != null) {
            params.put(name, value.toString());
        }
        return this;
    }

    public Query copy() {
        Query copy = new Query();
        copy.params.putAll(params);
        return copy;
    }

    /** "" when empty, else "?a=1&b=2" with both names and values URL-encoded. */
    public String toQueryString() {
        if (params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** One URL path segment (e.g. a config key or profile id), percent-encoded. */
    public static String segment(String text) {
        return encode(text);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
