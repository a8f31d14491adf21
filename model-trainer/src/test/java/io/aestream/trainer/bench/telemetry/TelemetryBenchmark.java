package io.aestream.trainer.bench.telemetry;

import io.aestream.adaptive.AdaptiveConfig;
import io.aestream.bundle.BundleIO;
import io.aestream.bundle.ModelBundle;
import io.aestream.frame.WindowFrameSpec;
import io.aestream.scoring.EventDetector;
import io.aestream.trainer.adaptive.AdaptiveOption;
import io.aestream.trainer.adaptive.FlaggedRows;
import io.aestream.trainer.adaptive.ScoredFrame;
import io.aestream.trainer.adaptive.SourceFrames;
import io.aestream.trainer.calibrate.Calibrator;
import io.aestream.trainer.cli.TrainerCli;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.RowRange;
import io.aestream.trainer.eval.AlertFigures;
import io.aestream.trainer.eval.EventFigures;
import io.aestream.trainer.eval.Figures;
import io.aestream.trainer.eval.FlagRule;
import io.aestream.trainer.eval.PcaBaseline;
import io.aestream.trainer.eval.ServiceEvents;
import io.aestream.trainer.eval.Span;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The multichannel telemetry benchmark: generate the seeded set ({@link TelemetryGenerator}), {@code train} on its
 * train split with the given options (the exact CLI command), then judge the bundle and its PCA baseline on the
 * test split: event precision / recall / F1, point-wise F1, and the flagged regions within 30 rows after a normal
 * command change (which should be none) — of the flags, and again of the events the stream makes of them with its
 * default hysteresis ({@link ServiceEvents}: open after a fifth of the window's frames, or 1 under adaptive alert
 * suppression; close after the window's length of clean ones), which is what a user alerted by the anomalies topic
 * sees. The same bundle is also judged in adaptive mode ({@code --adaptive on}): the train and test splits replayed as
 * one stream, so the detector warms up on the training rows as a stream would,
 * judged on the test rows.
 *
 * <p>Args: {@code WORK_DIR SEED [--reuse] [--model-seeds S1,S2,…] [--event-open-after N] [--event-close-after N]
 * [train options…]}, e.g.
 * {@code target/telemetry 1 --model-seeds 42,7,11 --layout window --window 30 --kind denoising --score-columns v1,v2,aux}; {@code --reuse} keeps
 * a bundle already trained there. With {@code --model-seeds} the same options train one bundle per model seed
 * ({@code WORK_DIR/model-s<seed>}, {@code --seed} appended) and a last line prints the model's mean event F1 and
 * change alerts over them: one training run's figure spreads by as much as the differences worth telling apart.
 * {@code --event-open-after N} and {@code --event-close-after N} replace the stream's default counts (as
 * AESTREAM_EVENT_OPEN_AFTER and AESTREAM_EVENT_CLOSE_AFTER would); the stream-event lines give the counts used and the
 * median alert delay.
 * Below the model's rows an oracle line gives the fixed threshold with the best event F1 of its flags on the test
 * labels — not a detector, but the bound any calibration of this score can reach, and how far the bundle's threshold
 * is from it. It only considers thresholds that flag at most {@link #ORACLE_MAX_FAR} of the normal rows: a threshold
 * below the normal scores makes one flagged region that touches every sequence, "event F1 1.000" for a useless
 * detector. A second oracle line asks the two targets at once: of the same thresholds, those whose stream
 * events follow no normal command change, the one with the best event F1 of those events — if it stays below a target
 * on a seed, no calibration of this score meets both there.
 */
public final class TelemetryBenchmark {
    /** The oracle's bound on the share of normal rows flagged (the defaults flag 1–8 %). */
    static final double ORACLE_MAX_FAR = 0.10;
    /** The event F1 target, for the thresholds that meet it without change alerts. */
    static final double TARGET_F1 = 0.8;

    private TelemetryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        List<String> rest = new ArrayList<>(List.of(args).subList(2, args.length));
        boolean reuse = rest.remove("--reuse");
        List<String> modelSeeds = List.of();
        int at = rest.indexOf("--model-seeds");
        if (at >= 0) {
            modelSeeds = List.of(rest.get(at + 1).split(","));
            rest.subList(at, at + 2).clear();
        }
        Hysteresis events = new Hysteresis(countOption(rest, "--event-open-after"), countOption(rest, "--event-close-after"));
        TelemetryGenerator.Written data = new TelemetryGenerator(seed, 4000, 4000).write(work.resolve("data"));
        if (modelSeeds.isEmpty()) {
            judge(bundle(work.resolve("model"), reuse, data, rest), data, work, events);
            return;
        }
        List<Judged> judged = new ArrayList<>();
        for (String modelSeed : modelSeeds) {
            List<String> options = new ArrayList<>(rest);
            options.addAll(List.of("--seed", modelSeed));
            System.out.println("model seed " + modelSeed);
            judged.add(judge(bundle(work.resolve("model-s" + modelSeed), reuse, data, options), data, work, events));
        }
        System.out.printf(Locale.ROOT, "mean over model seeds %s: event F1 %.3f of the flags, %.3f of the stream events;"
                        + " median alert delay %.1f rows; normal command changes flagged %.1f, in an event %.1f, of %d;"
                        + " oracle threshold's event F1 %.3f;"
                        + " without change alerts, its stream events' F1 %.3f%n",
                String.join(",", modelSeeds),
                judged.stream().mapToDouble(j -> j.model().events().f1()).average().orElseThrow(),
                judged.stream().mapToDouble(j -> j.model().streamEvents().f1()).average().orElseThrow(),
                judged.stream().mapToDouble(j -> j.model().alertDelay()).average().orElseThrow(),
                judged.stream().mapToInt(j -> j.model().changesFlagged()).average().orElseThrow(),
                judged.stream().mapToInt(j -> j.model().changesInEvents()).average().orElseThrow(), data.normalChanges().size(),
                judged.stream().mapToDouble(j -> j.oracle().events().f1()).average().orElseThrow(),
                judged.stream().mapToDouble(j -> j.quiet().best().events().f1()).average().orElseThrow());
    }

    /** The event counts the options give (empty: the stream's default), as AESTREAM_EVENT_OPEN_AFTER/CLOSE_AFTER would. */
    private record Hysteresis(OptionalInt openAfter, OptionalInt closeAfter) {
    }

    /** {@code name N} (or {@code name auto}) taken out of {@code args}; empty when absent or auto. */
    private static OptionalInt countOption(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return OptionalInt.empty();
        }
        OptionalInt n = EventDetector.count(args.get(at + 1));
        args.subList(at, at + 2).clear();
        return n;
    }

    /** One scorer's figures on the test split, of its flags and of the stream's events. */
    private record Reported(EventFigures events, int changesFlagged, EventFigures streamEvents, int changesInEvents,
                            double alertDelay) {
    }

    /** The model's figures and its two oracle thresholds', for the mean over model seeds. */
    private record Judged(Reported model, Oracle oracle, Quiet quiet) {
    }

    /** A fixed threshold and the event figures it was chosen by (of its flags, or of the stream events they make). */
    private record Oracle(double threshold, EventFigures events) {
    }

    /**
     * The best threshold whose stream events alert on no normal command change, and how many of the candidates also
     * reach the target F1, the lowest and highest of them (NaN when none; the ones between need not all qualify).
     */
    private record Quiet(Oracle best, int meeting, int candidates, double low, double high) {
    }

    /** The bundle at {@code dir}: trained with {@code options}, or kept when {@code reuse} and one is there. */
    private static Path bundle(Path dir, boolean reuse, TelemetryGenerator.Written data, List<String> options) {
        if (!reuse || !Files.exists(dir.resolve("manifest.json"))) {
            train(data, dir, options);
        }
        return dir;
    }

    /** Prints the model, oracle, PCA and adaptive rows for one bundle; returns the model's and the oracle's. */
    private static Judged judge(Path bundle, TelemetryGenerator.Written data, Path work, Hysteresis events)
            throws Exception {
        ModelBundle b = BundleIO.read(bundle);
        Dataset d = Dataset.ofTables(List.of(data.test()), b.manifest().frameSpec(), ',', "ts", "label");
        int first = b.manifest().frameSpec() instanceof WindowFrameSpec w ? w.window() - 1 : 0;
        RowRange range = new RowRange(first, d.rows());
        SourceFrames frames = SourceFrames.of(d, null);
        PcaBaseline pca = PcaBaseline.read(bundle);
        EventDetector detector = EventDetector.of(b.manifest().frameSpec(), 0, events.openAfter(), events.closeAfter());
        FlaggedRows modelRows = FlaggedRows.of(d.frames(), ScoredFrame.of(b, Optional.empty(), frames), d.rowLabels(), range,
                FlagRule.LAST);
        double threshold = b.manifest().threshold().value();
        Reported model = report("model", modelRows, threshold, first, data, detector);
        Oracle oracle = oracle(modelRows);
        System.out.printf(Locale.ROOT, "%-16s oracle (chosen on the test labels, not a detector; FAR at most %.0f %%):"
                        + " threshold %.4g = %.2f × the bundle's, events %d/%d found, %d FP regions, event F1 %.3f%n", "",
                100 * ORACLE_MAX_FAR, oracle.threshold(), oracle.threshold() / threshold, oracle.events().found(),
                oracle.events().sequences(), oracle.events().falsePositives(), oracle.events().f1());
        Quiet quiet = quietOracle(modelRows, detector, first, data.normalChanges());
        Oracle q = quiet.best();
        System.out.printf(Locale.ROOT, "%-16s oracle without change alerts (its stream events follow none of the %d normal"
                        + " command changes): threshold %.4g = %.2f × the bundle's, %d/%d found, %d false events, event F1 %.3f;"
                        + " %d of the %d thresholds meet both targets (event F1 ≥ %.1f)%s%n", "", data.normalChanges().size(),
                q.threshold(), q.threshold() / threshold, q.events().found(), q.events().sequences(),
                q.events().falsePositives(), q.events().f1(), quiet.meeting(), quiet.candidates(), TARGET_F1,
                quiet.meeting() == 0 ? "" : String.format(Locale.ROOT, ", from %.4g to %.4g (%.2f–%.2f × the bundle's)",
                        quiet.low(), quiet.high(), quiet.low() / threshold, quiet.high() / threshold));
        report("pca", FlaggedRows.of(d.frames(), ScoredFrame.fixed(pca.scorer(b.manifest()), pca.threshold(), "pca", frames),
                d.rowLabels(), range, FlagRule.LAST), pca.threshold().value(), first, data, detector);
        adaptive(b, data, work.resolve("data/stream.csv"), events.closeAfter());
        return new Judged(model, oracle, quiet);
    }

    /**
     * Of the row scores taken as thresholds that flag at most {@link #ORACLE_MAX_FAR} of the normal rows, the one whose
     * flags score the best event F1 (the lowest on a tie).
     */
    private static Oracle oracle(FlaggedRows rows) {
        Oracle best = null;
        for (double t : oracleCandidates(rows)) {
            EventFigures e = EventFigures.ofScores(rows.scores(), rows.labels(), t);
            if (best == null || e.f1() > best.events().f1()) {
                best = new Oracle(t, e);
            }
        }
        return best;
    }

    /**
     * Of the same candidates, those whose stream events follow no normal command change: the one whose events score the
     * best event F1 (the lowest on a tie), and the lowest and highest that also reach {@link #TARGET_F1} (up to rounding:
     * 6 of 8 found with one false event is F1 0.8). The highest candidate flags nothing, so there always is a best one.
     */
    private static Quiet quietOracle(FlaggedRows rows, EventDetector detector, int first, List<Integer> changes) {
        double[] candidates = oracleCandidates(rows);
        Oracle best = null;
        int meeting = 0;
        double low = Double.NaN;
        double high = Double.NaN;
        for (double t : candidates) {
            boolean[] eventRows = ServiceEvents.rows(EventFigures.flagsAbove(rows.scores(), t), detector);
            if (alertsAfterChanges(eventRows, first, changes) > 0) {
                continue;
            }
            EventFigures e = EventFigures.of(eventRows, rows.labels());
            if (best == null || e.f1() > best.events().f1()) {
                best = new Oracle(t, e);
            }
            if (e.f1() >= TARGET_F1 - 1e-9) {
                meeting++;
                low = Double.isNaN(low) ? t : low;
                high = t;
            }
        }
        return new Quiet(best, meeting, candidates.length, low, high);
    }

    /** The distinct row scores that, as a threshold, flag at most {@link #ORACLE_MAX_FAR} of the normal rows. */
    private static double[] oracleCandidates(FlaggedRows rows) {
        double[] normal = IntStream.range(0, rows.labels().length).filter(i -> !rows.labels()[i])
                .mapToDouble(i -> rows.scores()[i]).sorted().toArray();
        double lowest = normal[(int) Math.min(normal.length - 1, Math.ceil((1 - ORACLE_MAX_FAR) * normal.length) - 1)];
        return Arrays.stream(rows.scores()).filter(t -> t >= lowest).distinct().sorted().toArray();
    }

    private static void train(TelemetryGenerator.Written data, Path bundle, List<String> options) {
        List<String> train = new ArrayList<>(List.of("train", "--input", data.train().toString(), "--timestamp-column", "ts",
                "--label-column", "label", "--quiet", "--out", bundle.toString()));
        train.addAll(options);
        System.out.println("train " + String.join(" ", train.subList(1, train.size())));
        int rc = new CommandLine(new TrainerCli()).execute(train.toArray(String[]::new));
        if (rc != 0) {
            System.exit(rc);
        }
    }

    /** {@code --adaptive on} over the training rows followed by the test rows, judged on the test rows. */
    private static void adaptive(ModelBundle b, TelemetryGenerator.Written data, Path stream, OptionalInt closeAfter)
            throws Exception {
        List<String> trainLines = Files.readAllLines(data.train());
        List<String> testLines = Files.readAllLines(data.test());
        int trainRows = trainLines.size() - 1;
        List<String> lines = new ArrayList<>(trainLines);
        for (String line : testLines.subList(1, testLines.size())) {
            int comma = line.indexOf(',');
            lines.add((Long.parseLong(line.substring(0, comma)) + trainRows) + line.substring(comma));
        }
        Files.write(stream, lines);
        Dataset d = Dataset.ofTables(List.of(stream), b.manifest().frameSpec(), ',', "ts", "label");
        SourceFrames frames = SourceFrames.of(d, null);
        AdaptiveConfig on = AdaptiveOption.resolve("on", b).orElseThrow();
        Map<String, AdaptiveConfig> variants = new LinkedHashMap<>();
        variants.put("adaptive", on);
        variants.put("adaptive-rolling", on.withNormalization(AdaptiveConfig.defaults().normalization()));
        for (var variant : variants.entrySet()) {
            List<ScoredFrame> scored = ScoredFrame.of(b, Optional.of(variant.getValue()), frames);
            EventDetector suppressing = EventDetector.of(b.manifest().frameSpec(), variant.getValue().suppressFrames(),
                    OptionalInt.empty(), closeAfter);
            report(variant.getKey(), FlaggedRows.of(d.frames(), scored, d.rowLabels(), new RowRange(trainRows, d.rows()),
                    FlagRule.LAST), Double.NaN, 0, data, suppressing);
        }
    }

    private static Reported report(String name, FlaggedRows rows, double threshold, int first, TelemetryGenerator.Written data,
                                 EventDetector detector) {
        EventFigures e = rows.events();
        Figures f = rows.figures(threshold);
        int afterChanges = alertsAfterChanges(rows.flags(), first, data.normalChanges());
        System.out.printf(Locale.ROOT, "%-16s events %d/%d found, %d FP regions: event P %.3f R %.3f F1 %.3f | point-wise P %.3f"
                        + " R %.3f F1 %.3f FAR %.2f %% ROC-AUC %.3f | point-adjusted F1 (inflated) %.3f | normal command changes"
                        + " followed by a flag within %d rows: %d of %d%n", name, e.found(), e.sequences(), e.falsePositives(),
                e.precision(), e.recall(), e.f1(), f.precision(), f.recall(), f.f1(), 100 * f.far(), f.rocAuc(), e.pointAdjustedF1(),
                TelemetryGenerator.CLEARANCE, afterChanges, data.normalChanges().size());
        List<ServiceEvents.Event> events = ServiceEvents.events(rows.flags(), detector);
        boolean[] eventRows = ServiceEvents.marked(rows.flags().length, events);
        AlertFigures alerts = AlertFigures.of(events, rows.labels());
        EventFigures s = alerts.events();
        int inEvents = alertsAfterChanges(eventRows, first, data.normalChanges());
        double delay = alerts.medianDelay();
        System.out.printf(Locale.ROOT, "%-16s stream events (open after %d, close after %d): %d/%d found, %d false events:"
                        + " event P %.3f R %.3f F1 %.3f | median alert delay %.1f rows | normal rows inside events %.2f %% |"
                        + " normal command changes followed by an event within %d rows: %d of %d%n", "", detector.openAfter(),
                detector.closeAfter(), s.found(), s.sequences(), s.falsePositives(), s.precision(), s.recall(), s.f1(), delay,
                100 * normalShare(eventRows, rows.labels()), TelemetryGenerator.CLEARANCE, inEvents, data.normalChanges().size());
        runLengths(rows, first, data.normalChanges());
        return new Reported(e, afterChanges, s, inEvents, delay);
    }

    /**
     * How long the flags stay up: the median and the 10th–90th percentile length (frames) of the flagged runs that touch
     * a labelled sequence (overlapping it or adjacent, as {@link EventFigures} counts them) and of those that start
     * within {@link TelemetryGenerator#CLEARANCE} rows after a normal command change — what the default open-after
     * ({@link EventDetector#defaultOpenAfter}) tells apart.
     */
    private static void runLengths(FlaggedRows rows, int first, List<Integer> changes) {
        List<Integer> anomaly = new ArrayList<>();
        List<Integer> change = new ArrayList<>();
        for (Span r : Span.runs(rows.flags())) {
            int startRow = r.start() + first;
            if (r.touches(rows.labels())) {
                anomaly.add(r.length());
            } else if (changes.stream().anyMatch(c -> startRow >= c && startRow < c + TelemetryGenerator.CLEARANCE)) {
                change.add(r.length());
            }
        }
        System.out.printf(Locale.ROOT, "%-16s flagged runs (frames): touching an anomaly %s; after a normal change %s%n", "",
                spread(anomaly), spread(change));
    }

    /** "median M (10th–90th percentile A–B) of N runs", or "none". */
    private static String spread(List<Integer> lengths) {
        if (lengths.isEmpty()) {
            return "none";
        }
        double[] v = lengths.stream().mapToDouble(Integer::doubleValue).toArray();
        return String.format(Locale.ROOT, "median %.1f (10th–90th percentile %.1f–%.1f) of %d runs", Calibrator.quantile(v, 0.5),
                Calibrator.quantile(v, 0.1), Calibrator.quantile(v, 0.9), v.length);
    }

    /**
     * The share of normal rows inside events: an event that covers the whole split counts as one false positive at
     * most, so the event figures are read beside it.
     */
    private static double normalShare(boolean[] eventRows, boolean[] labels) {
        long normal = 0;
        long inside = 0;
        for (int i = 0; i < labels.length; i++) {
            normal += labels[i] ? 0 : 1;
            inside += !labels[i] && eventRows[i] ? 1 : 0;
        }
        return normal == 0 ? 0 : (double) inside / normal;
    }

    /** Normal command changes followed by a flag within {@link TelemetryGenerator#CLEARANCE} rows. */
    private static int alertsAfterChanges(boolean[] flags, int first, List<Integer> changes) {
        int alerts = 0;
        for (int c : changes) {
            boolean hit = false;
            for (int r = c; r < c + TelemetryGenerator.CLEARANCE && r - first < flags.length; r++) {
                hit |= r >= first && flags[r - first];
            }
            alerts += hit ? 1 : 0;
        }
        return alerts;
    }
}
