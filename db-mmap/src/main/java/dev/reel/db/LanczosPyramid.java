package dev.reel.db;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A decimation pyramid over a mapped RGB(A) picture, as fractalshades' exponential zoom builds
 * it (format notes §4.5, clean variant): level 0 is the mapped file itself, read in place; each
 * level k ≥ 1 is the previous level filtered with a separable Lanczos-2 kernel and decimated by
 * two, held in the heap as 3-channel RGB (alpha dropped).
 *
 * <p>Level k+1 has {@code n/2 + 1} rows and {@code n/2 + 1} columns of level k (each axis on its
 * own), its sample (p, q) is centred on sample (2p, 2q) of level k, so index 0 stays at the origin
 * and the spacing of level k is exactly 2^k level-0 spacings. The number of decimated levels is
 * {@code bit_length(columns - 2)} of level 0. Together the decimated levels hold about a third of
 * level 0's pixels, at 3 bytes each.
 *
 * <p>Immutable once built, so any number of threads may read it.
 */
final class LanczosPyramid {
    /** Output channels of the decimated levels: RGB. */
    static final int RGB = 3;

    /**
     * Bytes after the last pixel of every heap row, so that the two neighbouring pixels at any
     * column are read with one 8-byte load.
     */
    static final int ROW_PADDING = 2;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Output rows per parallel task while decimating; each band re-filters 7 input rows at its top. */
    private static final int BAND_ROWS = 32;

    /**
     * The normalised Lanczos-2 weights at offsets -3/2, -1, ..., +3/2 of the level-k grid (index
     * a + 3 for offset a/2): about -0.031543, 0, 0.283890, 0.495307, 0.283890, 0, -0.031543.
     */
    static final double[] WEIGHTS = lanczos2HalfStepWeights();

    private final NpyArray base;
    private final int baseChannels;
    private final int[] rows;
    private final int[] columns;
    /**
     * For level-0 row j (0 ≤ j ≤ rows - 2): the mapped chunk holding rows j and j + 1 whole, in
     * little-endian order.
     */
    private final ByteBuffer[] baseRowBuffer;
    /** The index of the first byte of level-0 row j in {@code baseRowBuffer[j]}. */
    private final int[] baseRowOffset;
    /** {@code levels[k][row]}: the RGB bytes of one row of level k ≥ 1; {@code levels[0]} is null. */
    private final byte[][][] levels;

    private LanczosPyramid(NpyArray base, int[] rows, int[] columns, ByteBuffer[] baseRowBuffer,
            int[] baseRowOffset, byte[][][] levels) {
        this.base = base;
        this.baseChannels = Math.toIntExact(base.header().shape().get(2));
        this.rows = rows;
        this.columns = columns;
        this.baseRowBuffer = baseRowBuffer;
        this.baseRowOffset = baseRowOffset;
        this.levels = levels;
    }

    /**
     * Builds the decimated levels of a picture, in parallel over bands of output rows.
     *
     * @param base a (rows, columns, 3 or 4) uint8 array with at least 2 rows and 2 columns, opened
     *     with an overlap of at least two rows
     */
    static LanczosPyramid build(NpyArray base) {
        int rows0 = Math.toIntExact(base.header().shape().get(0));
        int columns0 = Math.toIntExact(base.header().shape().get(1));
        int channels = Math.toIntExact(base.header().shape().get(2));
        int rowBytes = columns0 * channels;
        ByteBuffer[] rowBuffer = new ByteBuffer[rows0 - 1];
        int[] rowOffset = new int[rows0 - 1];
        Map<ByteBuffer, ByteBuffer> littleEndian = new IdentityHashMap<>();
        for (int j = 0; j < rows0 - 1; j++) {
            long from = (long) j * rowBytes;
            // Pixels are read 8 bytes at a time, red in the lowest byte.
            rowBuffer[j] = littleEndian.computeIfAbsent(base.chunkFor(from, 2L * rowBytes),
                    chunk -> chunk.order() == ByteOrder.LITTLE_ENDIAN ? chunk : chunk.duplicate().order(ByteOrder.LITTLE_ENDIAN));
            rowOffset[j] = base.chunkOffset(from);
        }
        int count = levelCount(columns0);
        int[] rows = sizes(rows0, count);
        int[] columns = sizes(columns0, count);
        byte[][][] levels = new byte[count + 1][][];
        RowReader mapped = (row, scratch) -> {
            long from = (long) row * rowBytes;
            base.chunkFor(from, rowBytes).get(base.chunkOffset(from), scratch, 0, rowBytes);
            return scratch;
        };
        for (int k = 1; k <= count; k++) {
            byte[][] previous = levels[k - 1];
            RowReader in = k == 1 ? mapped : (row, scratch) -> previous[row];
            levels[k] = decimate(in, rows[k - 1], columns[k - 1], k == 1 ? channels : RGB, rows[k], columns[k]);
        }
        return new LanczosPyramid(base, rows, columns, rowBuffer, rowOffset, levels);
    }

