package io.aestream.adaptive;

import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.ForwardPass;
import io.aestream.scoring.FrameLikelihood;
import io.aestream.scoring.Normalizer;
import io.aestream.scoring.Threshold;

import java.util.Objects;

/**
 * Adaptive scoring of one key's frame stream: raw frame → rolling normalization → reconstruction → score →
 * likelihood and adaptive threshold → flag → alert suppression, then the statistics learn the frame; with
 * fine-tuning on, the frame joins the normal buffer if its flag was not raised (suppressed or not) and jobs trigger and switch at frame indices fixed by the
 * {@link FineTuneSchedule}. {@link #step} is the one call used by the stream and by offline backtests, so for
 * the same frames, config and bundle both produce identical results. Not thread-safe (scratch buffers): one per
 * stream thread or CLI loop; the state is per key and passed in.
 */
public final class AdaptiveDetector {
    /** Live networks whose forward passes are kept: enough for the keys one stream task interleaves. */
    private static final int FORWARD_PASSES = 64;

    private final DenseNetwork bundleNetwork;
    private final FrameLikelihood frameLikelihood;
    private final FineTuner tuner;
    private final Threshold fixedThreshold;
    private final String bundleVersion;
    private final AdaptiveConfig config;
    private final FineTuneWorker worker;
    private final RollingNormalizer normalizer;
    private final AnomalyLikelihood likelihood;
    private final int size;
    private final ForwardPasses forwardPasses = new ForwardPasses(FORWARD_PASSES);

    public AdaptiveDetector(DenseNetwork network, Normalizer normalizer, Distribution distribution, Threshold fixedThreshold,
                            String bundleVersion, AdaptiveConfig config, FineTuneWorker worker) {
        this(network, normalizer, distribution, FrameLikelihood.uniform(distribution, network.inputSize()), fixedThreshold,
                bundleVersion, config, worker);
    }

    /** {@code frameLikelihood}: the bundle's per-feature likelihood (column types, monitored columns). */
    public AdaptiveDetector(DenseNetwork network, Normalizer normalizer, Distribution distribution, FrameLikelihood frameLikelihood,
                            Threshold fixedThreshold, String bundleVersion, AdaptiveConfig config, FineTuneWorker worker) {
        this.frameLikelihood = Objects.requireNonNull(frameLikelihood, "frameLikelihood");
        this.bundleNetwork = Objects.requireNonNull(network, "network");
        this.tuner = new FineTuner(Objects.requireNonNull(distribution, "distribution"), frameLikelihood);
        this.fixedThreshold = Objects.requireNonNull(fixedThreshold, "threshold");
        this.bundleVersion = Objects.requireNonNull(bundleVersion, "bundleVersion");
        this.config = Objects.requireNonNull(config, "config");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.size = network.inputSize();
        if (normalizer.size() != size || network.outputSize() != size) {
            throw new IllegalArgumentException("network/normalizer: expected " + size + " features in and out, found normalizer "
                    + normalizer.size() + ", output " + network.outputSize());
        }
        this.normalizer = new RollingNormalizer(normalizer, config.normalization(), frameLikelihood);
        this.likelihood = new AnomalyLikelihood(config.likelihood());
    }

    /**
     * The detector over {@code bundle}'s network, normalizer, distribution and threshold. Vector and window layouts
     * only: an audio bundle scores STFT features inside the audio framing, which has no adaptive path.
     */
    public static AdaptiveDetector forBundle(ModelBundle bundle, AdaptiveConfig config, FineTuneWorker worker) {
        if (bundle.manifest().frameSpec() instanceof AudioFrameSpec) {
            throw new IllegalArgumentException("adaptive detection supports the vector and window layouts, not audio (bundle "
                    + bundle.version() + ")");
        }
        return new AdaptiveDetector(bundle.network(), bundle.manifest().normalizer(), bundle.manifest().model().distribution(),
                bundle.manifest().likelihood(), bundle.manifest().threshold(), bundle.version(), config, worker);
    }

