package io.aestream.trainer.classify;

import io.aestream.trainer.data.BadInputException;
import io.aestream.trainer.data.CsvReader;
import io.aestream.trainer.data.Dataset;
import io.aestream.trainer.data.FrameSet;
import io.aestream.trainer.data.RowRange;
import io.aestream.sampling.Shuffle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The frames of a dataset that carry a class, with the class list. A frame's class is its last row's (the row it is
 * scored for in the stream); an empty cell means normal or unlabelled, and such frames are left out.
 *
 * @param frames  indices into the dataset's frames
 * @param classOf per frame, the index of its class in {@code classes}
 * @param classes the class names, sorted
 */
public record LabelledFrames(int[] frames, int[] classOf, List<String> classes) {

    /** Per global row of {@code dataset} (tabular input), the text of {@code column}; empty = no class. */
    public static String[] rowLabels(Dataset dataset, char separator, String column) {
        List<String> all = new ArrayList<>();
        for (Path f : dataset.files()) {
            all.addAll(Arrays.asList(CsvReader.textColumn(f, separator, column)));
        }
        if (all.size() != dataset.rows()) {
            throw new IllegalStateException("label column '" + column + "': " + all.size() + " rows, the frames cover " + dataset.rows());
        }
        return all.toArray(String[]::new);
    }

    /**
     * The labelled frames lying wholly in {@code range}, classes as found there.
     *
     * @throws BadInputException when fewer than two classes are labelled there
     */
    public static LabelledFrames of(Dataset dataset, String[] rowLabels, RowRange range, String column) {
        return of(dataset, rowLabels, range, column, null);
    }

    /** As {@link #of(Dataset, String[], RowRange, String)} but against a known class list (evaluation of a bundle). */
    public static LabelledFrames of(Dataset dataset, String[] rowLabels, RowRange range, String column, List<String> known) {
        FrameSet fs = dataset.frames();
        List<Integer> frames = new ArrayList<>();
        TreeSet<String> found = new TreeSet<>();
        for (int i = 0; i < fs.size(); i++) {
            String label = rowLabels[fs.lastRow()[i]];
            if (!label.isEmpty() && range.covers(fs.firstRow()[i], fs.lastRow()[i])) {
                frames.add(i);
                found.add(label);
            }
        }
        List<String> classes = known != null ? known : List.copyOf(found);
        if (known == null && classes.size() < 2) {
            throw new BadInputException("label column '" + column + "': a classifier needs at least two classes, found "
                    + (classes.isEmpty() ? "no labelled frame" : "only '" + classes.get(0) + "' (" + frames.size() + " frames)")
                    + " in rows " + range);
        }
        if (known != null && !known.containsAll(found)) {
            TreeSet<String> unknown = new TreeSet<>(found);
            unknown.removeAll(known);
            throw new BadInputException("label column '" + column + "': class " + unknown + " is not one the classifier knows "
                    + known);
        }
        int[] idx = frames.stream().mapToInt(Integer::intValue).toArray();
        int[] cls = Arrays.stream(idx).map(i -> classes.indexOf(rowLabels[fs.lastRow()[i]])).toArray();
        return new LabelledFrames(idx, cls, classes);
    }

    /** Frame counts per class. */
    public int[] counts() {
        int[] n = new int[classes.size()];
        for (int c : classOf) {
            n[c]++;
        }
        return n;
    }

    /** These frames at positions {@code positions}. */
    public LabelledFrames subset(int[] positions) {
        return new LabelledFrames(Arrays.stream(positions).map(p -> frames[p]).toArray(),
                Arrays.stream(positions).map(p -> classOf[p]).toArray(), classes);
    }

    /**
     * A stratified split: of each class, a seeded random {@code fraction} (at least one frame) validates, the rest
     * trains, so both parts hold every class.
     *
     * @throws BadInputException naming a class with a single labelled frame: it would be seen only in validation
     */
    public LabelledFrames[] stratified(double fraction, long seed, String column) {
        if (!(fraction > 0 && fraction < 1)) {
            return new LabelledFrames[] {this, subset(new int[0])};
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            int[] members = members(c);
            if (members.length < 2) {
                throw new BadInputException("label column '" + column + "': class '" + classes.get(c) + "' has " + members.length
                        + " labelled frame; each class needs at least 2 so that it is trained on, not seen only in validation");
            }
            Shuffle.inPlace(members, rng);
            int held = Math.max(1, Math.min(members.length - 1, (int) Math.round(members.length * fraction)));
            for (int i = 0; i < members.length; i++) {
                (i < held ? validation : train).add(members[i]);
            }
        }
        return new LabelledFrames[] {subset(sorted(train)), subset(sorted(validation))};
    }

    /** Positions of class {@code c}'s frames. */
    public int[] members(int c) {
        return java.util.stream.IntStream.range(0, classOf.length).filter(i -> classOf[i] == c).toArray();
    }

    private static int[] sorted(List<Integer> positions) {
        return positions.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
