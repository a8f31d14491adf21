package io.aestream.trainer.cli;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.bundle.Json;
import io.aestream.bundle.ModelBundle;
import io.aestream.scoring.EventDetector;
import io.aestream.trainer.adaptive.AdaptiveOption;
import io.aestream.trainer.adaptive.FlaggedRows;
import io.aestream.trainer.adaptive.ScoredFrame;
import io.aestream.trainer.adaptive.SourceFrames;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.eval.AlertFigures;
import io.aestream.trainer.eval.EventFigures;
import io.aestream.trainer.eval.Figures;
import io.aestream.trainer.eval.FlagRule;
import io.aestream.trainer.eval.PcaBaseline;
import io.aestream.trainer.eval.early.EarlyFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/**
 * {@code evaluate}: ROC-AUC, PR-AUC, best F1 and its threshold, precision/recall/F1/FAR/MAR of the flags, the windowed
 * early-detection score (standard, low-FP and low-FN profiles), and event-level precision/recall/F1 of the flags and
 * of the events the stream's hysteresis makes of them, on labelled rows: for the model and, beside it, for the PCA
 * baseline stored in the bundle. With {@code --adaptive} the model's scores and flags are those of the stream's
 * adaptive detection (each file one source); the baseline stays fixed.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate a bundle on labelled rows.")
public class EvaluateCommand extends BaseCommand {
    @Mixin
    InputOptions input = new InputOptions();
    @Mixin
    ClassifierEvaluation classifier = new ClassifierEvaluation();
    @Option(names = "--label-column", description = "0/1 anomaly labels (required unless --reference); for a classifier bundle,"
            + " class names (empty = not labelled)")
    String labelColumn;
    @Option(names = "--reference", description = "audio: directory of clean WAV files named as the inputs; reports SNR,"
            + " segmental SNR and SI-SDR of the noisy input, the model, a Wiener filter and spectral subtraction")
    Path reference;
    @Option(names = "--rows", description = "evaluate only rows A:B (global, 0-based, B exclusive)")
    String rows;
    @Option(names = "--flag-rule", defaultValue = "last",
            description = "last: a row takes the score and flag of the frame it ends; all: the lowest score of every frame"
                    + " covering it, flagged only when all of them are; all-in-range: as all, and every covering frame lies in the"
                    + " evaluated rows; skab-notebook: SKAB's published notebook rule (windows over the whole file, row r flagged"
                    + " when the windows starting r-W+1..r-1 all are)")
    String flagRule;
    @Option(names = "--adaptive", arity = "0..1", fallbackValue = "on", paramLabel = "on|off|CONFIG.json",
            description = "evaluate the stream's adaptive detection (as AESTREAM_ADAPTIVE): on = the bundle's adaptive config or"
                    + " the defaults, or a JSON config file; alone means on")
    String adaptive;
    @Option(names = "--json", description = "also write the figures as JSON")
    Path json;
    @Option(names = "--event-open-after", defaultValue = "auto", description = "flagged frames that open a stream event, as"
            + " AESTREAM_EVENT_OPEN_AFTER: a number or auto (default ${DEFAULT-VALUE}: 3, a fifth of a window's frames for a"
            + " window layout, or 1 under adaptive alert suppression)")
    String eventOpenAfter;
    @Option(names = "--event-close-after", defaultValue = "auto", description = "clean frames that close it, as"
            + " AESTREAM_EVENT_CLOSE_AFTER: a number or auto (default ${DEFAULT-VALUE}: at least 5, and the frames that share a"
            + " row with the last flagged one)")
    String eventCloseAfter;

    /** What {@code --json} writes; {@code adaptive} is the config used, null for fixed scoring. */
    record Report(String modelVersion, String flagRule, AdaptiveConfig adaptive, Figures model, Figures pca, Early early,
                  Events events, StreamEvents streamEvents) {
    }

    /** Event-level figures of the model's and the baseline's flags. */
    record Events(EventFigures model, EventFigures pca) {
    }

    /**
     * Event-level figures of the events the stream would emit for those flags with this hysteresis (the stream flags
     * each frame at its last row, as {@code --flag-rule last} does; under another rule these are the rule's rows), and
     * the median rows from a sequence's start to its alert.
     */
    record StreamEvents(int openAfter, int closeAfter, EventFigures model, EventFigures pca, double modelMedianAlertDelay,
                        double pcaMedianAlertDelay) {

        StreamEvents(EventDetector detector, AlertFigures model, AlertFigures pca) {
            this(detector.openAfter(), detector.closeAfter(), model.events(), pca.events(), model.medianDelay(),
                    pca.medianDelay());
        }
    }

    /** Early-detection figures of the model and of the baseline. */
    record Early(EarlyFigures model, EarlyFigures pca) {
    }

    @Override
    protected int run() throws Exception {
        if (reference != null) {
            return ReferenceEvaluation.execute(input, reference, json, out());
        }
        if (labelColumn == null) {
            throw new IllegalArgumentException("label-column: --label-column is required (or --reference DIR for audio)");
        }
        ModelBundle bundle = input.bundle();
        if (bundle.isClassifier()) {
            return classifier.execute(bundle, input, labelColumn, rows, json, out());
        }
        Optional<AdaptiveConfig> config = AdaptiveOption.resolve(adaptive, bundle);
        Dataset data = input.load(bundle, labelColumn);
        FlagRule rule = FlagRule.parse(flagRule);
        RowRange range = rows == null ? new RowRange(0, data.rows()) : RowRange.parse(rows, data.rows());
        SourceFrames frames = SourceFrames.of(data, null);
        List<ScoredFrame> modelFrames = ScoredFrame.of(bundle, config, frames);
        PcaBaseline pca = PcaBaseline.read(input.model);
        List<ScoredFrame> pcaFrames = ScoredFrame.fixed(pca.scorer(bundle.manifest()), pca.threshold(), "pca", frames);
        FlaggedRows m = FlaggedRows.of(data.frames(), modelFrames, data.rowLabels(), range, rule);
        FlaggedRows p = FlaggedRows.of(data.frames(), pcaFrames, data.rowLabels(), range, rule);
        EventDetector detector = events(bundle, config);
        Report report = new Report(bundle.version() + (config.isPresent() ? " (adaptive)" : ""), rule.name().toLowerCase(Locale.ROOT),
                config.orElse(null), m.figures(config.isPresent() ? Double.NaN : bundle.manifest().threshold().value()),
                p.figures(pca.threshold().value()), new Early(m.early(), p.early()),
                new Events(m.events(), p.events()), new StreamEvents(detector,
                m.serviceEvents(detector), p.serviceEvents(detector)));
        printTable(out(), report);
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), report);
        }
        return 0;
    }

    /** The stream's hysteresis for this bundle and detection, with the options' counts where given. */
    private EventDetector events(ModelBundle bundle, Optional<AdaptiveConfig> config) {
        OptionalInt openAfter = frames("--event-open-after", eventOpenAfter);
        OptionalInt closeAfter = frames("--event-close-after", eventCloseAfter);
        try {
            return EventDetector.of(bundle.manifest().frameSpec(), config.map(AdaptiveConfig::suppressFrames).orElse(0),
                    openAfter, closeAfter);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--event-open-after: " + e.getMessage(), e);
        }
    }

    /** A frame count option: empty for {@code auto} ({@link EventDetector#count}). */
    private static OptionalInt frames(String option, String value) {
        try {
            OptionalInt frames = EventDetector.count(value);
            if (frames.isEmpty() || frames.getAsInt() >= 1) {
                return frames;
            }
        } catch (NumberFormatException e) {
            // reported below, as a count below 1 is
        }
        throw new IllegalArgumentException(option + ": must be a number >= 1 or auto, got '" + value + "'");
    }

    /** One column of the table: a scorer's point-wise, early-detection, flag-event and stream-event figures. */
    private record Column(Figures f, EarlyFigures e, EventFigures v, EventFigures s, double alertDelay) {
    }

    static void printTable(PrintWriter w, Report r) {
        w.printf(Locale.ROOT, "%s, flag rule %s%n", r.modelVersion(), r.flagRule());
        w.printf(Locale.ROOT, "%-30s %14s %14s%n", "", r.adaptive() == null ? "model" : "adaptive model", "pca baseline");
        StreamEvents se = r.streamEvents();
        Column[] cols = {new Column(r.model(), r.early().model(), r.events().model(), se.model(), se.modelMedianAlertDelay()),
                new Column(r.pca(), r.early().pca(), r.events().pca(), se.pca(), se.pcaMedianAlertDelay())};
        line(w, cols, "rows", c -> c.f().rows(), "%14.0f");
        line(w, cols, "anomalous rows", c -> c.f().anomalies(), "%14.0f");
        line(w, cols, "ROC-AUC", c -> c.f().rocAuc(), "%14.4f");
        line(w, cols, "PR-AUC", c -> c.f().prAuc(), "%14.4f");
        line(w, cols, "best F1", c -> c.f().bestF1(), "%14.4f");
        line(w, cols, "best-F1 threshold", c -> c.f().bestF1Threshold(), "%14.6g");
        line(w, cols, "threshold", c -> c.f().threshold(), "%14.6g");
        line(w, cols, "precision", c -> c.f().precision(), "%14.4f");
        line(w, cols, "recall", c -> c.f().recall(), "%14.4f");
        line(w, cols, "F1", c -> c.f().f1(), "%14.4f");
        line(w, cols, "FAR %", c -> 100 * c.f().far(), "%14.2f");
        line(w, cols, "MAR %", c -> 100 * c.f().mar(), "%14.2f");
        line(w, cols, "early score standard", c -> c.e().standard(), "%14.2f");
        line(w, cols, "early score low FP", c -> c.e().lowFp(), "%14.2f");
        line(w, cols, "early score low FN", c -> c.e().lowFn(), "%14.2f");
        line(w, cols, "windows detected", c -> c.e().detected(), "%14.0f");
        line(w, cols, "windows", c -> c.e().windows(), "%14.0f");
        line(w, cols, "flags outside windows", c -> c.e().falsePositives(), "%14.0f");
        line(w, cols, "anomaly sequences", c -> c.v().sequences(), "%14.0f");
        line(w, cols, "sequences found", c -> c.v().found(), "%14.0f");
        line(w, cols, "false-positive regions", c -> c.v().falsePositives(), "%14.0f");
        line(w, cols, "event precision", c -> c.v().precision(), "%14.4f");
        line(w, cols, "event recall", c -> c.v().recall(), "%14.4f");
        line(w, cols, "event F1", c -> c.v().f1(), "%14.4f");
        line(w, cols, "point-adjusted F1 (inflated)", c -> c.v().pointAdjustedF1(), "%14.4f");
        w.printf(Locale.ROOT, "stream events (open after %d, close after %d frames), as the anomalies topic reports them:%n",
                se.openAfter(), se.closeAfter());
        line(w, cols, "sequences found by events", c -> c.s().found(), "%14.0f");
        line(w, cols, "false-positive events", c -> c.s().falsePositives(), "%14.0f");
        line(w, cols, "event precision (events)", c -> c.s().precision(), "%14.4f");
        line(w, cols, "event recall (events)", c -> c.s().recall(), "%14.4f");
        line(w, cols, "event F1 (events)", c -> c.s().f1(), "%14.4f");
        line(w, cols, "median alert delay (rows)", Column::alertDelay, "%14.1f");
        w.flush();
    }

    private static void line(PrintWriter w, Column[] cols, String name, ToDoubleFunction<Column> value, String fmt) {
        w.printf(Locale.ROOT, "%-30s " + fmt + " " + fmt + "%n", name, value.applyAsDouble(cols[0]), value.applyAsDouble(cols[1]));
    }
}
