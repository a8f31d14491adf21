package io.aestream.trainer.eval.corpus;

import io.aestream.adaptive.AdaptiveConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detection chain's defaults on the generated univariate corpus (one series per anomaly kind), each trained by
 * {@code train} with no model flag and {@code --window auto}: the default adaptive configuration beats the bundle's
 * fixed threshold and the PCA baseline of the same code size on the NAB-style early-detection score, and its
 * likelihood ranks the labelled rows at least as well as the raw score it is computed from.
 */
class CorpusDetectionIT {
    private static final List<CorpusRun.Scored> PCA = new ArrayList<>();
    private static final List<CorpusRun.Scored> FIXED = new ArrayList<>();
    private static final List<CorpusRun.Scored> ADAPTIVE = new ArrayList<>();

    @BeforeAll
    static void runCorpus(@TempDir Path dir) throws IOException {
        for (UnivariateCorpus.Series s : UnivariateCorpus.generate(List.of(1L), 2000)) {
            CorpusRun run = new CorpusRun(s, dir);
            PCA.add(run.pca(run.bundleDir(dir)));
            FIXED.add(run.model(Optional.empty()));
            ADAPTIVE.add(run.model(Optional.of(AdaptiveConfig.defaults())));
        }
        System.out.printf("corpus early standard: PCA %.1f, fixed %.1f, adaptive defaults %.1f; ROC-AUC score %.3f, likelihood %.3f%n",
                CorpusBenchmark.mean(PCA, r -> r.early().standard()), CorpusBenchmark.mean(FIXED, r -> r.early().standard()),
                CorpusBenchmark.mean(ADAPTIVE, r -> r.early().standard()), CorpusBenchmark.mean(ADAPTIVE, CorpusRun.Scored::scoreAuc),
                CorpusBenchmark.mean(ADAPTIVE, CorpusRun.Scored::likelihoodAuc));
    }

    @Test
    void shouldBeatFixedAndPcaOnEarlyDetectionWithTheAdaptiveDefaults() {
        double adaptive = CorpusBenchmark.mean(ADAPTIVE, r -> r.early().standard());

        assertThat(adaptive).isGreaterThan(50);
        assertThat(adaptive).isGreaterThan(CorpusBenchmark.mean(FIXED, r -> r.early().standard()));
        assertThat(adaptive).isGreaterThan(CorpusBenchmark.mean(PCA, r -> r.early().standard()));
        assertThat(CorpusBenchmark.mean(ADAPTIVE, r -> r.early().lowFp())).isGreaterThan(40);
    }

    @Test
    void shouldRankLabelledRowsAtLeastAsWellByLikelihoodAsByRawScore() {
        assertThat(CorpusBenchmark.mean(ADAPTIVE, CorpusRun.Scored::likelihoodAuc))
                .isGreaterThanOrEqualTo(CorpusBenchmark.mean(ADAPTIVE, CorpusRun.Scored::scoreAuc));
    }
}
