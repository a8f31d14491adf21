package io.aestream.trainer.cli;

import io.aestream.trainer.train.EpochStats;
import io.aestream.trainer.train.TrainingListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/** A console progress bar per training phase (pre-training layers, fine-tuning): epoch, loss, val loss, ETA. */
final class ProgressBarListener implements TrainingListener, AutoCloseable {
    private final PrintStream stream;
    private ProgressBar bar;
    private String phase;

    ProgressBarListener(PrintStream stream) {
        this.stream = stream;
    }

    @Override
    public void onEpoch(String newPhase, EpochStats stats, int maxEpochs) {
        if (bar == null || !newPhase.equals(phase)) {
            close();
            phase = newPhase;
            bar = new ProgressBarBuilder().setTaskName(newPhase).setInitialMax(maxEpochs).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(stream)).setUnit(" epochs", 1).build();
        }
        bar.stepTo(stats.epoch());
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.5f val %.5f", stats.trainLoss(), stats.validationLoss()));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
