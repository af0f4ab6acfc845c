package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.InvalidCommandException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A decodable but structurally invalid command ({@link InvalidCommandException}) goes to the DLQ
 * with the original bytes and processing resumes. Any other exception is a bug or an
 * infrastructure fault: the task fails (nothing of the record's partial work is committed under
 * exactly-once) and the thread is replaced, rather than silently skipping a command that would
 * then never get an outcome.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.fromConfig(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!(exception instanceof InvalidCommandException)) {
            LOG.error("Processing failed at {}-{}@{}; failing the task", context.topic(), context.partition(),
                    context.offset(), exception);
            return Response.fail();
        }
        LOG.warn("Invalid command {}-{}@{} sent to the DLQ: {}", context.topic(), context.partition(),
                context.offset(), exception.getMessage());
        return Response.resume(List.of(deadLetters.record(context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue(), exception)));
    }
}