    /** The number of decimated levels for a level 0 this many columns wide: bit_length(columns - 2). */
    static int levelCount(int columns) {
        if (columns < 2) {
            throw new IllegalArgumentException("a pyramid needs at least 2 columns, got " + columns);
        }
        return Integer.SIZE - Integer.numberOfLeadingZeros(columns - 2);
    }

    /** Sizes of levels 0 to {@code count} along one axis: n, n/2 + 1, ... */
    static int[] sizes(int size0, int count) {
        int[] sizes = new int[count + 1];
        sizes[0] = size0;
        for (int k = 1; k <= count; k++) {
            sizes[k] = sizes[k - 1] / 2 + 1;
        }
        return sizes;
    }

    /** The highest level: the number of decimated levels. */
    int maxLevel() {
        return rows.length - 1;
    }

    int rows(int level) {
        return rows[level];
    }

    int columns(int level) {
        return columns[level];
    }

    /** Channels of level 0 (3 or 4); every other level has 3. */
    int baseChannels() {
        return baseChannels;
    }

    ByteBuffer[] baseRowBuffers() {
        return baseRowBuffer;
    }

    int[] baseRowOffsets() {
        return baseRowOffset;
    }

    /**
     * The rows of level k ≥ 1, RGB, each followed by {@link #ROW_PADDING} zero bytes; not a copy.
     */
    byte[][] level(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("level 0 is the mapped file, not a heap level");
        }
        return levels[k];
    }

    /** Channel c of sample (row, column) of any level, for tests and occasional reads. */
    int sample(int level, int row, int column, int c) {
        if (level == 0) {
            return base.unsignedByte(((long) row * columns[0] + column) * baseChannels + c);
        }
        return levels[level][row][column * RGB + c] & 0xff;
    }

    /**
     * Two neighbouring pixels of level 0, the left one at byte k of a mapped chunk, as one long:
     * R, G, B, _ of the left pixel in the low four bytes (red lowest), of the right one in the
     * high four.
     */
    static long basePair(ByteBuffer b, int k, int channels) {
        if (channels == 4) {
            return b.getLong(k);
        }
        if (k + 8 <= b.limit()) {
            return spreadRgb(b.getLong(k));
        }
        // The last pixel pair of an RGB file: 8 bytes would run past the mapping.
        long pair = 0;
        for (int c = 0; c < RGB; c++) {
            pair |= (long) (b.get(k + c) & 0xff) << (8 * c) | (long) (b.get(k + RGB + c) & 0xff) << (32 + 8 * c);
        }
        return pair;
    }

    /** {@link #basePair} for a heap row, the left pixel at byte k. */
    static long heapPair(byte[] row, int k) {
        return spreadRgb((long) LONG_LE.get(row, k));
    }

    /** R0 G0 B0 R1 G1 B1 x x (low byte first) to R0 G0 B0 0 R1 G1 B1 0. */
    private static long spreadRgb(long packed) {
        return packed & 0xFFFFFFL | (packed << 8) & 0xFFFFFF00000000L;
    }

    /**
     * Bilinear blend of two pixel pairs ({@link #basePair}) with fractions fu (columns) and fv
     * (rows): each channel (1-fu)(1-fv)·f00 + fu(1-fv)·f01 + (1-fu)fv·f10 + fu·fv·f11 in double,
     * truncated through float as fractalshades does (it stores float32, then casts to uint8),
     * written as RGB at {@code out[o]}.
     */
    static void blend(long top, long bottom, double fu, double fv, byte[] out, int o) {
        double w00 = (1 - fu) * (1 - fv);
        double w01 = fu * (1 - fv);
        double w10 = (1 - fu) * fv;
        double w11 = fu * fv;
        double[] value = ByteValues.AS_DOUBLE;
        for (int c = 0; c < RGB; c++) {
            int shift = 8 * c;
            double s = w00 * value[(int) (top >>> shift) & 0xff] + w01 * value[(int) (top >>> (32 + shift)) & 0xff]
                    + w10 * value[(int) (bottom >>> shift) & 0xff] + w11 * value[(int) (bottom >>> (32 + shift)) & 0xff];
            out[o + c] = (byte) (int) (float) s;
        }
    }

    /** Releases the mapping of level 0; the pyramid must not be read afterwards. */
    void close() {
        Arrays.fill(baseRowBuffer, null);
        base.close();
    }

    /** A source of input rows: either the given scratch filled with the row, or an array that holds it. */
    private interface RowReader {
        byte[] row(int row, byte[] scratch);
    }

    /**
     * One decimation step: a horizontal pass into a ring of 8 filtered rows (7 are in use for any
     * output row, so consecutive row indices never collide), then a vertical pass, in double.
     */
    private static byte[][] decimate(RowReader in, int inRows, int inColumns, int inChannels, int outRows,
            int outColumns) {
        byte[][] out = new byte[outRows][];
        int bands = (outRows + BAND_ROWS - 1) / BAND_ROWS;
        IntStream.range(0, bands).parallel().forEach(band -> {
            double[][] ring = new double[8][outColumns * RGB];
            int[] ringRow = {-1, -1, -1, -1, -1, -1, -1, -1};
            byte[] scratch = new byte[inColumns * inChannels];
            double[][] taps = new double[7][];
            int end = Math.min(outRows, (band + 1) * BAND_ROWS);
            for (int p = band * BAND_ROWS; p < end; p++) {
                for (int a = -3; a <= 3; a++) {
                    int r = Math.min(Math.max(2 * p + a, 0), inRows - 1);
                    int slot = r & 7;
                    if (ringRow[slot] != r) {
                        filterRow(in.row(r, scratch), inColumns, inChannels, ring[slot], outColumns);
                        ringRow[slot] = r;
                    }
                    taps[a + 3] = ring[slot];
                }
                out[p] = filterColumns(taps, outColumns * RGB);
            }
        });
        return out;
    }

    /** The horizontal pass: {@code out[q, c] = Σ_b w_b in[clamp(2q + b), c]}, alpha dropped. */
    private static void filterRow(byte[] in, int inColumns, int inChannels, double[] out, int outColumns) {
        double w0 = WEIGHTS[3];
        double w1 = WEIGHTS[4];
        double w2 = WEIGHTS[5];
        double w3 = WEIGHTS[6];
        int last = inColumns - 1;
        for (int q = 0; q < outColumns; q++) {
            int centre = 2 * q;
            int o = q * RGB;
            if (centre >= 3 && centre + 3 <= last) {
                int i = centre * inChannels;
                int step = inChannels;
                for (int c = 0; c < RGB; c++) {
                    int k = i + c;
                    out[o + c] = w3 * (in[k - 3 * step] & 0xff) + w2 * (in[k - 2 * step] & 0xff)
                            + w1 * (in[k - step] & 0xff) + w0 * (in[k] & 0xff) + w1 * (in[k + step] & 0xff)
                            + w2 * (in[k + 2 * step] & 0xff) + w3 * (in[k + 3 * step] & 0xff);
                }
            } else {
                for (int c = 0; c < RGB; c++) {
                    double s = 0;
                    for (int b = -3; b <= 3; b++) {
                        int column = Math.min(Math.max(centre + b, 0), last);
                        s += WEIGHTS[b + 3] * (in[column * inChannels + c] & 0xff);
                    }
                    out[o + c] = s;
                }
            }
        }
    }

    /** The vertical pass over seven filtered rows, rounded: floor(clip(s + 0.5, 0, 255)). */
    private static byte[] filterColumns(double[][] taps, int length) {
        double[] m3 = taps[0];
        double[] m2 = taps[1];
        double[] m1 = taps[2];
        double[] z = taps[3];
        double[] p1 = taps[4];
        double[] p2 = taps[5];
        double[] p3 = taps[6];
        double w0 = WEIGHTS[3];
        double w1 = WEIGHTS[4];
        double w2 = WEIGHTS[5];
        double w3 = WEIGHTS[6];
        byte[] out = new byte[length + ROW_PADDING];
        for (int e = 0; e < length; e++) {
            double s = w3 * m3[e] + w2 * m2[e] + w1 * m1[e] + w0 * z[e] + w1 * p1[e] + w2 * p2[e] + w3 * p3[e];
            double rounded = s + 0.5;
            out[e] = (byte) (rounded <= 0 ? 0 : rounded >= 255 ? 255 : (int) rounded);
        }
        return out;
    }

    /** Lanczos-2, sinc(x)·sinc(x/2), at x = a/2 for a = -3..3, normalised to sum 1. */
    private static double[] lanczos2HalfStepWeights() {
        double[] w = new double[7];
        double sum = 0;
        for (int a = -3; a <= 3; a++) {
            double x = a / 2.0;
            w[a + 3] = sinc(x) * sinc(x / 2);
            sum += w[a + 3];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** sin(πx)/(πx), exactly 0 at non-zero integers (where sin(π·x) in double is only about 1e-16). */
    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        if (x == Math.rint(x)) {
            return 0;
        }
        return Math.sin(Math.PI * x) / (Math.PI * x);
    }
}
