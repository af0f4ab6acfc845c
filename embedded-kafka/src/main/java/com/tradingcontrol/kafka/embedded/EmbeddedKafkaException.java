package com.tradingcontrol.kafka.embedded;

/** The embedded broker could not be formatted, started or stopped, or Kafka reported a fatal fault. */
public class EmbeddedKafkaException extends RuntimeException {

    public EmbeddedKafkaException(String message) {
        super(message);
    }

    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
