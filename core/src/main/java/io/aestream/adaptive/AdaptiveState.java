package io.aestream.adaptive;

import io.aestream.scoring.DenseNetwork;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Everything {@link AdaptiveDetector} remembers about one key between frames: frame count, rolling
 * normalization statistics, likelihood windows, the adaptive threshold's state, the alert suppression countdown, and — with fine-tuning on — the
 * normal-frame buffer, the fine-tuned network (null while the bundle's is live), its revision and a pending job.
 * Mutable (the detector updates it in place); {@link #toBytes()}/{@link #fromBytes(byte[], NetworkCache)} for a state
 * store. The fine-tuned network is stored as a length-prefixed block and its encoding is kept beside it, so a state
 * read and written back on every frame copies the network's bytes instead of decoding and re-encoding it.
 */
public final class AdaptiveState {
    private static final byte VERSION = 3;

    long frames;
    final EwStats rolling;
    final AnomalyLikelihood.State likelihood;
    final ThresholdState threshold;
    /** Frames still to be suppressed after the last flag. */
    private int quiet;
    final NormalFrameBuffer buffer;
    DenseNetwork network;
    /** {@link #network} as {@link Codec#writeNetwork} writes it, once known; null with it. */
    private byte[] networkBytes;
    int revision;
    int attempts;
    FineTuneJob pending;

    AdaptiveState(long frames, EwStats rolling, AnomalyLikelihood.State likelihood, ThresholdState threshold,
                  NormalFrameBuffer buffer) {
        this.frames = frames;
        this.rolling = rolling;
        this.likelihood = likelihood;
        this.threshold = threshold;
        this.buffer = buffer;
    }

    /** Frames stepped so far: the index the next frame gets. */
    public long frames() {
        return frames;
    }

    /** Accepted fine-tunes so far; 0 while the bundle's network is live. */
    public int revision() {
        return revision;
    }

    /** Whether this frame's flag is suppressed: a flag was raised within the last suppression span. */
    boolean suppressing() {
        return quiet > 0;
    }

    /** Counts down the suppression span, or starts a new one of {@code span} frames after a flag. */
    void afterFlag(boolean flagged, int span) {
        quiet = flagged ? span : Math.max(0, quiet - 1);
    }

    /** Makes {@code tuned} the live network: one more accepted fine-tune. */
    void adopt(DenseNetwork tuned) {
        network = tuned;
        networkBytes = null;
        revision++;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(frames);
            rolling.writeTo(out);
            likelihood.writeTo(out);
            ThresholdState.write(out, threshold);
            out.writeInt(quiet);
            out.writeBoolean(buffer != null);
            if (buffer != null) {
                buffer.writeTo(out);
            }
            out.writeInt(revision);
            out.writeInt(attempts);
            out.writeBoolean(network != null);
            if (network != null) {
                if (networkBytes == null) {
                    networkBytes = Codec.networkBytes(network);
                }
                out.writeInt(networkBytes.length);
                out.write(networkBytes);
            }
            out.writeBoolean(pending != null);
            if (pending != null) {
                out.writeLong(pending.id());
                out.writeLong(pending.applyAt());
                out.writeInt(pending.attempt());
                out.writeInt(pending.frames().length);
                for (double[] f : pending.frames()) {
                    Codec.writeDoubles(out, f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Whether {@code bytes} are a state this version reads. A state written by an earlier version (whose windows and
     * threshold are laid out differently) is not: the key starts afresh, warm-up included.
     */
    public static boolean readable(byte[] bytes) {
        return bytes.length > 0 && bytes[0] == VERSION;
    }

    /** Decodes {@code bytes} from scratch. */
    public static AdaptiveState fromBytes(byte[] bytes) {
        return fromBytes(bytes, null);
    }

    /**
     * Decodes {@code bytes}, taking the network from {@code networks} when it holds the same encoding (null: always
     * decode); the result is the same either way.
     */
    public static AdaptiveState fromBytes(byte[] bytes, NetworkCache networks) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("adaptive state: unknown version " + version + ", expected " + VERSION);
            }
            long frames = in.readLong();
            EwStats rolling = EwStats.readFrom(in);
            AnomalyLikelihood.State likelihood = AnomalyLikelihood.State.readFrom(in);
            ThresholdState threshold = ThresholdState.read(in);
            int quiet = in.readInt();
            NormalFrameBuffer buffer = in.readBoolean() ? NormalFrameBuffer.readFrom(in) : null;
            AdaptiveState s = new AdaptiveState(frames, rolling, likelihood, threshold, buffer);
            s.quiet = quiet;
            s.revision = in.readInt();
            s.attempts = in.readInt();
            if (in.readBoolean()) {
                byte[] encoded = new byte[Codec.readLength(in, "network")];
                in.readFully(encoded);
                s.network = networks == null ? NetworkCache.decode(encoded) : networks.network(encoded);
                s.networkBytes = encoded;
            }
            if (in.readBoolean()) {
                long id = in.readLong();
                long applyAt = in.readLong();
                int attempt = in.readInt();
                double[][] snapshot = new double[Codec.readLength(in, "job frames")][];
                for (int k = 0; k < snapshot.length; k++) {
                    snapshot[k] = Codec.readDoubles(in);
                }
                s.pending = new FineTuneJob(id, applyAt, attempt, snapshot);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("adaptive state: " + in.available() + " unexpected trailing bytes");
            }
            return s;
        } catch (EOFException e) {
            throw new IllegalArgumentException("adaptive state: truncated (" + bytes.length + " bytes)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
