package io.aestream.bench;

import io.aestream.scoring.Activation;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.ForwardPass;
import io.aestream.scoring.FrameScore;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Scorer;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.train.AutoencoderTrainer;
import io.aestream.trainer.train.NativeAutoencoder;
import io.aestream.trainer.train.TrainedModel;
import io.aestream.trainer.train.TrainingListener;
import io.aestream.trainer.train.TrainingOptions;
import io.aestream.trainer.train.TrainingSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Per-frame cost of reconstructing one frame of the 64-32-16-32-64 tanh autoencoder: the stream app's lean
 * forward pass (core) against the SameDiff model it was exported from, one frame at a time and in batches of 256.
 * This is the measurement behind the stream app scoring each record as it arrives instead of micro-batching.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class InferenceBenchmark {
    static final int FEATURES = 64;
    static final int BATCH = 256;

    private ForwardPass lean;
    private Scorer scorer;
    private NativeAutoencoder sameDiff;
    private double[] frame;
    private double[] out;
    private double[][] one;
    private double[][] batch;

    @Setup(Level.Trial)
    public void train() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] rows = new double[2048][FEATURES];
        for (double[] r : rows) {
            for (int i = 0; i < FEATURES; i++) {
                r[i] = rng.nextGaussian();
            }
        }
        AutoencoderSpec spec = new AutoencoderSpec.Undercomplete(
                new Architecture(List.of(32, 16), Activation.TANH, Distribution.GAUSSIAN, false));
        TrainedModel model = new AutoencoderTrainer().fit(spec, new TrainingSet(rows, new double[0][], null),
                new TrainingOptions(2, 64, 1e-3, 5, 0, 1), TrainingListener.NONE);
        DenseNetwork network = model.network();
        lean = new ForwardPass(network);
        scorer = new Scorer(network, new Normalizer.Identity(FEATURES), Distribution.GAUSSIAN);
        sameDiff = NativeAutoencoder.fromBytes(model.nativeFiles().get(NativeAutoencoder.FILE_NAME));
        frame = rows[0].clone();
        out = new double[FEATURES];
        one = new double[][] {frame};
        batch = Arrays.copyOf(rows, BATCH);
    }

    /** core's forward pass, as the stream app runs it: no allocation. */
    @Benchmark
    public double[] leanFrame() {
        lean.reconstruct(frame, out);
        return out;
    }

    /** The whole per-frame scoring step: normalize, reconstruct, per-feature NLL, denormalize. */
    @Benchmark
    public FrameScore scorerFrame() {
        return scorer.score(frame);
    }

    /** SameDiff's output() for a single frame. */
    @Benchmark
    public double[][] sameDiffFrame() {
        return sameDiff.reconstruct(one);
    }

    /** SameDiff's output() for 256 frames; divide by 256 for the per-frame cost of micro-batching. */
    @Benchmark
    public double[][] sameDiffBatch256() {
        return sameDiff.reconstruct(batch);
    }
}
