package io.aestream.stream.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The input topic, the topics of the selected outputs and the dead-letter topic; distinct, valid Kafka topic names.
 *
 * @param outputs the selected outputs (AESTREAM_OUTPUTS) and their topics, in {@link Output} order
 */
public record Topics(String input, Map<Output, String> outputs, String deadLetter) {
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public Topics {
        requireName(Settings.INPUT_TOPIC, input);
        if (outputs == null || outputs.isEmpty()) {
            throw new IllegalArgumentException(Settings.OUTPUTS + ": choose at least one of " + Output.allIds());
        }
        outputs = Collections.unmodifiableMap(new EnumMap<>(outputs));
        outputs.forEach((output, topic) -> requireName(output.topicSetting(), topic));
        requireName(Settings.DEAD_LETTER_TOPIC, deadLetter);
        List<String> all = all(input, outputs, deadLetter);
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("topics: input and output topics must all differ, got " + all);
        }
    }

    /** Every output selected. */
    public Topics(String input, String scores, String denoised, String anomalies, String deadLetter) {
        this(input, Map.of(Output.SCORES, scores, Output.DENOISED, denoised, Output.ANOMALIES, anomalies), deadLetter);
    }

    public boolean has(Output output) {
        return outputs.containsKey(output);
    }

    /** The topic of a selected output; null if {@code output} is not selected. */
    public String of(Output output) {
        return outputs.get(output);
    }

    public String scores() {
        return of(Output.SCORES);
    }

    public String denoised() {
        return of(Output.DENOISED);
    }

    public String anomalies() {
        return of(Output.ANOMALIES);
    }

    /** Input, selected outputs, dead letters. */
    public List<String> all() {
        return all(input, outputs, deadLetter);
    }

    private static List<String> all(String input, Map<Output, String> outputs, String deadLetter) {
        List<String> all = new ArrayList<>();
        all.add(input);
        all.addAll(outputs.values());
        all.add(deadLetter);
        return all;
    }

    private static void requireName(String setting, String name) {
        if (name == null || !LEGAL.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(setting + ": not a legal Kafka topic name: '" + name + "'");
        }
    }
}
