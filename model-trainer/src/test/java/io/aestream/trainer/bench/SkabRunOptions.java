package io.aestream.trainer.bench;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of the SKAB detection runners (outlier and changepoint protocols): where the data is, how many rows
 * train, whether bundles already trained are kept, and the {@code train} options after {@code --}. Each runner keeps
 * its own {@code --work} default, so their bundles do not mix.
 */
public final class SkabRunOptions {
    @Option(names = "--data", defaultValue = "../shared/data", description = "folder holding skab/ (default ${DEFAULT-VALUE})")
    Path data;
    @Option(names = "--train-rows", defaultValue = "400", description = "rows 0:N of each file train (default ${DEFAULT-VALUE})")
    public int trainRows;
    @Option(names = "--reuse", description = "keep a file's bundle when its folder already holds one (trained with the same args)")
    boolean reuse;
    @Parameters(description = "train options, e.g. --kind denoising --window 60 --encoder 64,8")
    public List<String> trainArgs = new ArrayList<>();

    public SkabExperiments experiments(Path work) {
        return new SkabExperiments(data.resolve("skab"), work, trainRows, trainArgs);
    }

    /** Trains {@code file}'s bundle into {@code out} unless {@code --reuse} finds one there; the train command's exit code. */
    public int trainUnlessReused(SkabExperiments skab, Path file, Path out) {
        return reuse && Files.exists(out.resolve("manifest.json")) ? 0 : skab.train(file, out);
    }
}
