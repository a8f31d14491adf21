package io.aestream.launcher.demo;

/**
 * The demo prints its own progress; the broker, the streams clients and ND4J would bury it at their default log
 * levels. slf4j-simple reads these properties when each logger is created, so this works until those classes log.
 */
public final class DemoLogging {
    private static final String PREFIX = "org.slf4j.simpleLogger.log.";

    private DemoLogging() {
    }

    public static void quiet() {
        for (String logger : new String[] {"org.apache.kafka", "kafka", "state.change.logger", "org.nd4j", "org.deeplearning4j",
                "io.aestream.stream"}) {
            System.setProperty(PREFIX + logger, "error");
        }
    }
}
