package io.aestream.stream.errors;

import io.aestream.stream.metrics.StreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExceptionHandlersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StreamMetrics metrics = new StreamMetrics(registry);
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final DeadLetterPublisher publisher = new DeadLetterPublisher(producer, "dlq");

    private record Ctx(String topic, int partition, long offset, Headers headers, String processorNodeId, TaskId taskId,
                       long timestamp, byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext { }

    @Test
    void shouldRouteSourceBytesToDeadLetterAndContinueWhenProcessorThrows() {
        // Given
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(withStreamsKeys(ExceptionHandlers.streamsConfig(publisher, metrics)));
        Ctx ctx = new Ctx("frames", 2, 41, new RecordHeaders(), "frame-processor", new TaskId(0, 2), 5L,
                bytes("k"), bytes("{\"values\": [1]}"));
        // When
        ProcessingHandlerResponse response = handler.handle(ctx, new Record<>("k", "v", 5L), new IllegalStateException("bug"));
        // Then
        assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
        ProducerRecord<byte[], byte[]> dead = producer.history().get(0);
        assertThat(dead.topic()).isEqualTo("dlq");
        assertThat(dead.key()).isEqualTo(bytes("k"));
        assertThat(dead.value()).isEqualTo(bytes("{\"values\": [1]}"));
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("processing-error");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("2");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(header(dead.headers(), DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead.headers(), DeadLetterHeaders.MESSAGE)).isEqualTo("bug");
        assertThat(registry.get("aestream.dead.letters").tag("reason", "processing-error").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldRouteRecordToDeadLetterAndContinueWhenDeserializerFails() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(withStreamsKeys(ExceptionHandlers.streamsConfig(publisher, metrics)));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("frames", 0, 7, bytes("k"), new byte[] {1, 2});
        DeserializationHandlerResponse response = handler.handle((ErrorHandlerContext) null, record, new RuntimeException("bad"));
        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(r.value()).containsExactly(1, 2);
            assertThat(header(r.headers(), DeadLetterHeaders.REASON)).isEqualTo("deserialization");
        });
    }

    @Test
    void shouldFailRatherThanDropWhenDeadLetterCannotBeWritten() {
        // Given a producer that fails the next send, and a handler with no publisher at all
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException("broker gone");
        DeadLetterProcessingHandler failing = new DeadLetterProcessingHandler();
        failing.configure(withStreamsKeys(ExceptionHandlers.streamsConfig(publisher, metrics)));
        DeadLetterProcessingHandler unconfigured = new DeadLetterProcessingHandler();
        unconfigured.configure(Map.of());
        Ctx ctx = new Ctx("frames", 0, 1, new RecordHeaders(), "p", new TaskId(0, 0), 1L, bytes("k"), bytes("v"));
        // Then both stop the app instead of continuing past a lost record
        assertThat(failing.handle(ctx, new Record<>("k", "v", 1L), new RuntimeException("x"))).isEqualTo(ProcessingHandlerResponse.FAIL);
        assertThat(unconfigured.handle(ctx, new Record<>("k", "v", 1L), new RuntimeException("x")))
                .isEqualTo(ProcessingHandlerResponse.FAIL);
    }

    @Test
    void shouldCutLongMessagesWhenBuildingHeaders() {
        Headers h = DeadLetterHeaders.of(null, DeadLetterReason.MALFORMED_JSON, "t", 0, 0, new RuntimeException("x".repeat(2000)));
        assertThat(header(h, DeadLetterHeaders.MESSAGE)).hasSize(DeadLetterHeaders.MAX_MESSAGE_CHARS + 1);
    }

    /** As Kafka Streams passes them: the app's settings plus its own. */
    private static Map<String, Object> withStreamsKeys(Map<String, Object> configs) {
        Map<String, Object> all = new HashMap<>(configs);
        all.put("application.id", "aestream");
        return all;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
