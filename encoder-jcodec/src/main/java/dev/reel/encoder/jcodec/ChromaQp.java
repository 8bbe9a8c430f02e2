package dev.reel.encoder.jcodec;

import java.util.OptionalInt;

/**
 * Works around a JCodec 0.2.5 encoder bug: it quantises chroma with the luma quantiser QP, where
 * H.264 decoders use the chroma quantiser QPc = table(QP + chroma_qp_index_offset) (ITU-T H.264
 * Table 8-15), which is smaller than QP from 30 up. The picture parameter set's
 * chroma_qp_index_offset can make the decoder's QPc equal to the encoder's QP for every QP up to
 * {@link #MAX_EXACT_QP}; above it no offset can, so the encoder uses no quantiser above 39.
 */
final class ChromaQp {
    /** The largest QP whose chroma decoders can be made to read back exactly. */
    static final int MAX_EXACT_QP = 39;
    /** The largest chroma_qp_index_offset H.264 allows. */
    private static final int MAX_OFFSET = 12;
    /** Table 8-15: QPc for qPI = 30 to 51; below 30, QPc = qPI. */
    private static final int[] QPC_FROM_30 = {29, 30, 31, 32, 32, 33, 34, 34, 35, 35, 36, 36, 37, 37,
        37, 38, 38, 38, 39, 39, 39, 39};

    private ChromaQp() {
    }

    /** The chroma quantiser a decoder uses for luma quantiser {@code qp} and this offset. */
    static int decoderChromaQp(int qp, int offset) {
        int qpi = Math.max(0, Math.min(51, qp + offset));
        return qpi < 30 ? qpi : QPC_FROM_30[qpi - 30];
    }

    /**
     * The smallest chroma_qp_index_offset with which decoders dequantise chroma with {@code qp}
     * itself, as JCodec quantised it: 0 up to QP 29, 1 to 9 from 30 to 39; empty above.
     */
    static OptionalInt offsetFor(int qp) {
        for (int offset = 0; offset <= MAX_OFFSET; offset++) {
            if (decoderChromaQp(qp, offset) == qp) {
                return OptionalInt.of(offset);
            }
        }
        return OptionalInt.empty();
    }
}
