package io.aestream.bundle;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Model files come from volumes and object stores the app does not control: whatever a bundle holds, reading it
 * either succeeds or fails with {@link BundleFormatException} — never another exception, a hang or an OOM.
 * Structure-aware: a valid manifest and network (the golden bundle's) get a few fuzzed edits — any field replaced by
 * a number, string, boolean, null, array or object, or removed — and the network checksum is refreshed so the
 * validation behind it is reached; a tenth of the runs read arbitrary bytes as a zip file instead. Bounded in the
 * suite (the POM sets JAZZER_FUZZ=1; maxDuration below). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -pl core test -Dtest=BundleReaderFuzzTest -Djazzer.max_duration=10m}.
 */
class BundleReaderFuzzTest {
    private static final Path ROOT = tempRoot();
    private static final JsonNode MANIFEST = seed("manifest.json");
    private static final JsonNode NETWORK = seed("network.json");

    @FuzzTest(maxDuration = "10s")
    void readsOrRejectsWithBundleFormatException(FuzzedDataProvider data) throws IOException {
        if (data.consumeProbabilityDouble() < 0.1) {
            // the zip form goes through a file (ZipFile needs one): slower, so a tenth of the runs
            Path zip = ROOT.resolve("fuzzed.zip");
            Files.write(zip, data.consumeRemainingAsBytes());
            expectOnlyFormatErrors(() -> BundleIO.read(zip));
            return;
        }
        JsonNode network = mutate(NETWORK.deepCopy(), data);
        byte[] networkBytes = Json.mapper().writeValueAsBytes(network);
        ObjectNode manifest = (ObjectNode) mutate(MANIFEST.deepCopy(), data);
        if (manifest.path("files").isObject()) {
            ((ObjectNode) manifest.get("files")).put(BundleIO.NETWORK, Checksums.sha256(networkBytes));
        }
        byte[] manifestBytes = Json.mapper().writeValueAsBytes(manifest);
        expectOnlyFormatErrors(() -> BundleIO.parse(ROOT, Map.of(BundleIO.NETWORK, networkBytes, BundleIO.MANIFEST, manifestBytes)));
    }

    /** One to four edits at fuzzer-chosen places of {@code root}. */
    private static JsonNode mutate(JsonNode root, FuzzedDataProvider data) {
        int edits = data.consumeInt(1, 4);
        for (int i = 0; i < edits; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode parent = containers.get(data.consumeInt(0, containers.size() - 1));
            if (parent instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(data.consumeInt(0, names.size() - 1));
                if (data.consumeBoolean()) {
                    object.remove(name);
                } else {
                    object.set(name, value(data));
                }
            } else if (parent instanceof ArrayNode array && array.size() > 0) {
                array.set(data.consumeInt(0, array.size() - 1), value(data));
            }
        }
        return root;
    }

    private static JsonNode value(FuzzedDataProvider data) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (data.consumeInt(0, 7)) {
            case 0 -> f.numberNode(data.consumeInt());
            case 1 -> f.numberNode(data.consumeDouble());
            case 2 -> f.textNode(data.consumeString(40));
            case 3 -> f.booleanNode(data.consumeBoolean());
            case 4 -> f.nullNode();
            case 5 -> {
                ArrayNode a = f.arrayNode();
                for (int n = data.consumeInt(0, 8); n > 0; n--) {
                    a.add(data.consumeDouble());
                }
                yield a;
            }
            case 6 -> f.objectNode().put(data.consumeString(12), data.consumeString(12));
            default -> f.numberNode(data.consumeLong());
        };
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.elements().forEachRemaining(child -> collect(child, out));
        }
    }

    private interface Read {
        ModelBundle run() throws IOException;
    }

    private static void expectOnlyFormatErrors(Read read) throws IOException {
        try {
            read.run();
        } catch (BundleFormatException expected) {
            // the documented failure
        }
    }

    private static JsonNode seed(String name) {
        try (InputStream in = BundleReaderFuzzTest.class.getResourceAsStream("fuzz/" + name)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempRoot() {
        try {
            Path root = Files.createTempDirectory("bundle-fuzz");
            root.toFile().deleteOnExit();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
