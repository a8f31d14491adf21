package io.aestream.stream.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stream app's selectable outputs (AESTREAM_OUTPUTS), each with the setting that names its topic and whether it
 * is on by default. The dead-letter topic is not one of them: it is always on. A new output is one constant here plus
 * its entry in the topology's output list.
 */
public enum Output {
    SCORES(Settings.SCORES_TOPIC, true),
    DENOISED(Settings.DENOISED_TOPIC, true),
    ANOMALIES(Settings.ANOMALIES_TOPIC, true),
    /** The code h of every scored frame: off by default (a vector per frame is a lot of bytes nobody asked for). */
    CODES(Settings.CODES_TOPIC, false);

    private final String topicSetting;
    private final boolean defaultOn;
    private final String id;

    Output(String topicSetting, boolean defaultOn) {
        this.topicSetting = topicSetting;
        this.defaultOn = defaultOn;
        this.id = name().toLowerCase(Locale.ROOT);
    }

    /** The name in AESTREAM_OUTPUTS, in metric tags and in sink names: {@code scores}, {@code denoised}, ... */
    public String id() {
        return id;
    }

    /** The setting that names this output's topic, e.g. AESTREAM_SCORES_TOPIC. */
    public String topicSetting() {
        return topicSetting;
    }

    /** Every output, comma-separated. */
    public static String allIds() {
        return Arrays.stream(values()).map(Output::id).collect(Collectors.joining(","));
    }

    /** The outputs on by default, comma-separated: the default of AESTREAM_OUTPUTS. */
    public static String defaultIds() {
        return Arrays.stream(values()).filter(o -> o.defaultOn).map(Output::id).collect(Collectors.joining(","));
    }

    /** A comma-separated, non-empty list of distinct output ids; the message names {@code setting} and the bad part. */
    static Set<Output> parseList(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + ": choose at least one of " + allIds() + ", got '" + value + "'");
        }
        Set<Output> outputs = EnumSet.noneOf(Output.class);
        for (String part : value.split(",", -1)) {
            String id = part.trim().toLowerCase(Locale.ROOT);
            Output output = Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(setting + ": unknown output '" + part.trim() + "' in '"
                            + value + "' (known: " + allIds() + ")"));
            if (!outputs.add(output)) {
                throw new IllegalArgumentException(setting + ": output '" + id + "' listed twice in '" + value + "'");
            }
        }
        return outputs;
    }
}
