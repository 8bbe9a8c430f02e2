package dev.reel.db;

import dev.reel.api.FrameSource;
import dev.reel.api.InvalidViewException;
import dev.reel.api.PanView;
import dev.reel.api.Picture;
import dev.reel.api.View;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Camera-pan frames from a fractalshades {@code .postdb} (an RGB or RGBA uint8 NumPy picture),
 * drawn as fractalshades' {@code Db.plot} draws them (fractalshades-format.md, section 3).
 *
 * <p><b>Geometry.</b> Database column i is at x = -0.5 + i/(nx-1) and row j at
 * y = (0.5 - j/(ny-1))/r with r = nx/ny: x spans the width, y points up. A {@link PanView}
 * (x, y, dx) covers dx by dx/ratio, ratio being the picture's width over height; its pixel
 * (i, j) is at X = x - dx/2 + dx·i/(W-1), Y = y + dy/2 - dy·j/(H-1), sampled bilinearly at
 * fractional column u = (X + 0.5)(nx - 1) and row v = (0.5 - r·Y)(ny - 1). Coordinates are
 * computed in double precision, clamped to the grid, and a sample on the last column uses the
 * last cell with weight 1 (a sample on the last row, that row). The row is computed as
 * v = v₀ + j·s, with v₀ = (0.5 - r·(y + dy/2))(ny - 1) and s = r·dy·(ny - 1)/(H - 1), the same
 * value in exact arithmetic: in a pan at the database's own scale (s = 1, as in fractalshades'
 * pan example) every frame row then lies exactly on a database row, which it takes as it is.
 * Each channel is truncated to 8 bits after a cast to float, as fractalshades stores float32
 * before its uint8 cast; alpha is dropped.
 *
 * <p><b>Bounds.</b> A view whose edges leave [-0.5, 0.5] x [-0.5/r, 0.5/r] is an
 * {@link InvalidViewException}; a view exactly touching an edge is valid.
 *
 * <p><b>Threads and memory.</b> The file is mapped read-only and paged in as frames touch it;
 * {@link #draw} only reads it, so any number of threads may draw at once. Each thread keeps its
 * working arrays (about 70 bytes per frame column: 50 KB at 720 columns) from frame to frame, so
 * that drawing allocates nothing; they go with the thread or with this source.
 */
public final class PostdbPanSource implements FrameSource {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private final NpyArray array;
    private final String name;
    private final int nx;
    private final int ny;
    private final int channels;
    private final long rowBytes;

    /** Each drawing thread's working arrays, kept from frame to frame: a frame allocates nothing. */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private PostdbPanSource(NpyArray array) {
        this.array = array;
        this.name = array.file().getFileName().toString();
        this.ny = (int) (long) array.header().shape().get(0);
        this.nx = (int) (long) array.header().shape().get(1);
        this.channels = (int) (long) array.header().shape().get(2);
        this.rowBytes = (long) nx * channels;
    }

    /**
     * Opens a {@code .postdb} file read-only.
     *
     * @throws NpyFormatException if it is not a (rows, columns, 3 or 4) uint8 NumPy array
     * @throws IOException if it cannot be read
     */
    public static PostdbPanSource open(Path file) throws IOException {
        return open(file, NpyArray.CHUNK_BYTES);
    }

    /** {@link #open(Path)} with another chunk size, so tests cross chunk boundaries in small files. */
    static PostdbPanSource open(Path file, long chunkBytes) throws IOException {
        NpyHeader header = NpyHeader.read(file).requirePicture(file.toString());
        if (header.shape().get(0) > Integer.MAX_VALUE || header.shape().get(1) > Integer.MAX_VALUE / 4) {
            throw new NpyFormatException(file.toString(), "a picture of " + header.shapeString()
                    + " is too large: at most " + Integer.MAX_VALUE / 4 + " columns and " + Integer.MAX_VALUE + " rows");
        }
        long rowBytes = header.shape().get(1) * header.shape().get(2);
        return new PostdbPanSource(NpyArray.open(file, rowBytes, chunkBytes));
    }

    /** Columns of the database. */
    public int width() {
        return nx;
    }

    /** Rows of the database. */
    public int height() {
        return ny;
    }

    /** 3 for RGB, 4 for RGBA. */
    public int channels() {
        return channels;
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public boolean supports(Class<? extends View> kind) {
        return kind == PanView.class;
    }

    @Override
    public void check(View view, int width, int height) {
        if (!(view instanceof PanView pan)) {
            throw new InvalidViewException(name + " draws pan views (x, y, dx), not a " + view.getClass().getSimpleName());
        }
        double r = (double) nx / ny;
        double dy = pan.dx() * height / width;
        String problem = null;
        if (pan.x() - pan.dx() / 2 < -0.5) {
            problem = "its left edge x - dx/2 = " + num(pan.x() - pan.dx() / 2) + " is below -0.5";
        } else if (pan.x() + pan.dx() / 2 > 0.5) {
            problem = "its right edge x + dx/2 = " + num(pan.x() + pan.dx() / 2) + " is above 0.5";
        } else if (pan.y() - dy / 2 < -0.5 / r) {
            problem = "its bottom edge y - dy/2 = " + num(pan.y() - dy / 2) + " is below " + num(-0.5 / r);
        } else if (pan.y() + dy / 2 > 0.5 / r) {
            problem = "its top edge y + dy/2 = " + num(pan.y() + dy / 2) + " is above " + num(0.5 / r);
        }
        if (problem != null) {
            throw new InvalidViewException(String.format(Locale.ROOT,
                    "%s: the view x = %s, y = %s, dx = %s (dy = %s at %dx%d) leaves the database (%dx%d, x in [-0.5, 0.5], y in [%s, %s]): %s",
                    name, num(pan.x()), num(pan.y()), num(pan.dx()), num(dy), width, height, nx, ny,
                    num(-0.5 / r), num(0.5 / r), problem));
        }
    }

    @Override
    public void draw(View view, Picture target) {
        int width = target.width();
        int height = target.height();
        check(view, width, height);
        PanView pan = (PanView) view;
        double r = (double) nx / ny;
        double dx = pan.dx();
        double dy = dx * height / width;

        // u depends on the column only and v on the row only: compute each once per frame.
        Scratch work = scratch.get().fit(width);
        int[] col0 = work.col0;
        int[] col1 = work.col1;
        double[] fu = work.fu;
        for (int i = 0; i < width; i++) {
            double x = width == 1 ? pan.x() : pan.x() - dx / 2 + dx * i / (width - 1);
            double u = (x + 0.5) * (nx - 1);
            int i0 = cell(u, nx);
            col0[i] = i0 * channels;
            col1[i] = (nx == 1 ? i0 : i0 + 1) * channels;
            fu[i] = fraction(u, i0, nx);
        }

        // Bilinear sampling, factored: each database row the frame needs is interpolated
        // horizontally once (at every frame column), and each frame row blends two such rows.
        // Consecutive frame rows mostly share database rows, so most rows are interpolated once
        // and used twice or more. Mathematically this is fractalshades' four-weight sum.
        // Rows are kept planar (red, green, blue arrays): unit-stride loops the JIT compiles well.
        byte[] bytes = work.bytes(col1[width - 1] + channels - col0[0] + Long.BYTES);
        double[][] upper = work.upper;
        double[][] lower = work.lower;
        int upperRow = -1;
        int lowerRow = -1;
        byte[] out = target.rgb();
        int o = 0;
        double v0 = height == 1 ? (0.5 - r * pan.y()) * (ny - 1) : (0.5 - r * (pan.y() + dy / 2)) * (ny - 1);
        double step = height == 1 ? 0 : r * dy * (ny - 1) / (height - 1);
        for (int j = 0; j < height; j++) {
            double v = v0 + j * step;
            int j0 = row(v);
            double fv = rowFraction(v, j0);
            if (fv == 0 && upperRow != j0 && lowerRow != j0 && !readsRow(j + 1, height, v0, step, j0)) {
                // The frame row lies on database row j0, which no neighbouring frame row reads (as
                // in a pan at the database's own scale): the row goes straight to the frame's bytes.
                o = drawRow(j0, width, col0, col1, fu, bytes, out, o);
                continue;
            }
            if (upperRow != j0) {
                if (lowerRow == j0) {
                    double[][] swap = upper;
                    upper = lower;
                    lower = swap;
                    upperRow = j0;
                    lowerRow = -1;
                } else {
                    interpolateRow(j0, width, col0, col1, fu, upper, bytes);
                    upperRow = j0;
                }
            }
            if (fv == 0) {
                // The frame row lies on database row j0, which a neighbouring frame row also reads
                // (and always in a one-row database): the blend is that row itself, exactly
                // (1·a + 0·b == a), so the next database row is neither needed nor interpolated.
                o = truncate(upper, width, out, o);
                continue;
            }
            // fv > 0, so the database has a row j0 + 1 (row() gives ny - 1 only with fv = 0).
            int j1 = j0 + 1;
            if (lowerRow != j1) {
                interpolateRow(j1, width, col0, col1, fu, lower, bytes);
                lowerRow = j1;
            }
            o = blend(upper, lower, fv, width, out, o);
        }
    }

    /**
     * Writes the blend of two interpolated rows, {@code (1 - fv)·upper + fv·lower}, as frame
     * pixels, each channel truncated to 8 bits after a cast to float.
     */
    private static int blend(double[][] upper, double[][] lower, double fv, int width, byte[] out, int o) {
        double gv = 1 - fv;
        double[] r0 = upper[0];
        double[] g0 = upper[1];
        double[] b0 = upper[2];
        double[] r1 = lower[0];
        double[] g1 = lower[1];
        double[] b1 = lower[2];
        for (int i = 0; i < width; i++) {
            int k = o + 3 * i;
            out[k] = (byte) (int) (float) (gv * r0[i] + fv * r1[i]);
            out[k + 1] = (byte) (int) (float) (gv * g0[i] + fv * g1[i]);
            out[k + 2] = (byte) (int) (float) (gv * b0[i] + fv * b1[i]);
        }
        return o + 3 * width;
    }

    /** Writes a row of interpolated values as frame pixels, each channel truncated to 8 bits after a cast to float. */
    private static int truncate(double[][] row, int width, byte[] out, int o) {
        double[] red = row[0];
        double[] green = row[1];
        double[] blue = row[2];
        for (int i = 0; i < width; i++) {
            int k = o + 3 * i;
            out[k] = (byte) (int) (float) red[i];
            out[k + 1] = (byte) (int) (float) green[i];
            out[k + 2] = (byte) (int) (float) blue[i];
        }
        return o + 3 * width;
    }

    /** Whether frame row {@code j} (if there is one) reads database row {@code row}. */
    private boolean readsRow(int j, int height, double v0, double step, int row) {
        if (j >= height) {
            return false;
        }
        double v = v0 + j * step;
        int j0 = row(v);
        return j0 == row || j0 + 1 == row && rowFraction(v, j0) > 0;
    }

    /**
     * Copies the bytes of database row {@code row} that frame columns read into {@code bytes}, in
     * one bulk copy (array reads are cheaper than buffer reads), and returns the offset to add to
     * a column's byte index {@code col0[i]} or {@code col1[i]} to find it there.
     */
    private int copyRow(int row, int width, int[] col0, int[] col1, byte[] bytes) {
        long start = row * rowBytes;
        ByteBuffer buf = array.chunkFor(start, rowBytes);
        int first = col0[0];
        buf.get(array.chunkOffset(start) + first, bytes, 0, col1[width - 1] + channels - first);
        return -first;
    }

    /**
     * Database row {@code row}, interpolated horizontally at every frame column, written as frame
     * pixels, each channel truncated to 8 bits after a cast to float: the same values as
     * {@link #interpolateRow} then {@link #truncate}, without keeping the row. Its loops are those
     * of {@link #interpolateRow} with another store. The RGB loop stays here although the common
     * case is RGBA: without it, C2 inlines this method into {@link #draw} and the RGBA loop ran
     * slower (1.33 to 1.38 ms a frame of the benchmark's pan against 1.17 to 1.19 ms).
     */
    private int drawRow(int row, int width, int[] col0, int[] col1, double[] fu, byte[] bytes, byte[] out, int o) {
        int base = copyRow(row, width, col0, col1, bytes);
        double[] level = ByteValues.AS_DOUBLE;
        if (channels == 4 && nx > 1) {
            for (int i = 0; i < width; i++) {
                double f = fu[i];
                double g = 1 - f;
                long p = (long) LONGS.get(bytes, base + col0[i]);
                int k = o + 3 * i;
                out[k] = (byte) (int) (float) (g * level[(int) (p & 0xff)] + f * level[(int) (p >>> 32 & 0xff)]);
                out[k + 1] = (byte) (int) (float) (g * level[(int) (p >>> 8 & 0xff)] + f * level[(int) (p >>> 40 & 0xff)]);
                out[k + 2] = (byte) (int) (float) (g * level[(int) (p >>> 16 & 0xff)] + f * level[(int) (p >>> 48 & 0xff)]);
            }
        } else {
            for (int i = 0; i < width; i++) {
                double f = fu[i];
                double g = 1 - f;
                int a = base + col0[i];
                int b = base + col1[i];
                int k = o + 3 * i;
                out[k] = (byte) (int) (float) (g * level[bytes[a] & 0xff] + f * level[bytes[b] & 0xff]);
                out[k + 1] = (byte) (int) (float) (g * level[bytes[a + 1] & 0xff] + f * level[bytes[b + 1] & 0xff]);
                out[k + 2] = (byte) (int) (float) (g * level[bytes[a + 2] & 0xff] + f * level[bytes[b + 2] & 0xff]);
            }
        }
        return o + 3 * width;
    }

    /** Database row {@code row}, interpolated horizontally at every frame column, as red, green and blue rows. */
    private void interpolateRow(int row, int width, int[] col0, int[] col1, double[] fu, double[][] into, byte[] bytes) {
        int base = copyRow(row, width, col0, col1, bytes);
        double[] level = ByteValues.AS_DOUBLE;
        double[] red = into[0];
        double[] green = into[1];
        double[] blue = into[2];
        if (channels == 4 && nx > 1) {
            // The common case: both neighbours in one 64-bit read (little-endian: red lowest).
            for (int i = 0; i < width; i++) {
                double f = fu[i];
                double g = 1 - f;
                long p = (long) LONGS.get(bytes, base + col0[i]);
                red[i] = g * level[(int) (p & 0xff)] + f * level[(int) (p >>> 32 & 0xff)];
                green[i] = g * level[(int) (p >>> 8 & 0xff)] + f * level[(int) (p >>> 40 & 0xff)];
                blue[i] = g * level[(int) (p >>> 16 & 0xff)] + f * level[(int) (p >>> 48 & 0xff)];
            }
        } else {
            for (int i = 0; i < width; i++) {
                double f = fu[i];
                double g = 1 - f;
                int a = base + col0[i];
                int b = base + col1[i];
                red[i] = g * level[bytes[a] & 0xff] + f * level[bytes[b] & 0xff];
                green[i] = g * level[bytes[a + 1] & 0xff] + f * level[bytes[b + 1] & 0xff];
                blue[i] = g * level[bytes[a + 2] & 0xff] + f * level[bytes[b + 2] & 0xff];
            }
        }
    }

    /** One thread's working arrays for frames up to the widest it has drawn. */
    private static final class Scratch {
        int[] col0 = new int[0];
        int[] col1 = new int[0];
        double[] fu = new double[0];
        double[][] upper = new double[3][0];
        double[][] lower = new double[3][0];
        private byte[] bytes = new byte[0];

        /** Makes the per-column arrays at least {@code width} long. */
        Scratch fit(int width) {
            if (col0.length < width) {
                col0 = new int[width];
                col1 = new int[width];
                fu = new double[width];
                upper = new double[3][width];
                lower = new double[3][width];
            }
            return this;
        }

        /** A buffer of at least {@code length} bytes for a database row's span. */
        byte[] bytes(int length) {
            if (bytes.length < length) {
                bytes = new byte[length];
            }
            return bytes;
        }
    }

    /** The cell a fractional grid coordinate falls in, with the last node in the last cell. */
    private static int cell(double u, int n) {
        if (n == 1 || !(u > 0)) {
            return 0;
        }
        return (int) Math.min(Math.floor(u), n - 2);
    }

    /**
     * The database row of a fractional row coordinate: the last row itself on (or past) it, where
     * the last cell with weight 1 would give the same values (0·a + 1·b == b) through a blend.
     */
    private int row(double v) {
        return v >= ny - 1 ? ny - 1 : cell(v, ny);
    }

    /** The weight of the row below {@code row} (0 on the last row). */
    private double rowFraction(double v, int row) {
        return row == ny - 1 ? 0 : fraction(v, row, ny);
    }

    /** The weight of the cell's second node: 1 on (or past) the last node. */
    private static double fraction(double u, int cell, int n) {
        if (n == 1 || !(u > 0)) {
            return 0;
        }
        return Math.min(1.0, u - cell);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    @Override
    public void close() {
        array.close();
    }

    @Override
    public String toString() {
        return "PostdbPanSource[" + array + "]";
    }
}