    public AdaptiveConfig config() {
        return config;
    }

    public AdaptiveState newState() {
        return new AdaptiveState(0, new EwStats(size), likelihood.newState(), config.threshold().newState(),
                config.fineTuning().enabled() ? new NormalFrameBuffer(config.fineTuning().bufferCapacity()) : null);
    }

    /** Scores {@code rawFrame} (raw units, the bundle's feature order) and advances {@code state} in place. */
    public AdaptiveResult step(AdaptiveState state, double[] rawFrame, long ts) {
        if (rawFrame.length != size) {
            throw new IllegalArgumentException("frame: expected " + size + " features, found " + rawFrame.length);
        }
        long index = state.frames;
        FineTuneOutcome switched = applyDueJob(state, index);
        ForwardPass forward = forwardPasses.of(live(state));
        double[] normalized = new double[size];
        double[] output = new double[size];
        double[] errors = new double[size];
        double[] reconstruction = new double[size];
        normalizer.normalize(state.rolling, rawFrame, normalized);
        forward.reconstruct(normalized, output);
        double score = frameLikelihood.score(normalized, output, errors);
        normalizer.denormalize(rawFrame, output, reconstruction);
        double lik = likelihood.step(state.likelihood, score);
        ThresholdState adaptive = state.threshold;
        adaptive.observe(score);
        // the bundle's threshold under the fixed rule or while the adaptive one warms up
        boolean useAdaptive = config.flagRule() != FlagRule.FIXED_THRESHOLD && adaptive.ready();
        double threshold = useAdaptive ? adaptive.threshold() : fixedThreshold.value();
        boolean raised = switch (config.flagRule()) {
            case FIXED_THRESHOLD -> fixedThreshold.exceededBy(score);
            case ADAPTIVE_THRESHOLD -> useAdaptive ? adaptive.exceeded() : score > threshold;
            case LIKELIHOOD -> likelihood.flags(lik);
        };
        boolean anomaly = raised && !state.suppressing();
        state.afterFlag(anomaly, config.suppressFrames());
        adaptive.learn(raised);
        normalizer.update(state.rolling, rawFrame);
        learn(state, index, normalized, raised);
        state.frames = index + 1;
        return new AdaptiveResult(index, ts, score, lik, threshold, anomaly, normalized, errors, reconstruction,
                version(state), switched);
    }

    private DenseNetwork live(AdaptiveState state) {
        return state.network != null ? state.network : bundleNetwork;
    }

    private String version(AdaptiveState state) {
        return state.revision == 0 ? bundleVersion : bundleVersion + "+ft" + state.revision;
    }

    private FineTuneOutcome applyDueJob(AdaptiveState state, long index) {
        FineTuneJob job = state.pending;
        if (job == null || job.applyAt() != index) {
            return null;
        }
        DenseNetwork base = live(state);
        FineTuneOutcome outcome = worker.await(job.id(), () -> job.run(base, tuner, config.fineTuning()));
        state.pending = null;
        if (outcome.accepted()) {
            state.adopt(outcome.network());
        }
        return outcome;
    }

    private void learn(AdaptiveState state, long index, double[] normalized, boolean anomaly) {
        FineTuneSchedule schedule = config.fineTuning();
        if (state.buffer == null) {
            return;
        }
        if (!anomaly) {
            state.buffer.add(normalized);
        }
        if (schedule.triggersAfter(index) && state.pending == null && state.buffer.size() >= schedule.minBufferFrames()) {
            DenseNetwork base = live(state);
            FineTuneJob job = FineTuneJob.of(base, schedule.applyAt(index), state.attempts++, state.buffer.snapshot());
            state.pending = job;
            worker.submit(job.id(), () -> job.run(base, tuner, config.fineTuning()));
        }
    }
}
