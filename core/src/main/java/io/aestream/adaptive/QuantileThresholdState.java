package io.aestream.adaptive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@link QuantileThresholdConfig}'s per-key state: the decaying sketch of past scores. A score is judged against
 * the quantile of the scores before it and learned whether flagged or not, so a lasting change becomes the new
 * normal after about a half-life.
 */
final class QuantileThresholdState implements ThresholdState {
    static final byte TAG = 1;

    private final QuantileThresholdConfig config;
    private final DecayingQuantileSketch sketch;
    private double score;

    QuantileThresholdState(QuantileThresholdConfig config, DecayingQuantileSketch sketch) {
        this.config = config;
        this.sketch = sketch;
    }

    @Override
    public void observe(double s) {
        score = s;
    }

    @Override
    public boolean ready() {
        return sketch.count() >= config.warmupFrames();
    }

    @Override
    public double threshold() {
        return ready() ? config.factor() * sketch.quantile(config.quantile()) : Double.NaN;
    }

    @Override
    public boolean exceeded() {
        return ready() && score > threshold();
    }

    @Override
    public void learn(boolean flagged) {
        sketch.add(score);
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        writeConfig(out);
        sketch.writeTo(out);
    }

    private void writeConfig(DataOutput out) throws IOException {
        out.writeDouble(config.quantile());
        out.writeDouble(config.halfLifeFrames());
        out.writeDouble(config.relativeAccuracy());
        out.writeDouble(config.factor());
        out.writeInt(config.warmupFrames());
    }

    static QuantileThresholdState readFrom(DataInput in) throws IOException {
        QuantileThresholdConfig config = new QuantileThresholdConfig(in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readInt());
        return new QuantileThresholdState(config, DecayingQuantileSketch.readFrom(in));
    }
}
