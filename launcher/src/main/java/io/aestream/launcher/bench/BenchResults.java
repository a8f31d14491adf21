package io.aestream.launcher.bench;

import io.aestream.stream.config.ProcessingGuarantee;

import java.util.ArrayList;
import java.util.List;

/** Every figure of one bench run, each with the reference it is reported against. */
final class BenchResults {
    static final String IDENTITY = "identity topology";
    static final String DL4J = "DL4J output() per record";

    /** Saturated records/s of {@code subject}; {@code reference}: the identity topology's on the same input. */
    record Throughput(BenchPlan.Layout layout, int partitions, String subject, double perSecond, double reference) {
        double ratio() {
            return perSecond / reference;
        }
    }

    /** Latency of one client at a paced rate and guarantee; {@code identityP99}: the identity topology's at the same. */
    record LatencyRow(ProcessingGuarantee guarantee, double load, double perSecond, String subject, Latency.Percentiles p,
                      double identityP99) {
        double addedP99() {
            return p.p99() - identityP99;
        }
    }

    /**
     * The app (all outputs, vector, one partition, at-least-once) with one client setting changed ({@code setting}
     * null: the defaults, the reference): saturated records/s and p99 at the latency section's 50 % rate.
     */
    record ClientVariant(String setting, double perSecond, Latency.Percentiles p) { }

    /** The identity topology's rate before and after the app's runs on the same input. */
    record Spread(BenchPlan.Layout layout, int partitions, double before, double after) { }

    final List<Throughput> throughput = new ArrayList<>();
    final List<Spread> identitySpread = new ArrayList<>();
    final List<LatencyRow> latency = new ArrayList<>();
    final List<AudioSpeed.Result> audio = new ArrayList<>();
    /** The first row is the reference: the app's defaults. */
    final List<ClientVariant> clientVariants = new ArrayList<>();
    /** The first row is the reference: the fewest keys. */
    final List<Footprints.Memory> memory = new ArrayList<>();
    /** The first row is the reference: the first kind of the plan. */
    final List<Footprints.Training> training = new ArrayList<>();

    static String appSubject(BenchPlan.OutputSet set) {
        return set.label();
    }
}
