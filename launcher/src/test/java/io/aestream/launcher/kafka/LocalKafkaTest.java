package io.aestream.launcher.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKafkaTest {

    @Test
    void shouldDeliverProducedRecordAndDeleteDataWhenClosed() throws Exception {
        Path dataDir;
        try (LocalKafka kafka = LocalKafka.start()) {
            // Given a running local broker with one topic
            dataDir = kafka.dataDirectory();
            kafka.createTopics("frames");
            assertThat(dataDir).isDirectory();

            // When a record is produced
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("frames", "sensor-1", "{\"ts\":1,\"values\":[1.5]}")).get();
            }

            // Then a consumer reads it back
            List<ConsumerRecord<String, String>> got = TopicRecords.read(kafka.bootstrapServers(), "frames", 1,
                    Duration.ofSeconds(30), new StringDeserializer(), new StringDeserializer());
            assertThat(got).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("sensor-1");
                assertThat(r.value()).isEqualTo("{\"ts\":1,\"values\":[1.5]}");
            });
        }
        // and closing removes the broker's data
        assertThat(dataDir).doesNotExist();
    }
}
