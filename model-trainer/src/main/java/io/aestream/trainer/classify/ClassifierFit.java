package io.aestream.trainer.classify;

import io.aestream.bundle.ClassifierInfo;
import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelBundle;
import io.aestream.bundle.ModelInfo;
import io.aestream.frame.FrameSpec;
import io.aestream.scoring.DenseLayer;
import io.aestream.scoring.DenseNetwork;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.InputColumns;
import io.aestream.scoring.Normalizer;
import io.aestream.trainer.BundleBuilder;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.model.AutoencoderWeights;
import io.aestream.trainer.train.ClassifierOptions;
import io.aestream.trainer.train.ClassifierTrainer;
import io.aestream.trainer.train.TrainingListener;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Labelled frames → a trained classifier and its manifest. The starting encoder and the input side (frame spec,
 * normalizer, column spec) come from a {@link Start}: a pre-trained anomaly model's, or the same layers freshly
 * initialised on a normalizer fitted as {@code train} fits one — so pre-trained and from-scratch differ in the
 * encoder's starting weights only.
 */
public final class ClassifierFit {
    private ClassifierFit() {
    }

    /**
     * Where training starts: the encoder layers and the input side of the bundle to be.
     *
     * @param parent null when the encoder starts from random initialization
     */
    public record Start(List<DenseLayer> encoder, FrameSpec frameSpec, Normalizer normalizer, InputColumns columns,
                        ModelBundle parent) {
        public Start {
            encoder = List.copyOf(encoder);
            if (encoder.isEmpty()) {
                throw new IllegalArgumentException("encoder: at least one layer is required");
            }
        }

        /** The encoder of {@code parent} (layers up to its code layer) and its input side. */
        public static Start pretrained(ModelBundle parent) {
            if (parent.isClassifier()) {
                throw new IllegalArgumentException("pretrained: " + parent.version() + " is a classifier, not an anomaly model "
                        + "(pre-train with train --kind denoising, undercomplete, sparse, contractive or stacked)");
            }
            DenseNetwork net = parent.network();
            Manifest m = parent.manifest();
            return new Start(net.layers().subList(0, net.codeLayer() + 1), m.frameSpec(), m.normalizer(), m.columns(), parent);
        }

        /** The same layers (sizes, activations) from Glorot-uniform initialization, no parent: the from-scratch twin. */
        public Start fromScratch(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            List<DenseLayer> fresh = encoder.stream().map(l -> DenseLayer.fromInputMajor(
                    AutoencoderWeights.glorot(l.inputs(), l.outputs(), rng), new double[l.outputs()], l.activation())).toList();
            return new Start(fresh, frameSpec, normalizer, columns, null);
        }

        /** Another encoder on the same input side, no parent (e.g. a PCA projection). */
        public Start withEncoder(List<DenseLayer> layers) {
            return new Start(layers, frameSpec, normalizer, columns, null);
        }
    }

    /** A trained classifier: the network, its manifest (not yet written) and the training figures. */
    public record Trained(DenseNetwork network, Manifest manifest, ClassifierTrainer.Result result) {
    }

    public static double[][] normalized(Dataset data, Normalizer normalizer, int[] frames) {
        double[][] out = new double[frames.length][normalizer.size()];
        for (int i = 0; i < frames.length; i++) {
            normalizer.normalize(data.frames().frames()[frames[i]], out[i]);
        }
        return out;
    }

    /** Trains on {@code train}, early-stops on {@code validation} (frames of {@code data}). */
    public static ClassifierTrainer.Result fit(Start start, Dataset data, LabelledFrames train, LabelledFrames validation,
                                              ClassifierOptions options, TrainingListener listener) {
        ClassifierTrainer.LabelledSet set = new ClassifierTrainer.LabelledSet(normalized(data, start.normalizer(), train.frames()),
                train.classOf(), normalized(data, start.normalizer(), validation.frames()), validation.classOf(),
                train.classes().size());
        return new ClassifierTrainer().fit(start.encoder(), set, options, listener);
    }

    /** The classifier bundle's manifest: the start's input side, the classes and the parent's identity. */
    public static Manifest manifest(Start start, List<String> classes, ClassifierTrainer.Result result, ClassifierOptions o,
                                    Map<String, Object> settings, Map<String, Double> metrics, String dataSha, Instant createdAt) {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("encoderSizes", start.encoder().stream().map(DenseLayer::outputs).toList());
        hyper.put("hidden", o.hidden());
        hyper.put("headEpochs", o.headEpochs());
        hyper.put("fineTuneEpochs", o.fineTuneEpochs());
        hyper.put("learningRate", o.learningRate());
        hyper.put("fineTuneRate", o.fineTuneRate());
        hyper.put("batchSize", o.batchSize());
        hyper.put("patience", o.patience());
        hyper.putAll(settings);
        ModelBundle parent = start.parent();
        ClassifierInfo info = new ClassifierInfo(classes, parent == null ? null : parent.version(),
                parent == null ? null : parent.networkSha256());
        Instant at = createdAt.truncatedTo(ChronoUnit.SECONDS);
        String version = BundleBuilder.version("classifier", at, result.network());
        return new Manifest(Manifest.FORMAT_VERSION, version, at, new ModelInfo("classifier", Distribution.CATEGORICAL, false, hyper),
                start.frameSpec(), null, start.normalizer(), null, metrics, o.seed(), dataSha, BundleBuilder.libraryVersions(), null,
                start.columns(), info);
    }
}
