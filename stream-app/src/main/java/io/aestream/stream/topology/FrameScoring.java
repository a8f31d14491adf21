package io.aestream.stream.topology;

/** Scores one assembled frame of a key (raw units, the bundle's feature order): fixed or adaptive. */
interface FrameScoring {

    ScoredFrame score(String key, long ts, double[] rawFrame);
}
