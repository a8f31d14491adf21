package io.aestream.stream.errors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Last resort for records a source deserializer rejects: dead letter (reason deserialization), then continue. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private final HandlerRouting routing = new HandlerRouting(LoggerFactory.getLogger(DeadLetterDeserializationHandler.class));

    @Override
    public void configure(Map<String, ?> configs) {
        routing.configure(configs);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext ctx, ConsumerRecord<byte[], byte[]> record, Exception e) {
        boolean routed = routing.route(DeadLetterReason.DESERIALIZATION, record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), record.headers(), e);
        return routed ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }
}
