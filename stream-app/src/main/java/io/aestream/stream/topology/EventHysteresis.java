package io.aestream.stream.topology;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.EventDetector;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;

/** The anomaly events' hysteresis for a bundle: the configured frame counts, or the bundle's defaults where auto. */
final class EventHysteresis {
    private EventHysteresis() {
    }

    /**
     * Fails naming AESTREAM_EVENT_OPEN_AFTER when it asks for a run of flags that adaptive alert suppression never
     * lets form: no event would ever open, and the anomalies topic would stay silent.
     */
    static EventDetector of(StreamConfig config, ModelBundle bundle) {
        int suppressed = config.adaptive().resolve(bundle).map(AdaptiveConfig::suppressFrames).orElse(0);
        try {
            return EventDetector.of(bundle.manifest().frameSpec(), suppressed, config.eventOpenAfter(), config.eventCloseAfter());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Settings.EVENT_OPEN_AFTER + ": " + e.getMessage(), e);
        }
    }
}
