package io.aestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded production jar (what the Dockerfile copies into the image) carries the trainer and the stream app but
 * no embedded broker, Kafka test kit, test framework or development launcher: less to attack, less to ship.
 */
class ProductionJarIT {
    /** Path prefixes of code that only tests, the demo or a broker need. */
    private static final List<String> FORBIDDEN = List.of(
            "org/apache/kafka/common/test/",        // kafka-test-common-runtime (KafkaClusterTestKit)
            "kafka/server/",                         // kafka_2.13: the broker
            "org/apache/kafka/raft/",                // kafka-raft
            "org/apache/kafka/controller/",          // kafka-metadata: the KRaft controller
            "org/apache/kafka/storage/internals/log/", // kafka-storage: the broker's log
            "org/apache/kafka/streams/TopologyTestDriver", // kafka-streams-test-utils
            "scala/",
            "org/junit/",
            "org/assertj/",
            "io/aestream/launcher/");

    private static Path jar;
    private static List<String> entries;

    @BeforeAll
    static void open() throws IOException {
        jar = Path.of(System.getProperty("aestream.productionJar", "target/aestream-cli.jar"));
        assertThat(jar).as("the shaded production jar (mvn package builds it)").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(ZipEntry::getName).toList();
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(Main.class.getName());
        }
    }

    @Test
    void shouldCarryNoBrokerTestKitOrDevelopmentLauncher() {
        for (String prefix : FORBIDDEN) {
            assertThat(entries).as("entries under " + prefix).noneMatch(e -> e.startsWith(prefix));
        }
    }

    @Test
    void shouldCarryTheTrainerTheStreamAppAndTheirNatives() {
        assertThat(entries).contains("io/aestream/cli/Main.class", "io/aestream/stream/StreamApp.class",
                "io/aestream/trainer/cli/TrainCommand.class", "org/apache/kafka/streams/KafkaStreams.class",
                "simplelogger.properties");
        assertThat(entries).anyMatch(e -> e.startsWith("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/"));
        assertThat(entries).anyMatch(e -> e.startsWith("librocksdbjni-linux64"));
    }

    @Test
    void shouldNeverUseJavaObjectDeserialization() throws IOException {
        // Bundles are JSON and checksummed raw files; ObjectInputStream on a model file would be a code-execution hole.
        byte[] forbidden = "java/io/ObjectInputStream".getBytes(StandardCharsets.US_ASCII);
        List<String> ours = entries.stream().filter(e -> e.startsWith("io/aestream/") && e.endsWith(".class")).toList();
        assertThat(ours).hasSizeGreaterThan(100);
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String name : ours) {
                byte[] bytes = file.getInputStream(file.getEntry(name)).readAllBytes();
                assertThat(indexOf(bytes, forbidden)).as(name + " references ObjectInputStream").isNegative();
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void shouldRunTheProductionCommandsAndRefuseTheDevelopmentOnes() throws Exception {
        Run help = run("--help");
        assertThat(help.exit).isZero();
        assertThat(help.out).contains("train", "score", "denoise", "evaluate", "inspect", "stream").doesNotContain("demo");

        Run demo = run("demo");
        assertThat(demo.exit).isEqualTo(ExitCodes.USAGE);
        assertThat(demo.out).contains("Unmatched argument").contains("demo");
    }

    private record Run(int exit, String out) { }

    private static Run run(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("production-jar", ".log");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("aestream-cli.jar exits").isTrue();
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
