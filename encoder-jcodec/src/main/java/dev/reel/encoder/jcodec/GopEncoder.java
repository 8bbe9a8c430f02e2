package dev.reel.encoder.jcodec;

import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * Encodes one group of pictures, an IDR frame and the P frames that follow it, with a fresh JCodec
 * encoder: a task that depends on no other group, so groups run in parallel on any thread and give
 * the same bytes on every one.
 *
 * <p>Frames stream in through {@link #add} while earlier frames are being encoded, and
 * {@link #finish} marks the end of the group. Each frame's planes are handed back to the
 * {@link Listener} as soon as it is encoded (with an exception or without), so that they can be
 * reused.
 *
 * <p>{@link #add} and {@link #finish} are called by one thread (the encoder's), {@link #call} by
 * one pool thread.
 */
final class GopEncoder implements Callable<EncodedGop> {
    /** An H.264 NAL unit's type is the low 5 bits of its first byte. */
    private static final int NAL_TYPE_MASK = 0x1f;
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;
    /**
     * A frame too large for JCodec's slice buffer (which holds 8 bits a pixel) is re-encoded this
     * much coarser, which about halves its size; only near crf 0 on noise-like content.
     */
    private static final int OVERFLOW_QP_STEP = 6;
    private static final QueuedFrame END = new QueuedFrame(null, -1);

    private final JcodecPlan plan;
    private final int index;
    private final Listener listener;
    private final BlockingQueue<QueuedFrame> frames = new LinkedBlockingQueue<>();

    /** What a group tells its encoder, on the pool thread. */
    interface Listener {
        /** Encoding is through with this frame (encoded or failed): its planes may be reused. */
        void encoded(QueuedFrame frame);

        /** A frame could not be encoded; the group ends with this exception. */
        void failed(IOException e);
    }

    /**
     * @param index the group's number, from 0
     * @param listener told of each frame once encoding is through with it, and of a failure
     */
    GopEncoder(JcodecPlan plan, int index, Listener listener) {
        this.plan = plan;
        this.index = index;
        this.listener = listener;
    }

    /** Queues the next frame of the group; never blocks. */
    void add(QueuedFrame frame) {
        frames.add(frame);
    }

    /** Ends the group after the frames added so far. */
    void finish() {
        frames.add(END);
    }

    /**
     * Encodes the frames as they arrive, until {@link #finish}.
     *
     * @throws IOException naming the global frame index if a frame cannot be encoded
     * @throws InterruptedException if the encoder is aborted while this waits for a frame
     */
    @Override
    public EncodedGop call() throws IOException, InterruptedException {
        int width = plan.format().width();
        int height = plan.format().height();
        FixedQpRateControl rateControl = new FixedQpRateControl(plan.qp());
        SignalledH264Encoder encoder = new SignalledH264Encoder(plan, rateControl);
        DecodedReference reference = new DecodedReference(width, height);
        // Room for JCodec's slice buffer (w * h bytes) once escaped (at most 3/2 of it), plus headers.
        ByteBuffer out = ByteBuffer.allocate(2 * width * height + (1 << 16));
        List<byte[]> samples = new ArrayList<>();
        List<ByteBuffer> previous = null;
        byte[] sps = null;
        byte[] pps = null;
        for (int n = 0;; n++) {
            QueuedFrame frame = frames.take();
            if (frame == END) {
                break;
            }
            try {
                if (previous != null && (n == 1 || plan.exactReference())) {
                    // The IDR frame always (JCodec leaves it unfiltered, the worst of its drift);
                    // the P frames on request. Only now, so that the last frame of a group, which
                    // nothing references, is never decoded.
                    reference.update(encoder, previous);
                }
                Yuv420Planes planes = frame.planes();
                Picture picture = Picture.createPicture(width, height,
                        new byte[][] {planes.y(), planes.u(), planes.v()}, ColorSpace.YUV420J);
                ByteBuffer coded = encodeFrame(encoder, rateControl, picture, n, out);
                List<ByteBuffer> nalUnits = new ArrayList<>(3);
                ByteBuffer nal;
                while ((nal = H264Utils.nextNALUnit(coded)) != null) {
                    byte[] copy = new byte[nal.remaining()];
                    nal.get(copy);
                    nalUnits.add(ByteBuffer.wrap(copy));
                }
                Sample sample = new Sample();
                for (ByteBuffer unit : nalUnits) {
                    int type = unit.get(0) & NAL_TYPE_MASK;
                    // The container holds the parameter sets (avcC) without their NAL header byte.
                    if (type == NAL_SPS) {
                        sps = Arrays.copyOfRange(unit.array(), 1, unit.limit());
                    } else if (type == NAL_PPS) {
                        pps = Arrays.copyOfRange(unit.array(), 1, unit.limit());
                    } else {
                        sample.append(unit.array());
                    }
                }
                samples.add(sample.bytes());
                previous = nalUnits;
            } catch (RuntimeException | IOException e) {
                IOException failure = new IOException(JcodecPlan.PREFIX + "frame " + frame.index()
                        + " could not be encoded: " + e, e);
                listener.failed(failure);
                throw failure;
            } finally {
                listener.encoded(frame);
            }
        }
        if (samples.isEmpty() || sps == null || pps == null) {
            throw new IllegalStateException("group " + index + " ended without an IDR frame");
        }
        return new EncodedGop(index, samples, sps, pps);
    }

    /** Encodes frame {@code n} of the group: the first as an IDR frame, the rest as P frames. */
    private static ByteBuffer encodeFrame(SignalledH264Encoder encoder, FixedQpRateControl rateControl,
            Picture picture, int n, ByteBuffer out) throws IOException {
        boolean idr = n == 0;
        SliceType type = idr ? SliceType.I : SliceType.P;
        // JCodec's encodeFrame would count frames itself, but its P frames would then repeat the
        // parameter sets; doEncodeFrame leaves the reference picture untouched when it throws, so a
        // frame that overflowed can be encoded again.
        int chromaOffset = encoder.chromaQpOffset();
        for (int raise = 0;; raise += OVERFLOW_QP_STEP) {
            rateControl.raise(raise);
            try {
                return encoder.doEncodeFrame(picture, out, idr, n, type);
            } catch (BufferOverflowException e) {
                int coarser = rateControl.qp() + OVERFLOW_QP_STEP;
                // Coarser, but only as far as the stream's chroma offset still decodes exactly.
                if (coarser > 51 || ChromaQp.offsetFor(coarser).orElse(-1) != chromaOffset) {
                    throw new IOException("the frame does not fit JCodec's slice buffer (8 bits a pixel)"
                            + " even at QP " + rateControl.qp(), e);
                }
            } finally {
                rateControl.raise(0);
            }
        }
    }

    /** A frame's planes and its global index; {@link #END} marks the end of a group. */
    record QueuedFrame(Yuv420Planes planes, int index) {
    }

    /** One MP4 sample being built: NAL units, each after its 4-byte big-endian length. */
    private static final class Sample {
        private byte[] bytes = new byte[0];

        void append(byte[] nal) {
            int at = bytes.length;
            bytes = Arrays.copyOf(bytes, at + 4 + nal.length);
            bytes[at] = (byte) (nal.length >>> 24);
            bytes[at + 1] = (byte) (nal.length >>> 16);
            bytes[at + 2] = (byte) (nal.length >>> 8);
            bytes[at + 3] = (byte) nal.length;
            System.arraycopy(nal, 0, bytes, at + 4, nal.length);
        }

        byte[] bytes() {
            return bytes;
        }
    }
}
