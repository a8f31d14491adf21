package io.aestream.trainer.data;

import io.aestream.frame.AudioFrameSpec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes RIFF/WAVE files holding PCM16 mono at one of {@link AudioFrameSpec#SAMPLE_RATES}; anything
 * else stops with a message naming the file, the header field and its byte offset.
 */
public final class WavIO {
    private static final int PCM = 1;

    private WavIO() {
    }

    public static WavAudio read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read: " + e.getMessage());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
            throw BadInputException.inFile(file, "not a WAV file: expected 'RIFF....WAVE' at byte 0");
        }
        int pos = 12;
        int sampleRate = -1;
        while (pos + 8 <= bytes.length) {
            String id = tag(b, pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                sampleRate = checkFormat(file, b, body, size);
            } else if (id.equals("data")) {
                if (sampleRate < 0) {
                    throw BadInputException.inFile(file, "'data' chunk at byte " + pos + " comes before the 'fmt ' chunk");
                }
                int n = (int) Math.min(size, bytes.length - (long) body) / 2;
                double[] samples = new double[n];
                for (int i = 0; i < n; i++) {
                    samples[i] = b.getShort(body + 2 * i) / 32768.0;
                }
                return new WavAudio(sampleRate, samples);
            }
            pos = body + (int) size + (int) (size & 1);
        }
        throw BadInputException.inFile(file, sampleRate < 0 ? "no 'fmt ' chunk" : "no 'data' chunk");
    }

    private static int checkFormat(Path file, ByteBuffer b, int body, long size) {
        if (size < 16) {
            throw BadInputException.inFile(file, "'fmt ' chunk at byte " + (body - 8) + " is too short (" + size + " bytes)");
        }
        int format = Short.toUnsignedInt(b.getShort(body));
        int channels = Short.toUnsignedInt(b.getShort(body + 2));
        int rate = b.getInt(body + 4);
        int bits = Short.toUnsignedInt(b.getShort(body + 14));
        requireField(file, "audio format", body, format == PCM, "1 (PCM)", format);
        requireField(file, "channels", body + 2, channels == 1, "1 (mono)", channels);
        requireField(file, "sample rate", body + 4, AudioFrameSpec.SAMPLE_RATES.contains(rate), "8000, 16000 or 48000 Hz", rate);
        requireField(file, "bits per sample", body + 14, bits == 16, "16", bits);
        return rate;
    }

    private static void requireField(Path file, String field, int offset, boolean ok, String expected, int found) {
        if (!ok) {
            throw BadInputException.inFile(file, "WAV header field '" + field + "' at byte " + offset
                    + ": expected " + expected + ", found " + found);
        }
    }

    private static String tag(ByteBuffer b, int pos) {
        byte[] t = new byte[4];
        for (int i = 0; i < 4; i++) {
            t[i] = b.get(pos + i);
        }
        return new String(t, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Writes PCM16 mono; samples outside [-1, 1] are clipped. */
    public static void write(Path file, WavAudio audio) throws IOException {
        double[] s = audio.samples();
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * s.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + 2 * s.length)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) PCM).putShort((short) 1).putInt(audio.sampleRate()).putInt(audio.sampleRate() * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * s.length);
        for (double v : s) {
            b.putShort((short) Math.round(Math.max(-1.0, Math.min(32767.0 / 32768.0, v)) * 32768.0));
        }
        Files.write(file, b.array());
    }
}
