package dev.reel.encoder.jcodec;

import dev.reel.api.Picture;
import java.util.Objects;

/**
 * Converts a {@link Picture} (packed 8-bit RGB) into {@link Yuv420Planes}: limited-range ("TV",
 * MPEG) Y'CbCr 4:2:0 with 8-bit samples, the input of the H.264 encoder.
 *
 * <p><b>Contract.</b>
 * <ul>
 *   <li><b>Matrix and range.</b> The {@link ColorMatrix} given at construction (BT.601 by default)
 *       with limited range: Y in [16, 235], Cb and Cr in [16, 240]; black is (16, 128, 128) and
 *       white (235, 128, 128). Every sample is the formula of {@link ColorMatrix} rounded to the
 *       nearest integer (within 0.51 of the exact value); the fixed-point coefficients are checked
 *       at construction to keep every input inside the legal range, so no sample is ever out of it.</li>
 *   <li><b>Chroma.</b> Each Cb/Cr sample is computed from the mean RGB of its 2x2 block of
 *       pixels, which equals the mean of the four pixels' exact Cb/Cr since the conversion is
 *       affine. The sample therefore sits at the centre of its block (MPEG-1/JPEG siting); the
 *       H.264 default, "left" siting (chroma_sample_loc_type 0: co-sited with the left column,
 *       between the rows), would ask for a [1 2 1] horizontal filter instead. A decoder that
 *       honours that siting shows this chroma half a luma pixel left of where it was sampled, an
 *       error the box average accepts for simplicity and speed. For an odd width or height the
 *       last column or row is replicated, so the last chroma samples average the edge pixels
 *       with themselves.</li>
 *   <li><b>Threads.</b> Immutable: one converter may be used by any number of threads at once,
 *       for different pictures and planes. One conversion reads the picture and writes the planes
 *       on the calling thread; the caller owns both for the call, as a render thread owns its
 *       picture during {@link dev.reel.api.Encoder#prepare Encoder.prepare}, where this work
 *       belongs.</li>
 *   <li><b>Cost.</b> One pass over the picture, a row pair at a time, in 16-bit fixed-point integer
 *       arithmetic; nothing is allocated.</li>
 * </ul>
 */
public final class Yuv420Converter {

    /** Fixed-point scale of the coefficients: 2^16. */
    private static final int SHIFT = 16;
    /** Luma offset 16 plus one half, for rounding to nearest. */
    private static final int Y_OFFSET = (16 << SHIFT) + (1 << (SHIFT - 1));
    /**
     * Chroma works on sums of four pixels, so it shifts by two more bits; offset 128 plus one half
     * at that scale.
     */
    private static final int CHROMA_SHIFT = SHIFT + 2;
    private static final int CHROMA_OFFSET = (128 << CHROMA_SHIFT) + (1 << (CHROMA_SHIFT - 1));

    private final ColorMatrix matrix;
    // Coefficients of R, G, B for each output, times 2^16 / 255 (inputs are 0..255, not 0..1).
    private final int yr;
    private final int yg;
    private final int yb;
    private final int ur;
    private final int ug;
    private final int ub;
    private final int vr;
    private final int vg;
    private final int vb;

    /** A BT.601 converter, the matrix decoders assume when a stream signals none. */
    public Yuv420Converter() {
        this(ColorMatrix.BT601);
    }

    /** A converter for {@code matrix}. */
    public Yuv420Converter(ColorMatrix matrix) {
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        double scale = (1 << SHIFT) / 255.0;
        double kr = matrix.kr();
        double kb = matrix.kb();
        double kg = matrix.kg();
        // Luma: 219 (Kr R + Kg G + Kb B). G takes the rounding remainder so that the three add up to
        // 219 exactly at this scale: white gives 235 and every grey a consistent level.
        yr = (int) Math.round(219 * kr * scale);
        yb = (int) Math.round(219 * kb * scale);
        yg = (int) Math.round(219 * (kr + kg + kb) * scale) - yr - yb;
        // Cb: 224 (B - Y') / (2 (1 - Kb)) = 112 B - 112 Kr / (1 - Kb) R - 112 Kg / (1 - Kb) G;
        // Cr: 224 (R - Y') / (2 (1 - Kr)) likewise. G takes the remainder so that each row sums
        // to exactly zero: every grey gets Cb = Cr = 128.
        ub = (int) Math.round(112 * scale);
        ur = (int) Math.round(-112 * kr / (1 - kb) * scale);
        ug = -ub - ur;
        vr = (int) Math.round(112 * scale);
        vb = (int) Math.round(-112 * kb / (1 - kr) * scale);
        vg = -vr - vb;
        checkRange();
    }

    /** The matrix this converter applies. */
    public ColorMatrix matrix() {
        return matrix;
    }

    /** Converts {@code picture} into freshly allocated unsigned planes; for tests and one-off use. */
    public Yuv420Planes convert(Picture picture) {
        Yuv420Planes planes = new Yuv420Planes(picture.width(), picture.height());
        convert(picture, planes);
        return planes;
    }

    /**
     * Converts {@code picture} into {@code planes}, overwriting every sample, in the planes'
     * {@linkplain Yuv420Planes#coding() sample coding}.
     *
     * @throws IllegalArgumentException if the planes are not of the picture's size
     */
    public void convert(Picture picture, Yuv420Planes planes) {
        int width = picture.width();
        int height = picture.height();
        if (!planes.fits(picture)) {
            throw new IllegalArgumentException("cannot convert a " + width + "x" + height
                    + " picture into YUV planes for " + planes.width() + "x" + planes.height()
                    + "; planes are allocated per picture size");
        }
        byte[] rgb = picture.rgb();
        byte[] y = planes.y();
        byte[] u = planes.u();
        byte[] v = planes.v();
        int lumaStride = planes.lumaStride();
        int chromaStride = planes.chromaStride();
        // Storing value - 128 is flipping the top bit of the stored byte.
        int flip = planes.coding() == Yuv420Planes.SampleCoding.MINUS_128 ? 0x80 : 0;
        int rowBytes = 3 * width;
        for (int row = 0; row < height; row += 2) {
            // An odd last row is paired with itself: its luma is written twice, identically.
            int below = row + 1 < height ? row + 1 : row;
            convertRowPair(rgb, row * rowBytes, below * rowBytes, width,
                    y, row * lumaStride, below * lumaStride,
                    u, v, (row >> 1) * chromaStride, flip);
        }
    }

