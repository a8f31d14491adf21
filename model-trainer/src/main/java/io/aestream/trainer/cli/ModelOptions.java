package io.aestream.trainer.cli;

import io.aestream.scoring.Activation;
import io.aestream.scoring.Distribution;
import io.aestream.trainer.data.EnumOption;
import io.aestream.trainer.model.Architecture;
import io.aestream.trainer.model.AutoencoderSpec;
import io.aestream.trainer.model.Corruption;
import io.aestream.trainer.model.EncoderSizes;
import io.aestream.trainer.train.TrainingOptions;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The model and optimisation options of {@code train}, turned into an {@link AutoencoderSpec} and {@link TrainingOptions}. */
public final class ModelOptions {
    @Option(names = "--kind", defaultValue = "denoising",
            description = "undercomplete, sparse, denoising, contractive, stacked, or classifier (a softmax head on a pre-trained"
                    + " encoder, see --pretrained) (default ${DEFAULT-VALUE})")
    String kind;
    @Option(names = "--encoder", description = "encoder layer sizes, the last is the code (e.g. 32,8); auto: the code at the knee"
            + " of the PCA explained variance of the training frames; default: derived from the input size (code ≈ √inputs,"
            + " at most 16, below the input size)")
    String encoder;
    @Option(names = "--activation", defaultValue = "tanh", description = "identity, sigmoid, tanh or relu (default ${DEFAULT-VALUE})")
    String activation;
    @Option(names = "--distribution", defaultValue = "gaussian", description = "gaussian, bernoulli or categorical (default ${DEFAULT-VALUE})")
    String distribution;
    @Option(names = "--tied", description = "decoder weights are the encoder's transpose")
    boolean tied;
    @Option(names = "--l1", defaultValue = "0.001", description = "sparse: L1 weight on the code (default ${DEFAULT-VALUE})")
    double l1;
    @Option(names = "--corruption", defaultValue = "gaussian:0.3",
            description = "denoising: gaussian:S, masking:F, salt-pepper:F or recordings:DIR:MIN_DB:MAX_DB (default ${DEFAULT-VALUE})")
    String corruption;
    @Option(names = "--lambda", defaultValue = "0.01", description = "contractive: Jacobian penalty weight (default ${DEFAULT-VALUE})")
    double lambda;
    @Option(names = "--layer-kind", defaultValue = "undercomplete", description = "stacked: objective of each shallow layer (default ${DEFAULT-VALUE})")
    String layerKind;
    @Option(names = "--pretrain-epochs", defaultValue = "10", description = "stacked: epochs per layer (default ${DEFAULT-VALUE})")
    int pretrainEpochs;
    @Option(names = "--epochs", defaultValue = "500", description = "most epochs; early stopping on the validation loss"
            + " (--patience) usually ends training first (default ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--batch-size", defaultValue = "64")
    int batchSize;
    @Option(names = "--learning-rate", defaultValue = "0.001")
    double learningRate;
    @Option(names = "--patience", defaultValue = "10", description = "early stopping: epochs without validation improvement")
    int patience;
    @Option(names = "--seed", defaultValue = "42")
    long seed;

    /** Whether {@code --encoder auto} asks for a choice from the training frames. */
    public boolean autoEncoder() {
        return encoder != null && encoder.trim().equalsIgnoreCase("auto");
    }

    /**
     * The encoder sizes for {@code inputSize} features: the user's, else derived from the input size; {@code auto} is
     * resolved by the caller, which has the training frames ({@link EncoderSizes#knee}).
     */
    public EncoderSizes encoderSizes(int inputSize) {
        if (encoder == null) {
            return EncoderSizes.derived(inputSize);
        }
        if (autoEncoder()) {
            throw new IllegalStateException("--encoder auto is resolved from the training frames");
        }
        try {
            return EncoderSizes.given(Arrays.stream(encoder.split(",")).map(String::trim).map(Integer::valueOf).toList());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("encoder: expected comma-separated layer sizes or auto, got '" + encoder + "'", e);
        }
    }

    /** The model's output distribution (its loss and score), known before the sizes are. */
    public Distribution distribution() {
        return EnumOption.parse(Distribution.class, "distribution", distribution);
    }

    public AutoencoderSpec spec(EncoderSizes sizes) {
        Architecture arch = new Architecture(sizes.sizes(), EnumOption.parse(Activation.class, "activation", activation),
                distribution(), tied);
        if (kind.equalsIgnoreCase("stacked")) {
            return new AutoencoderSpec.Stacked(arch, objective(layerKind, arch), pretrainEpochs);
        }
        return objective(kind, arch);
    }

    public TrainingOptions trainingOptions() {
        return new TrainingOptions(epochs, batchSize, learningRate, patience, TrainingOptions.defaults(seed).minDelta(), seed);
    }

    private AutoencoderSpec objective(String name, Architecture arch) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "undercomplete" -> new AutoencoderSpec.Undercomplete(arch);
            case "sparse" -> new AutoencoderSpec.Sparse(arch, l1);
            case "denoising" -> new AutoencoderSpec.Denoising(arch, parseCorruption(corruption));
            case "contractive" -> new AutoencoderSpec.Contractive(arch, lambda);
            default -> throw new IllegalArgumentException("kind: must be undercomplete, sparse, denoising, contractive or stacked"
                    + " (stacked layers: not stacked), got '" + name + "'");
        };
    }

    /** {@code gaussian:S}, {@code masking:F}, {@code salt-pepper:F} or {@code recordings:PATH:MIN_DB:MAX_DB}. */
    static Corruption parseCorruption(String text) {
        String[] p = text.split(":");
        try {
            return switch (p[0].toLowerCase(Locale.ROOT)) {
                case "gaussian" -> new Corruption.Gaussian(Double.parseDouble(p[1]));
                case "masking" -> new Corruption.Masking(Double.parseDouble(p[1]));
                case "salt-pepper" -> new Corruption.SaltAndPepper(Double.parseDouble(p[1]));
                case "recordings" -> {
                    String path = String.join(":", Arrays.copyOfRange(p, 1, p.length - 2));
                    yield new Corruption.Recordings(noiseFiles(Path.of(path)), Double.parseDouble(p[p.length - 2]),
                            Double.parseDouble(p[p.length - 1]));
                }
                default -> throw new IllegalArgumentException("unknown corruption '" + p[0] + "'");
            };
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("corruption: expected gaussian:S, masking:F, salt-pepper:F or "
                    + "recordings:DIR:MIN_DB:MAX_DB, got '" + text + "'", e);
        }
    }

    private static List<String> noiseFiles(Path p) {
        if (!Files.isDirectory(p)) {
            return List.of(p.toString());
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted().map(Path::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
