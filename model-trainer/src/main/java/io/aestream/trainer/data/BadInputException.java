package io.aestream.trainer.data;

import java.nio.file.Path;

/**
 * Input that cannot be trained on or scored: one message naming the file, the line (or WAV header field) and
 * the column, so the user can fix the data without a stack trace.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    /** A problem with one cell: {@code file F, line L, column 'C': problem}. */
    public static BadInputException atCell(Path file, long line, String column, String problem) {
        return new BadInputException("file " + file + ", line " + line + ", column '" + column + "': " + problem);
    }

    /** A problem with a whole line or the header: {@code file F, line L: problem}. */
    public static BadInputException atLine(Path file, long line, String problem) {
        return new BadInputException("file " + file + ", line " + line + ": " + problem);
    }

    /** A problem with the file as a whole. */
    public static BadInputException inFile(Path file, String problem) {
        return new BadInputException("file " + file + ": " + problem);
    }
}
