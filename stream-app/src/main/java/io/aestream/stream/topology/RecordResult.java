package io.aestream.stream.topology;

import java.util.List;

/**
 * Everything one input record produced, as the outputs see it: the key (source id) as text, its scored frames
 * (and denoised audio), and the anomaly events those frames opened or closed.
 */
record RecordResult(String key, Frames frames, List<FrameEvent> events) { }
