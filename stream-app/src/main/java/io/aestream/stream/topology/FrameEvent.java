package io.aestream.stream.topology;

import io.aestream.scoring.AnomalyEvent;

/** An event a scored frame opened or closed, with the model version that scored that frame. */
record FrameEvent(AnomalyEvent event, String modelVersion) { }
