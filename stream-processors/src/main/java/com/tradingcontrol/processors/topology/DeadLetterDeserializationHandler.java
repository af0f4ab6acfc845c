package com.tradingcontrol.processors.topology;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Undecodable input: written to the DLQ with the error and its position, and processing resumes. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.fromConfig(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        LOG.warn("Undecodable record {}-{}@{} sent to the DLQ: {}", record.topic(), record.partition(),
                record.offset(), exception.toString());
        return Response.resume(List.of(deadLetters.record(record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), exception)));
    }
}
