package io.aestream.stream.config;

import java.util.List;
import java.util.regex.Pattern;

/** The input topic and the four output topics; distinct, valid Kafka topic names. */
public record Topics(String input, String scores, String denoised, String anomalies, String deadLetter) {
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public Topics {
        requireName(Settings.INPUT_TOPIC, input);
        requireName(Settings.SCORES_TOPIC, scores);
        requireName(Settings.DENOISED_TOPIC, denoised);
        requireName(Settings.ANOMALIES_TOPIC, anomalies);
        requireName(Settings.DEAD_LETTER_TOPIC, deadLetter);
        List<String> all = List.of(input, scores, denoised, anomalies, deadLetter);
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("topics: input and output topics must all differ, got " + all);
        }
    }

    public List<String> all() {
        return List.of(input, scores, denoised, anomalies, deadLetter);
    }

    private static void requireName(String setting, String name) {
        if (name == null || !LEGAL.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(setting + ": not a legal Kafka topic name: '" + name + "'");
        }
    }
}
