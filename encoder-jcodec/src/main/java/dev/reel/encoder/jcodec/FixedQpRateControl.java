package dev.reel.encoder.jcodec;

import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.Size;

/**
 * JCodec rate control that codes every macroblock of every frame at one quantiser, plus a
 * {@linkplain #raise(int) raise} used only to re-encode a frame that did not fit JCodec's slice
 * buffer.
 *
 * <p>Not thread-safe: one instance per {@link org.jcodec.codecs.h264.H264Encoder}.
 */
final class FixedQpRateControl implements RateControl {
    private final int qp;
    private int raise;

    /**
     * @param qp the quantiser, 0 to {@link ChromaQp#MAX_EXACT_QP}
     */
    FixedQpRateControl(int qp) {
        if (qp < 0 || qp > ChromaQp.MAX_EXACT_QP) {
            throw new IllegalArgumentException("QP must be 0 to " + ChromaQp.MAX_EXACT_QP + ", got " + qp);
        }
        this.qp = qp;
    }

    /** The quantiser the next frame is coded at. */
    int qp() {
        return qp + raise;
    }

    /** Codes the following frames {@code raise} steps coarser than the base quantiser. */
    void raise(int raise) {
        if (raise < 0 || qp + raise > 51) {
            throw new IllegalArgumentException("cannot raise QP " + qp + " by " + raise);
        }
        this.raise = raise;
    }

    @Override
    public int startPicture(Size size, int maxSize, SliceType type) {
        return qp();
    }

    @Override
    public int initialQpDelta() {
        return 0;
    }

    @Override
    public int accept(int bits) {
        return 0;
    }
}
