package io.aestream.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.aestream.scoring.DenseNetwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes bundles: a directory (or the same files in one zip) with {@code manifest.json},
 * {@code network.json} (the weights as plain arrays, read by the stream app) and any native files the trainer
 * adds (the DL4J/SameDiff model, for further training). Every file is listed in the manifest with its SHA-256.
 */
public final class BundleIO {
    public static final String MANIFEST = "manifest.json";
    public static final String NETWORK = "network.json";
    /** Far above any real bundle (the network and the native model), far below a heap. */
    static final long MAX_UNZIPPED_BYTES = 1L << 30;

    private BundleIO() {
    }

    /**
     * Writes a bundle to {@code dir} atomically (a sibling temp directory renamed into place), filling in the
     * manifest's file checksums.
     *
     * @param extraFiles file name → contents, e.g. the DL4J model
     * @return the manifest as written
     */
    public static Manifest write(Path dir, Manifest manifest, DenseNetwork network, Map<String, byte[]> extraFiles) throws IOException {
        new ModelBundle(manifest, network, null); // dimension checks before anything touches the disk
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(NETWORK, Json.mapper().writeValueAsBytes(network));
        for (Map.Entry<String, byte[]> e : extraFiles.entrySet()) {
            if (e.getKey().equals(MANIFEST) || e.getKey().equals(NETWORK) || e.getKey().contains("/")) {
                throw new IllegalArgumentException("bundle file name not allowed: " + e.getKey());
            }
            files.put(e.getKey(), e.getValue());
        }
        Map<String, String> sums = new HashMap<>();
        files.forEach((name, bytes) -> sums.put(name, Checksums.sha256(bytes)));
        Manifest complete = manifest.withFiles(sums);

        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Not createTempDirectory: its owner-only permissions would stay on the bundle after the rename, and the
        // stream app often runs as another user than the trainer (a Job, a shared model volume).
        Path tmp = Files.createDirectory(parent.resolve("." + dir.getFileName() + ".tmp-" + UUID.randomUUID()));
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(tmp.resolve(e.getKey()), e.getValue());
            }
            Files.write(tmp.resolve(MANIFEST), Json.mapper().writeValueAsBytes(complete));
            if (Files.exists(dir)) {
                deleteRecursively(dir);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(tmp);
            throw e;
        }
        return complete;
    }

    /** Packs the bundle files of {@code dir} (manifest and the files it lists) into one zip. */
    public static void zip(Path dir, Path zipFile) throws IOException {
        Manifest m = Json.mapper().readValue(dir.resolve(MANIFEST).toFile(), Manifest.class);
        try (OutputStream os = Files.newOutputStream(zipFile); ZipOutputStream zos = new ZipOutputStream(os)) {
            for (String name : Stream.concat(Stream.of(MANIFEST), m.files().keySet().stream()).toList()) {
                zos.putNextEntry(new ZipEntry(name));
                Files.copy(dir.resolve(name), zos);
                zos.closeEntry();
            }
        }
    }

    /** Reads and verifies a bundle directory or zip. */
    public static ModelBundle read(Path location) {
        try {
            Map<String, byte[]> files = Files.isDirectory(location) ? readDir(location) : readZip(location);
            return parse(location, files);
        } catch (IOException e) {
            throw new BundleFormatException("bundle " + location + ": cannot read: " + e.getMessage(), e);
        }
    }

    static ModelBundle parse(Path location, Map<String, byte[]> files) throws IOException {
        byte[] manifestBytes = files.get(MANIFEST);
        if (manifestBytes == null) {
            throw new BundleFormatException("bundle " + location + ": no " + MANIFEST);
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(manifestBytes);
        } catch (IOException e) {
            throw new BundleFormatException("bundle " + location + ": " + MANIFEST + " is not valid JSON: " + e.getMessage(), e);
        }
        int version = tree.path("formatVersion").asInt(-1);
        if (version != Manifest.FORMAT_VERSION) {
            throw new BundleFormatException("bundle " + location + ": unknown format version " + tree.path("formatVersion")
                    + " (this reader knows " + Manifest.FORMAT_VERSION + ")");
        }
        Manifest manifest;
        try {
            manifest = Json.mapper().treeToValue(tree, Manifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleFormatException("bundle " + location + ": invalid manifest: " + e.getMessage(), e);
        }
        if (!manifest.files().containsKey(NETWORK)) {
            throw new BundleFormatException("bundle " + location + ": manifest does not list " + NETWORK);
        }
        for (Map.Entry<String, String> e : manifest.files().entrySet()) {
            byte[] bytes = files.get(e.getKey());
            if (bytes == null) {
                throw new BundleFormatException("bundle " + location + ": file " + e.getKey() + " listed in the manifest is missing");
            }
            String actual = Checksums.sha256(bytes);
            if (!actual.equals(e.getValue())) {
                throw new BundleFormatException("bundle " + location + ": checksum mismatch for " + e.getKey()
                        + ": manifest says " + e.getValue() + ", file has " + actual);
            }
        }
        DenseNetwork network;
        try {
            network = Json.mapper().readValue(files.get(NETWORK), DenseNetwork.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleFormatException("bundle " + location + ": invalid " + NETWORK + ": " + e.getMessage(), e);
        }
        try {
            return new ModelBundle(manifest, network, location);
        } catch (BundleFormatException e) {
            throw new BundleFormatException("bundle " + location + ": " + e.getMessage(), e);
        }
    }

    /** The raw bytes of one listed file (e.g. the native model), checksum-verified. */
    public static byte[] readFile(Path location, String name) {
        try {
            Map<String, byte[]> files = Files.isDirectory(location) ? readDir(location) : readZip(location);
            ModelBundle verified = parse(location, files);
            if (!verified.manifest().files().containsKey(name)) {
                throw new BundleFormatException("bundle " + location + ": no file " + name);
            }
            return files.get(name);
        } catch (IOException e) {
            throw new BundleFormatException("bundle " + location + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> readDir(Path dir) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Map<String, byte[]> readZip(Path zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        long total = 0;
        // ZipFile reads the central directory, so a truncated or corrupt file fails here instead of looking empty.
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(zf.entries())) {
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream is = zf.getInputStream(e)) {
                    // Bounded read: a forged entry size (a zip bomb) must not exhaust the heap.
                    byte[] bytes = is.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNZIPPED_BYTES - total + 1));
                    total += bytes.length;
                    if (total > MAX_UNZIPPED_BYTES) {
                        throw new BundleFormatException("bundle " + zip + ": unpacks to more than " + MAX_UNZIPPED_BYTES + " bytes");
                    }
                    files.put(e.getName(), bytes);
                }
            }
        } catch (ZipException e) {
            throw new BundleFormatException("bundle " + zip + ": cannot read: not a zip file, or a corrupt or truncated one ("
                    + e.getMessage() + ")", e);
        }
        return files;
    }

    static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.delete(q);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
