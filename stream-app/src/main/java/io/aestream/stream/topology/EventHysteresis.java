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
        int openAfter = config.eventOpenAfter().orElse(EventDetector.defaultOpenAfter(suppressed));
        if (openAfter > 1 && suppressed > 0) {
            throw new IllegalArgumentException(Settings.EVENT_OPEN_AFTER + ": adaptive detection suppresses the " + suppressed
                    + " frames after every flag, so " + openAfter + " flagged frames in a row never occur and no event would"
                    + " open; use 1 or auto, got " + openAfter);
        }
        return new EventDetector(openAfter,
                config.eventCloseAfter().orElse(EventDetector.defaultCloseAfter(bundle.manifest().frameSpec())));
    }
}
