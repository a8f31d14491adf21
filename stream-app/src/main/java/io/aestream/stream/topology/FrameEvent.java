package io.aestream.stream.topology;

import io.aestream.scoring.AnomalyEvent;
import io.aestream.scoring.Classification;

/**
 * An event a scored frame opened or closed, with the model version that scored that frame and, with a classifier,
 * the event's class (from the mean class probabilities of its flagged frames so far; else null).
 */
record FrameEvent(AnomalyEvent event, String modelVersion, Classification classification) { }
