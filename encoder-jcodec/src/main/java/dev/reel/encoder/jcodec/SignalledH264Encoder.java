package dev.reel.encoder.jcodec;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.jcodec.common.model.Size;

/**
 * JCodec's H.264 encoder with a sequence parameter set that says what the stream is:
 * <ul>
 *   <li>a chroma_qp_index_offset that makes decoders read chroma back at the quantiser JCodec
 *       coded it with ({@link ChromaQp});</li>
 *   <li>Constrained Baseline profile (constraint_set0 and 1): JCodec codes I_16x16 and P_16x16
 *       macroblocks with CAVLC in one slice, which every H.264 decoder plays;</li>
 *   <li>the lowest {@linkplain H264Level level} that holds the movie, where JCodec always writes 4.0;</li>
 *   <li>frame_num wide enough for a whole group of pictures;</li>
 *   <li>video usability information: limited ("TV") range, the colour primaries and transfer of
 *       BT.709 (those of sRGB, which the frames are in) and the matrix the YUV was made with;
 *       chroma sited at the centre of each 2x2 block, as {@link Yuv420Converter} computes it; no
 *       frame reordering, so that decoders output each frame at once.</li>
 * </ul>
 * Frame cropping of a size that is not a multiple of 16 is JCodec's own (exact for even sizes).
 *
 * <p>Not thread-safe, like its superclass: one instance per group of pictures.
 */
final class SignalledH264Encoder extends H264Encoder {
    // ITU-T H.273 code points, as H.264 Annex E uses them.
    private static final int BT709_PRIMARIES = 1;
    private static final int BT709_TRANSFER = 1;
    private static final int BT709_MATRIX = 1;
    private static final int SMPTE170M_MATRIX = 6;
    private static final int UNSPECIFIED_VIDEO_FORMAT = 5;
    private static final int CENTRE_CHROMA = 1;

    private final JcodecPlan plan;
    private final int chromaQpOffset;

    SignalledH264Encoder(JcodecPlan plan, FixedQpRateControl rateControl) {
        super(rateControl);
        this.plan = plan;
        this.chromaQpOffset = ChromaQp.offsetFor(plan.qp()).orElseThrow(() ->
                new IllegalArgumentException("QP " + plan.qp() + " has no exact chroma offset"));
        setKeyInterval(plan.keyframeInterval());
    }

    /** The picture parameter set's chroma_qp_index_offset: see {@link ChromaQp}. */
    int chromaQpOffset() {
        return chromaQpOffset;
    }

    @Override
    public PictureParameterSet initPPS() {
        PictureParameterSet pps = super.initPPS();
        pps.chromaQpIndexOffset = chromaQpOffset;
        return pps;
    }

    @Override
    public SeqParameterSet initSPS(Size size) {
        SeqParameterSet sps = super.initSPS(size);
        sps.constraintSet0Flag = true;
        sps.constraintSet1Flag = true;
        sps.levelIdc = plan.level().idc();
        sps.log2MaxFrameNumMinus4 = frameNumBits(plan.keyframeInterval()) - 4;
        sps.vuiParams = usabilityInformation(plan.matrix());
        return sps;
    }

    /**
     * Bits of frame_num: enough for the frames of a group of pictures not to wrap (4 to 16; a
     * longer group wraps, which H.264 allows).
     */
    static int frameNumBits(int keyframeInterval) {
        int bits = 32 - Integer.numberOfLeadingZeros(keyframeInterval - 1);
        return Math.max(4, Math.min(16, bits));
    }

    private static VUIParameters usabilityInformation(ColorMatrix matrix) {
        VUIParameters vui = new VUIParameters();
        vui.videoSignalTypePresentFlag = true;
        vui.videoFormat = UNSPECIFIED_VIDEO_FORMAT;
        vui.videoFullRangeFlag = false;
        vui.colourDescriptionPresentFlag = true;
        vui.colourPrimaries = BT709_PRIMARIES;
        vui.transferCharacteristics = BT709_TRANSFER;
        vui.matrixCoefficients = matrixCoefficients(matrix);
        vui.chromaLocInfoPresentFlag = true;
        vui.chromaSampleLocTypeTopField = CENTRE_CHROMA;
        vui.chromaSampleLocTypeBottomField = CENTRE_CHROMA;
        VUIParameters.BitstreamRestriction restriction = new VUIParameters.BitstreamRestriction();
        restriction.motionVectorsOverPicBoundariesFlag = true;
        restriction.maxBytesPerPicDenom = 0;
        restriction.maxBitsPerMbDenom = 0;
        restriction.log2MaxMvLengthHorizontal = 15;
        restriction.log2MaxMvLengthVertical = 15;
        restriction.numReorderFrames = 0;
        restriction.maxDecFrameBuffering = 1;
        vui.bitstreamRestriction = restriction;
        return vui;
    }

    /** The matrix_coefficients code of a matrix: 1 for BT.709, 6 (SMPTE 170M) for BT.601. */
    static int matrixCoefficients(ColorMatrix matrix) {
        return matrix == ColorMatrix.BT709 ? BT709_MATRIX : SMPTE170M_MATRIX;
    }

    /** The colour_primaries code: BT.709's, for every matrix (the frames are sRGB). */
    static int colourPrimaries() {
        return BT709_PRIMARIES;
    }

    /** The transfer_characteristics code: BT.709's, for every matrix. */
    static int transferCharacteristics() {
        return BT709_TRANSFER;
    }
}
