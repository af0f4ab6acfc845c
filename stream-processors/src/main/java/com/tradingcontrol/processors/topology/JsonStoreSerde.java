package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.StateJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** Serde for state-store values through the explicit JSON mapping of {@link StateJson}. */
final class JsonStoreSerde {

    private JsonStoreSerde() {
    }

    static <T> Serde<T> of(Function<T, JsonNode> encode, Function<JsonNode, T> decode) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return StateJson.write(encode.apply(value));
            } catch (IOException e) {
                throw new SerializationException("cannot encode state for " + topic, e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return decode.apply(StateJson.read(bytes));
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot decode state from " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
