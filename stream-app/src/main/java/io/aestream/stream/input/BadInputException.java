package io.aestream.stream.input;

import io.aestream.stream.errors.DeadLetterReason;

/** An input record that cannot become a frame; it goes to the dead-letter topic with {@link #reason()}. */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final DeadLetterReason reason;

    public BadInputException(DeadLetterReason reason, String message) {
        this(reason, message, null);
    }

    public BadInputException(DeadLetterReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
