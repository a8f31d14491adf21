package io.aestream.trainer.data;

import io.aestream.trainer.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WavIOTest {
    @TempDir
    Path dir;

    @Test
    void shouldRoundTripSamplesWithinOnePcm16StepWhenWrittenAndReadBack() throws IOException {
        double[] chirp = Synthetic.chirp(16000, 1000, 200, 3000);
        Path f = Synthetic.wav(dir, "a.wav", 16000, chirp);

        WavAudio back = WavIO.read(f);

        assertThat(back.sampleRate()).isEqualTo(16000);
        assertThat(back.samples()).hasSize(1000);
        for (int i = 0; i < chirp.length; i++) {
            assertThat(back.samples()[i]).isCloseTo(chirp[i], within(1.0 / 32768));
        }
        assertThat(Files.size(f)).isEqualTo(44 + 2000);
    }

    @Test
    void shouldNameTheHeaderFieldWhenTheFormatIsNotPcm16MonoAtASupportedRate() throws IOException {
        Path f = Synthetic.wav(dir, "b.wav", 8000, new double[100]);
        byte[] stereo = patchShort(f, 22, 2);
        Files.write(f, stereo);
        assertThatThrownBy(() -> WavIO.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage("file " + f + ": WAV header field 'channels' at byte 22: expected 1 (mono), found 2");

        Files.write(f, patchInt(Synthetic.wav(dir, "c.wav", 8000, new double[100]), 24, 44100));
        assertThatThrownBy(() -> WavIO.read(f))
                .hasMessage("file " + f + ": WAV header field 'sample rate' at byte 24: expected 8000, 16000 or 48000 Hz, found 44100");

        Files.write(f, patchShort(Synthetic.wav(dir, "d.wav", 8000, new double[100]), 34, 8));
        assertThatThrownBy(() -> WavIO.read(f))
                .hasMessage("file " + f + ": WAV header field 'bits per sample' at byte 34: expected 16, found 8");
    }

    @Test
    void shouldRejectFilesThatAreNotRiffWave() throws IOException {
        Path f = dir.resolve("x.wav");
        Files.writeString(f, "hello, this is text");
        assertThatThrownBy(() -> WavIO.read(f)).hasMessage("file " + f + ": not a WAV file: expected 'RIFF....WAVE' at byte 0");
    }

    private static byte[] patchShort(Path f, int offset, int value) throws IOException {
        byte[] b = Files.readAllBytes(f);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
        return b;
    }

    private static byte[] patchInt(Path f, int offset, int value) throws IOException {
        byte[] b = Files.readAllBytes(f);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return b;
    }
}
