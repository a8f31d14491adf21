package io.aestream.stream.errors;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Last resort for a processor throwing on a record that passed input validation (a bug, not bad input): the
 * original source bytes go to the dead-letter topic (reason processing-error), then processing continues.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private final HandlerRouting routing = new HandlerRouting(LoggerFactory.getLogger(DeadLetterProcessingHandler.class));

    @Override
    public void configure(Map<String, ?> configs) {
        routing.configure(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext ctx, Record<?, ?> record, Exception e) {
        boolean routed = routing.route(DeadLetterReason.PROCESSING_ERROR, ctx.topic(), ctx.partition(), ctx.offset(),
                ctx.sourceRawKey(), ctx.sourceRawValue(), ctx.headers(), e);
        return routed ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }
}
