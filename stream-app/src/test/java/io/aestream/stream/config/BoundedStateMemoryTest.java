package io.aestream.stream.config;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedStateMemoryTest {
    static {
        RocksDB.loadLibrary();
    }

    private static Options configured(BoundedStateMemory setter, String store, Map<String, Object> configs) {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        setter.setConfig(store, options, configs);
        return options;
    }

    @Test
    void shouldShareOneWriteBufferManagerAcrossStoresOfOneBudget() {
        Map<String, Object> settings = new HashMap<>(KafkaSettings.streams(ConfigLoader.load(Map.of(
                Settings.BOOTSTRAP_SERVERS, "localhost:9092", Settings.MODEL_PATH, "/models/m",
                Settings.STATE_MEMORY_MB, "32"), Map.of())));
        assertThat(settings).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedStateMemory.class)
                .containsEntry(BoundedStateMemory.BUDGET_BYTES, Long.toString(32L << 20));

        try (Options window = configured(new BoundedStateMemory(), "window-store", settings);
             Options events = configured(new BoundedStateMemory(), "event-store", settings);
             Options otherBudget = configured(new BoundedStateMemory(), "event-store",
                     Map.of(BoundedStateMemory.BUDGET_BYTES, Long.toString(16L << 20)))) {
            assertThat(window.writeBufferManager()).isNotNull().isSameAs(events.writeBufferManager())
                    .isNotSameAs(otherBudget.writeBufferManager());
            BlockBasedTableConfig table = (BlockBasedTableConfig) window.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
        }
    }

    @Test
    void shouldLetAPassThroughSetterReplaceItAndRefuseABudgetOutOfRange() {
        Map<String, Object> settings = KafkaSettings.streams(ConfigLoader.load(Map.of(Settings.BOOTSTRAP_SERVERS, "b:9092",
                Settings.MODEL_PATH, "/m", "AESTREAM_KAFKA_ROCKSDB_CONFIG_SETTER", "com.example.MySetter"), Map.of()));
        assertThat(settings).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.MySetter");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(Settings.BOOTSTRAP_SERVERS, "b:9092", Settings.MODEL_PATH, "/m",
                Settings.STATE_MEMORY_MB, "4"), Map.of()))
                .hasMessage("AESTREAM_STATE_MEMORY_MB: must be in [8, 1048576], got 4");
    }
}
