package io.aestream.trainer.data;

/**
 * Frames cut from one or more files in input order. Rows are numbered globally over all files concatenated
 * (for audio a "row" is an STFT frame); a frame covers rows {@code firstRow..lastRow} of a single file and its
 * score belongs to {@code lastRow}.
 *
 * @param frames       frames × model inputs, raw units
 * @param firstRow     first global row each frame covers
 * @param lastRow      last global row each frame covers (the row that owns the frame)
 * @param file         index of the file each frame comes from
 * @param fileStartRow global index of each file's first row; a final entry holds the total row count
 */
public record FrameSet(double[][] frames, int[] firstRow, int[] lastRow, int[] file, int[] fileStartRow) {
    public int size() {
        return frames.length;
    }

    public int rows() {
        return fileStartRow[fileStartRow.length - 1];
    }

    /** The frame's position within its own file (0 = the file's first frame row). */
    public int localRow(int frame) {
        return lastRow[frame] - fileStartRow[file[frame]];
    }
}
