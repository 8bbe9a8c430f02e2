package dev.reel.encoder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_IEC61966_2_1;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU601;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;

/**
 * How the encoded pictures' colours are to be read, and so how reel's sRGB frames are converted:
 * the matrix, range, primaries and transfer written into the stream and the container.
 *
 * <p>Y'CbCr formats use limited ("TV") range with the matrix players assume for the size, so that
 * even a player that ignores the tags shows the right colours: ITU-R BT.709 from 720 lines up,
 * BT.601 (SMPTE 170M) below. RGB formats ({@code bgr0}, GIF's palettes) are full-range sRGB.
 *
 * @param space FFmpeg's {@code AVColorSpace}
 * @param range FFmpeg's {@code AVColorRange}
 * @param primaries FFmpeg's {@code AVColorPrimaries}
 * @param transfer FFmpeg's {@code AVColorTransferCharacteristic}
 * @param swsCoefficients swscale's {@code SWS_CS_*} for the conversion; meaningless for RGB
 * @param matrixName the matrix as FFmpeg's scale filter names it ({@code bt709}, {@code bt601}),
 *     or empty for RGB
 */
record Colour(int space, int range, int primaries, int transfer, int swsCoefficients, String matrixName) {

    /** Height from which a movie is high definition and gets BT.709. */
    static final int HD_LINES = 720;

    /** The colour description for pictures of this height in this pixel format. */
    static Colour of(String pixelFormat, int height) {
        if (!isYuv(pixelFormat)) {
            return new Colour(AVCOL_SPC_RGB, AVCOL_RANGE_JPEG, AVCOL_PRI_BT709, AVCOL_TRC_IEC61966_2_1,
                    SWS_CS_ITU709, "");
        }
        if (height >= HD_LINES) {
            return new Colour(AVCOL_SPC_BT709, AVCOL_RANGE_MPEG, AVCOL_PRI_BT709, AVCOL_TRC_BT709,
                    SWS_CS_ITU709, "bt709");
        }
        return new Colour(AVCOL_SPC_SMPTE170M, AVCOL_RANGE_MPEG, AVCOL_PRI_SMPTE170M, AVCOL_TRC_SMPTE170M,
                SWS_CS_ITU601, "bt601");
    }

    /** Whether an FFmpeg pixel format is Y'CbCr (planar or semi-planar), not RGB or a palette. */
    static boolean isYuv(String pixelFormat) {
        return pixelFormat.startsWith("yuv") || pixelFormat.startsWith("nv") || pixelFormat.startsWith("p01");
    }

    /** Whether this is a Y'CbCr description. */
    boolean yuv() {
        return !matrixName.isEmpty();
    }
}
