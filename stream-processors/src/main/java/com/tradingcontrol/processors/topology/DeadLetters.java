package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Builds the {@code trading.commands.dlq} records that the Kafka Streams error handlers return;
 * Kafka Streams then writes them through the task's producer, inside the same transaction as the
 * offset commit, so a record is dead-lettered exactly once.
 *
 * <p>Handlers are instantiated by Kafka Streams from a class name, so the serializer reaches them
 * as an object in the streams configuration under {@link #SERIALIZER_CONFIG}.
 */
public final class DeadLetters {

    /** Streams config key holding the {@code Serializer<DeadLetter>} object (the DLQ topic's value serializer). */
    public static final String SERIALIZER_CONFIG = "tradingcontrol.dlq.value.serializer";
    /** Streams config key holding the DLQ topic name. */
    public static final String TOPIC_CONFIG = "tradingcontrol.dlq.topic";

    private final String topic;
    private final Serializer<DeadLetter> serializer;

    DeadLetters(String topic, Serializer<DeadLetter> serializer) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    @SuppressWarnings("unchecked")
    static DeadLetters fromConfig(Map<String, ?> configs) {
        Object serializer = configs.get(SERIALIZER_CONFIG);
        Object topic = configs.get(TOPIC_CONFIG);
        if (!(serializer instanceof Serializer) || !(topic instanceof String)) {
            throw new IllegalStateException("streams config must hold " + SERIALIZER_CONFIG
                    + " (a Serializer<DeadLetter>) and " + TOPIC_CONFIG + " (the DLQ topic); use StreamsSettings");
        }
        return new DeadLetters((String) topic, (Serializer<DeadLetter>) serializer);
    }

    ProducerRecord<byte[], byte[]> record(String sourceTopic, int partition, long offset, byte[] key, byte[] value,
                                          Exception error) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(sourceTopic == null ? "" : sourceTopic)
                .setSourcePartition(partition)
                .setSourceOffset(offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setErrorClass(error.getClass().getName())
                .setErrorMessage(describe(error))
                .setFailedAt(Instant.now())
                .build();
        return new ProducerRecord<>(topic, key, serializer.serialize(topic, letter));
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append("; caused by ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(cause.getMessage());
        }
        return text.toString();
    }
}
