package io.aestream.bundle;

/** A bundle that cannot be used: unknown format version, checksum mismatch, missing file, dimension mismatch. */
public class BundleFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BundleFormatException(String message) {
        super(message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