    /**
     * Converts two rows of pixels starting at {@code top} and {@code bottom} in {@code rgb} into
     * two rows of luma and one row of each chroma plane.
     */
    private void convertRowPair(byte[] rgb, int top, int bottom, int width,
            byte[] y, int yTop, int yBottom, byte[] u, byte[] v, int c, int flip) {
        // Locals, so that the JIT keeps the coefficients in registers.
        final int yr = this.yr, yg = this.yg, yb = this.yb;
        final int ur = this.ur, ug = this.ug, ub = this.ub;
        final int vr = this.vr, vg = this.vg, vb = this.vb;
        int t = top;
        int b = bottom;
        int lt = yTop;
        int lb = yBottom;
        for (int end = c + (width >> 1); c < end; c++) {
            int r0 = rgb[t] & 0xff, g0 = rgb[t + 1] & 0xff, b0 = rgb[t + 2] & 0xff;
            int r1 = rgb[t + 3] & 0xff, g1 = rgb[t + 4] & 0xff, b1 = rgb[t + 5] & 0xff;
            int r2 = rgb[b] & 0xff, g2 = rgb[b + 1] & 0xff, b2 = rgb[b + 2] & 0xff;
            int r3 = rgb[b + 3] & 0xff, g3 = rgb[b + 4] & 0xff, b3 = rgb[b + 5] & 0xff;
            y[lt] = (byte) (((yr * r0 + yg * g0 + yb * b0 + Y_OFFSET) >> SHIFT) ^ flip);
            y[lt + 1] = (byte) (((yr * r1 + yg * g1 + yb * b1 + Y_OFFSET) >> SHIFT) ^ flip);
            y[lb] = (byte) (((yr * r2 + yg * g2 + yb * b2 + Y_OFFSET) >> SHIFT) ^ flip);
            y[lb + 1] = (byte) (((yr * r3 + yg * g3 + yb * b3 + Y_OFFSET) >> SHIFT) ^ flip);
            int rs = r0 + r1 + r2 + r3;
            int gs = g0 + g1 + g2 + g3;
            int bs = b0 + b1 + b2 + b3;
            u[c] = (byte) (((ur * rs + ug * gs + ub * bs + CHROMA_OFFSET) >> CHROMA_SHIFT) ^ flip);
            v[c] = (byte) (((vr * rs + vg * gs + vb * bs + CHROMA_OFFSET) >> CHROMA_SHIFT) ^ flip);
            t += 6;
            b += 6;
            lt += 2;
            lb += 2;
        }
        if ((width & 1) != 0) {
            // Odd width: the last column is its own right neighbour, so it counts twice.
            int r0 = rgb[t] & 0xff, g0 = rgb[t + 1] & 0xff, b0 = rgb[t + 2] & 0xff;
            int r2 = rgb[b] & 0xff, g2 = rgb[b + 1] & 0xff, b2 = rgb[b + 2] & 0xff;
            y[lt] = (byte) (((yr * r0 + yg * g0 + yb * b0 + Y_OFFSET) >> SHIFT) ^ flip);
            y[lb] = (byte) (((yr * r2 + yg * g2 + yb * b2 + Y_OFFSET) >> SHIFT) ^ flip);
            int rs = 2 * (r0 + r2);
            int gs = 2 * (g0 + g2);
            int bs = 2 * (b0 + b2);
            u[c] = (byte) (((ur * rs + ug * gs + ub * bs + CHROMA_OFFSET) >> CHROMA_SHIFT) ^ flip);
            v[c] = (byte) (((vr * rs + vg * gs + vb * bs + CHROMA_OFFSET) >> CHROMA_SHIFT) ^ flip);
        }
    }

    /**
     * Proves, once, that no input leaves the legal range, which is why the loops need no clamp.
     * Each output is affine in R, G and B, so its extremes over the RGB cube are at the cube's
     * corners; the chroma of a 2x2 block is the same formula at four times the scale, so the
     * corners of one pixel bound it too.
     */
    private void checkRange() {
        for (int corner = 0; corner < 8; corner++) {
            int r = (corner & 4) != 0 ? 255 : 0;
            int g = (corner & 2) != 0 ? 255 : 0;
            int b = (corner & 1) != 0 ? 255 : 0;
            int luma = (yr * r + yg * g + yb * b + Y_OFFSET) >> SHIFT;
            int cb = (ur * 4 * r + ug * 4 * g + ub * 4 * b + CHROMA_OFFSET) >> CHROMA_SHIFT;
            int cr = (vr * 4 * r + vg * 4 * g + vb * 4 * b + CHROMA_OFFSET) >> CHROMA_SHIFT;
            if (luma < 16 || luma > 235 || cb < 16 || cb > 240 || cr < 16 || cr > 240) {
                throw new IllegalStateException("fixed-point " + matrix + " coefficients map RGB ("
                        + r + ", " + g + ", " + b + ") to (" + luma + ", " + cb + ", " + cr
                        + "), outside the limited range");
            }
        }
    }

    @Override
    public String toString() {
        return "Yuv420Converter[" + matrix + ", limited range]";
    }
}
