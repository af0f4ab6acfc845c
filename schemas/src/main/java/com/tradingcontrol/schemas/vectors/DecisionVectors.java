package com.tradingcontrol.schemas.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The decision vectors shipped with the contracts ({@value #RESOURCE}): records as the state topics
 * carry them, a clock and a query, and the decision every implementation must reach. This reader
 * turns the file into plain records and the contracts' Avro records, with no domain types, so any
 * implementation (domain, API, client) can run the same file. The format is documented in the
 * file's {@code header} and in docs/topics.md ("Decision vectors").
 *
 * @param version the file's format version
 * @param header  the file's documentation object, as read
 */
public record DecisionVectors(int version, JsonNode header, List<Case> cases) {

    /** Where the file is on the classpath (in the schemas jar) and, below src/main/resources, in the repo. */
    public static final String RESOURCE = "/contracts/decision-vectors.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public DecisionVectors {
        cases = List.copyOf(cases);
    }

    /** One record of a compacted topic, as produced: its key and value. */
    public record Keyed<T>(String key, T value) {}

    /** What is asked; each part may be null (not asked about). */
    public record Query(String tenant, String profile, String symbol) {}

    /** One cause of an expected decision; nullable fields are null where the case says so. */
    public record ExpectedCause(String scope, String kind, String mode, String setBy, Instant setAt, String reason,
                                String commandId, Instant expiresAt, String message) {}

    /**
     * The expected answer: either {@code error} (e.g. {@code INVALID_QUERY}) and nothing else, or a decision.
     *
     * @param error null when a decision is expected
     */
    public record Expected(String error, String mode, boolean mayOpen, boolean mayReduce, boolean maintenance,
                           List<ExpectedCause> causes) {
        public Expected {
            causes = causes == null ? List.of() : List.copyOf(causes);
        }

        public boolean isError() {
            return error != null;
        }
    }

    /**
     * One case.
     *
     * @param controlState {@code trading.control-state} records in topic order
     * @param profileState {@code trading.profile-state} records in topic order
     */
    public record Case(String name, String doc, Instant now, List<Keyed<ControlState>> controlState,
                       List<Keyed<ProfileStatus>> profileState, Query query, Expected expected) {

        /** The current value per key, as a reader of the compacted topic from the start ends up with it. */
        public Map<String, ControlState> currentControlState() {
            return latest(controlState);
        }

        /** The current value per key of {@code trading.profile-state}. */
        public Map<String, ProfileStatus> currentProfileState() {
            return latest(profileState);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The file shipped in the schemas jar. */
    public static DecisionVectors load() {
        try (InputStream in = DecisionVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses a vectors file; throws {@link IllegalArgumentException} naming the case that is malformed. */
    public static DecisionVectors parse(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        JsonNode header = root.path("header");
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            String name = c.path("name").asText();
            try {
                cases.add(parseCase(name, c));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("decision vector '" + name + "': " + e.getMessage(), e);
            }
        }
        return new DecisionVectors(header.path("version").asInt(), header, cases);
    }

    private static Case parseCase(String name, JsonNode c) {
        JsonNode q = c.path("query");
        return new Case(name, c.path("doc").asText(), Instant.parse(c.path("now").asText()),
                keyed(c.path("controlState"), VectorRecords::controlState),
                keyed(c.path("profileState"), VectorRecords::profileStatus),
                new Query(VectorRecords.text(q, "tenant"), VectorRecords.text(q, "profile"), VectorRecords.text(q, "symbol")),
                expected(c.path("expected")));
    }

    private static <T> List<Keyed<T>> keyed(JsonNode records, Function<JsonNode, T> value) {
        List<Keyed<T>> out = new ArrayList<>();
        for (JsonNode r : records) {
            out.add(new Keyed<>(r.path("key").asText(), value.apply(r.path("value"))));
        }
        return out;
    }

    private static Expected expected(JsonNode e) {
        if (e.hasNonNull("error")) {
            return new Expected(e.get("error").asText(), null, false, false, false, List.of());
        }
        List<ExpectedCause> causes = new ArrayList<>();
        for (JsonNode c : e.path("causes")) {
            causes.add(new ExpectedCause(VectorRecords.text(c, "scope"), VectorRecords.text(c, "kind"),
                    VectorRecords.text(c, "mode"), VectorRecords.text(c, "setBy"), VectorRecords.instant(c, "setAt"),
                    VectorRecords.text(c, "reason"), VectorRecords.text(c, "commandId"),
                    VectorRecords.instant(c, "expiresAt"), VectorRecords.text(c, "message")));
        }
        return new Expected(null, e.path("mode").asText(), e.path("mayOpen").asBoolean(), e.path("mayReduce").asBoolean(),
                e.path("maintenance").asBoolean(), causes);
    }

    private static <T> Map<String, T> latest(List<Keyed<T>> records) {
        Map<String, T> current = new LinkedHashMap<>();
        records.forEach(r -> current.put(r.key(), r.value()));
        return current;
    }
}
