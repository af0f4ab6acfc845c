package com.tradingcontrol.projections.projector;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record the projector cannot turn into a document update: its bytes cannot be decoded, or it
 * decodes but cannot be folded (an event type this build does not know). The projector's policy is
 * to stop on it rather than skip it (docs/operations.md "Read paths"): documents are served to
 * every API instance, and one skipped event would leave them wrong with nothing to tell readers.
 * Stopped, the documents stay correct as of the record before, and the stop is loud (health FAILED
 * naming the record, ERROR, the API's {@code projector} readiness DOWN, {@code Read-Models: lagging}).
 */
public final class UnprojectableRecordException extends RuntimeException {

    private UnprojectableRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    static UnprojectableRecordException of(ConsumerRecord<String, byte[]> record, RuntimeException cause) {
        String kind = cause instanceof SerializationException ? "undecodable" : "unapplied";
        return new UnprojectableRecordException(kind + " record " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + ": " + cause.getMessage(), cause);
    }
}
