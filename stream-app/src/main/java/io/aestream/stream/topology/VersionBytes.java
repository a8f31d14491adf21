package io.aestream.stream.topology;

import java.nio.charset.StandardCharsets;

/** A model version's UTF-8 bytes for the binary writers, encoded again only when the version changes (a fine-tune). */
final class VersionBytes {
    private String version = "";
    private byte[] bytes = new byte[0];

    byte[] of(String modelVersion) {
        if (!modelVersion.equals(version)) {
            version = modelVersion;
            bytes = modelVersion.getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }
}
