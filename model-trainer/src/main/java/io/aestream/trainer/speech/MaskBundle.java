package io.aestream.trainer.speech;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.Checksums;
import io.aestream.bundle.Json;
import io.aestream.bundle.Manifest;
import io.aestream.bundle.ModelInfo;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.scoring.Distribution;
import io.aestream.scoring.Threshold;
import io.aestream.trainer.calibrate.Calibrator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a trained mask model as an ordinary bundle: kind {@code denoising}, Bernoulli output (the sigmoid mask), the
 * frame spec with its {@link io.aestream.frame.GainMask}, the input standardization, and as threshold the 0.995 quantile
 * of the validation frames' scores (mean suppression), so frames suppressed more than usual are flagged.
 */
public final class MaskBundle {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private MaskBundle() {
    }

    public static Manifest write(Path dir, AudioFrameSpec spec, MaskTrainer.Result r, Map<String, Object> hyperParameters,
                                 long seed, String dataSha, Map<String, String> libraryVersions) throws IOException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String version = "denoising-mask-" + STAMP.format(at) + "-"
                + Checksums.sha256(Json.mapper().writeValueAsBytes(r.network())).substring(0, 8);
        Threshold threshold = new Threshold(Calibrator.quantile(r.validationScores(), 0.995), "quantile", Map.of("q", 0.995));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_frames_per_epoch", (double) r.trainFramesPerEpoch());
        metrics.put("validation_frames", (double) r.validationScores().length);
        metrics.put("epochs_run", (double) r.history().size() - 1);
        metrics.put("best_epoch", (double) r.bestEpoch());
        metrics.put("validation_loss", r.history().get(r.bestEpoch()).validationLoss());
        metrics.put("training_seconds", r.seconds());
        Manifest m = new Manifest(Manifest.FORMAT_VERSION, version, at,
                new ModelInfo("denoising", Distribution.BERNOULLI, false, hyperParameters), spec, null, r.normalizer(),
                threshold, metrics, seed, dataSha, libraryVersions, null);
        return BundleIO.write(dir, m, r.network(), Map.of());
    }
}
