package io.aestream.trainer.cli;

import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.AudioFrameSpec;
import io.aestream.trainer.data.BadInputException;
import io.aestream.trainer.data.CsvFormat;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.InputFiles;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The options every bundle-consuming command shares: the bundle, the input, and how to read CSV input. */
public final class InputOptions {
    @Option(names = "--model", required = true, description = "bundle directory or zip")
    Path model;
    @Option(names = "--input", required = true, arity = "1..*", description = "CSV/TSV or WAV files or directories")
    List<Path> inputs;
    @Option(names = "--separator", defaultValue = ",", description = "CSV field separator (default ${DEFAULT-VALUE})")
    String separator;
    @Option(names = "--timestamp-column", description = "copied to the output")
    String timestampColumn;

    ModelBundle bundle() {
        return BundleIO.read(model);
    }

    /** The input framed by the bundle's own frame spec, so frames match training and the stream app. */
    Dataset load(ModelBundle bundle, String labelColumn) {
        InputFiles input = InputFiles.expand(inputs);
        if (bundle.manifest().frameSpec() instanceof AudioFrameSpec a) {
            if (input.kind() != InputFiles.Kind.AUDIO) {
                throw BadInputException.inFile(input.files().get(0), "the model expects WAV audio input");
            }
            return Dataset.ofAudio(input.files(), a);
        }
        if (input.kind() != InputFiles.Kind.TABLE) {
            throw BadInputException.inFile(input.files().get(0), "the model expects CSV/TSV input, not audio");
        }
        return Dataset.ofTables(input.files(), bundle.manifest().frameSpec(), CsvFormat.parseSeparator(separator),
                timestampColumn, labelColumn);
    }
}
