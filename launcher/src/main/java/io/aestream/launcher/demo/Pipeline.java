package io.aestream.launcher.demo;

import io.aestream.stream.config.Topics;

import java.nio.file.Path;

/**
 * One stream app of the demo: its model, application id and topics, and how many outputs mean all example
 * data went through ({@code expectedScores} frames; for audio also {@code expectedDenoisedSamples}).
 */
public record Pipeline(String name, Path model, Topics topics, boolean audio, long expectedScores, long expectedDenoisedSamples) {
    public String applicationId() {
        return "aestream-demo-" + name;
    }
}
