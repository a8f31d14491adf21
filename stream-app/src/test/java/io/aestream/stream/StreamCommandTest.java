package io.aestream.stream;

import io.aestream.stream.config.AdaptiveSetting;
import io.aestream.stream.config.ProcessingGuarantee;
import io.aestream.stream.config.Settings;
import io.aestream.stream.config.StreamConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCommandTest {

    @Test
    void shouldLetOptionsOverrideEnvironmentWhenBothAreGiven() {
        // Given
        StreamCommand command = new StreamCommand(Map.of(Settings.MODEL_PATH, "/env/model", Settings.HTTP_PORT, "9000",
                Settings.INPUT_TOPIC, "env-frames"));
        // When
        new CommandLine(command).parseArgs("--model", "/cli/model", "--http-port", "0",
                "--processing-guarantee", "exactly_once_v2", "--threads", "2", "--adaptive", "on");
        StreamConfig config = command.config();
        // Then
        assertThat(config.modelPath()).isEqualTo(Path.of("/cli/model"));
        assertThat(config.httpPort()).isZero();
        assertThat(config.guarantee()).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE_V2);
        assertThat(config.streamThreads()).isEqualTo(2);
        assertThat(config.topics().input()).isEqualTo("env-frames");
        assertThat(config.adaptive()).isEqualTo(AdaptiveSetting.ON);
    }

    @Test
    void shouldExitWithUsageErrorWhenConfigurationIsInvalid() {
        int code = new CommandLine(new StreamCommand(Map.of())).execute("--threads", "0", "--model", "/m");
        assertThat(code).isEqualTo(2);
    }
}
