package io.aestream.stream.config;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.HashMap;
import java.util.Map;

/**
 * One off-heap memory budget for every RocksDB store of the process (AESTREAM_STATE_MEMORY_MB), after Kafka Streams'
 * bounded-memory recipe: a shared block cache that also holds the index and filter blocks, and memtables charged to
 * that cache through one write-buffer manager. By default each store instance takes its own 50 MB block cache and up to
 * three 16 MB memtables, so RSS grows with the number of tasks × stores (the bench measured 881 MiB with 100k keys over
 * 4 partitions, beside a 512 MiB heap): in a pod with a memory limit that ends in an OOM kill as partitions move in.
 * Stores are set up by class name, one setter instance per store, so the shared objects live here, one set per
 * budget; they are never closed, since they outlive any one store and are as long-lived as the process.
 */
public final class BoundedStateMemory implements RocksDBConfigSetter {
    /** The streams config key that carries the budget in bytes to every store's setter. */
    static final String BUDGET_BYTES = "aestream.state.memory.bytes";
    /** Of the cache, the share kept for index and filter blocks (high priority): they are read on every lookup. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;
    /** Of the budget, the share memtables may take before RocksDB flushes them. */
    private static final double MEMTABLE_SHARE = 0.5;
    private static final Map<Long, Shared> SHARED = new HashMap<>();

    private record Shared(Cache cache, WriteBufferManager writeBuffers) { }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared shared = shared(budget(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(shared.writeBuffers());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write-buffer manager are shared by every store: closing one store must not free them
    }

    private static long budget(Map<String, Object> configs) {
        Object value = configs.get(BUDGET_BYTES);
        if (value == null) {
            throw new IllegalStateException(BUDGET_BYTES + ": not set; the stream app's Kafka settings always set it");
        }
        return Long.parseLong(value.toString());
    }

    private static synchronized Shared shared(long bytes) {
        return SHARED.computeIfAbsent(bytes, b -> {
            Cache cache = new LRUCache(b, -1, false, INDEX_AND_FILTER_SHARE);
            return new Shared(cache, new WriteBufferManager((long) (b * MEMTABLE_SHARE), cache));
        });
    }
}
