package io.aestream.trainer;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Checksums;
import io.aestream.bundle.Json;
import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelInfo;
import io.aestream.trainer.eval.PcaBaseline;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;
import io.aestream.trainer.train.TrainingOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Turns a {@link TrainingRun} into a bundle: the manifest (provenance, spec, frame spec, normalizer, threshold,
 * metrics), the plain-array network, the engine's native files and the PCA baseline.
 */
public final class BundleBuilder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BundleBuilder() {
    }

    /**
     * @param settings extra provenance for the hyper-parameters (split, normalizer, threshold method…)
     * @param dataSha  SHA-256 of the training input files
     */
    public static Manifest manifest(TrainingRun run, Map<String, Object> settings, String dataSha, Instant createdAt) {
        Map<String, Object> hyper = new LinkedHashMap<>(hyperParameters(run.spec(), run.options()));
        hyper.putAll(settings);
        ModelInfo info = new ModelInfo(run.spec().kind(), run.spec().architecture().distribution(),
                run.spec().architecture().tiedWeights(), hyper);
        Instant at = createdAt.truncatedTo(ChronoUnit.SECONDS);
        String version = version(run.spec().kind(), at, run.model().network());
        return new Manifest(Manifest.FORMAT_VERSION, version, at, info, run.data().dataset().spec(), null,
                run.data().normalizer(), run.threshold(), run.metrics(), run.options().seed(), dataSha, libraryVersions(), null,
                run.data().columns(), null);
    }

    /** {@code <kind>-<UTC stamp>-<first 8 hex digits of the network's checksum>}: two runs in one second differ. */
    public static String version(String kind, Instant at, io.aestream.scoring.DenseNetwork network) {
        try {
            return kind + "-" + STAMP.format(at) + "-" + Checksums.sha256(Json.mapper().writeValueAsBytes(network)).substring(0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the bundle directory (and a zip of it when {@code zip} is non-null). */
    public static Manifest write(Path dir, Path zip, Manifest manifest, TrainingRun run) throws IOException {
        Map<String, byte[]> files = new HashMap<>(run.model().nativeFiles());
        files.put(PcaBaseline.FILE, Json.mapper().writeValueAsBytes(run.pca()));
        Manifest written = BundleIO.write(dir, manifest, run.model().network(), files);
        if (zip != null) {
            BundleIO.zip(dir, zip);
        }
        return written;
    }

    /** The spec and optimisation settings as plain JSON values. */
    public static Map<String, Object> hyperParameters(AutoencoderSpec spec, TrainingOptions o) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("encoderSizes", spec.architecture().encoderSizes());
        h.put("activation", spec.architecture().activation().name().toLowerCase(java.util.Locale.ROOT));
        h.putAll(objective(spec));
        h.put("epochs", o.epochs());
        h.put("batchSize", o.batchSize());
        h.put("learningRate", o.learningRate());
        h.put("patience", o.patience());
        h.put("minDelta", o.minDelta());
        return h;
    }

    private static Map<String, Object> objective(AutoencoderSpec spec) {
        Map<String, Object> h = new LinkedHashMap<>();
        if (spec instanceof AutoencoderSpec.Sparse s) {
            h.put("l1", s.l1());
        } else if (spec instanceof AutoencoderSpec.Denoising d) {
            h.put("corruption", describe(d.corruption()));
        } else if (spec instanceof AutoencoderSpec.Contractive c) {
            h.put("lambda", c.lambda());
        } else if (spec instanceof AutoencoderSpec.Stacked s) {
            h.put("layerObjective", s.layerObjective().kind());
            h.put("pretrainEpochs", s.pretrainEpochs());
            objective(s.layerObjective()).forEach((k, v) -> h.put("layer." + k, v));
        }
        return h;
    }

    /** The CLI form of a corruption, e.g. {@code gaussian:0.3}. */
    public static String describe(Corruption c) {
        if (c instanceof Corruption.Gaussian g) {
            return "gaussian:" + g.sigma();
        }
        if (c instanceof Corruption.Masking m) {
            return "masking:" + m.fraction();
        }
        if (c instanceof Corruption.SaltAndPepper s) {
            return "salt-pepper:" + s.fraction();
        }
        Corruption.Recordings r = (Corruption.Recordings) c;
        return "recordings:" + String.join(",", r.noiseFiles()) + ":" + r.snrMinDb() + ":" + r.snrMaxDb();
    }

    public static Map<String, String> libraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("deeplearning4j", mavenVersion("org.deeplearning4j", "deeplearning4j-nn"));
        v.put("nd4j", mavenVersion("org.nd4j", "nd4j-api"));
        v.put("java", System.getProperty("java.version"));
        v.put("aestream-format", String.valueOf(Manifest.FORMAT_VERSION));
        return v;
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = BundleBuilder.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** SHA-256 over the input files, in the order read. */
    public static String dataSha(List<Path> files) {
        try {
            return Checksums.sha256(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
