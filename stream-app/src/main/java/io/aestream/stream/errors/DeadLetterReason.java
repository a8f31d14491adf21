package io.aestream.stream.errors;

/** Why a record went to the dead-letter topic: the bounded value set of the aestream.dlq.reason header and metric tag. */
public enum DeadLetterReason {
    MALFORMED_JSON("malformed-json"),
    MISSING_KEY("missing-key"),
    MALFORMED_KEY("malformed-key"),
    EMPTY_VALUE("empty-value"),
    TOO_LARGE("too-large"),
    MISSING_VALUES("missing-values"),
    WRONG_DIMENSION("wrong-dimension"),
    NON_FINITE_VALUE("non-finite-value"),
    BAD_TIMESTAMP("bad-timestamp"),
    FUTURE_TIMESTAMP("future-timestamp"),
    WRONG_SAMPLE_RATE("wrong-sample-rate"),
    ODD_PCM_LENGTH("odd-pcm-length"),
    /** Last resort: a deserializer failed before any processor saw the record. */
    DESERIALIZATION("deserialization"),
    /** Last resort: a processor threw on a record that passed input validation. */
    PROCESSING_ERROR("processing-error");

    private final String tag;

    DeadLetterReason(String tag) {
        this.tag = tag;
    }

    /** Header value and metric tag. */
    public String tag() {
        return tag;
    }
}
