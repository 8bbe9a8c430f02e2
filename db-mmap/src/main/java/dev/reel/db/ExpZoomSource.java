package dev.reel.db;

import dev.reel.api.FrameSource;
import dev.reel.api.InvalidViewException;
import dev.reel.api.Picture;
import dev.reel.api.View;
import dev.reel.api.ZoomView;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * An exponential zoom over two fractalshades {@code .postdb} pictures, drawing {@link ZoomView}s
 * exactly as fractalshades' {@code Exp_db} does in reel's clean variant (format notes §4 and
 * "Clean variant").
 *
 * <p><b>Files.</b> The <em>expmap</em> has shape (nh, nt, nch): row k is log-radius
 * h = k·Δh with Δh = hmax0/(nh - 1) and hmax0 = 2π·nh/nt, column m is the angle
 * θ = -π + 2π·m/(nt - 1). The <em>final</em> image is square, (n, n, nch), spanning
 * [-0.5, 0.5] on both axes with row 0 at the top; at h = 0 it fills the frame's width. Both are
 * uint8 with the same number of channels, 3 (RGB) or 4 (RGBA, alpha ignored), and at least two
 * rows and columns.
 *
 * <p><b>Drawing.</b> A frame pixel at (x, y), x across [-0.5, 0.5], y up, at radius ρ, has
 * h_tot = h + ln ρ + ln 2. Inside the disc h_tot &lt; 0 it samples the final image at
 * (x·e^h, y·e^h), elsewhere the expmap at (min(h_tot, hmax0), atan2(y, x)), bilinearly, from a
 * Lanczos-2 decimation pyramid level chosen per frame (final image) or per pixel (expmap), and
 * truncates each channel to 8 bits. A frame depends on its own h only. The valid depths are
 * 0 ≤ h ≤ hmax0 - ln(½·√(1 + r²)) for a frame of aspect ratio r, checked for every frame.
 *
 * <p><b>Memory.</b> Level 0 of both pyramids is the mapped files, never copied. The decimated
 * levels are built in the heap when the source is opened, in parallel (this reads both files
 * once): about a third of the pixels of each file at 3 bytes each, so about a third of an RGB
 * expmap's size (a quarter of an RGBA one). Per frame size the source also keeps 32 bytes per
 * pixel of geometry (66 MB for 1920x1080), computed on the first frame of that size and kept until
 * {@link #close}. Nothing of frame size is allocated per frame.
 *
 * <p><b>Threads.</b> Thread-safe: {@link #draw} and {@link #check} may be called concurrently
 * from any number of threads, and a frame's pixels depend only on its h and size. {@link #close}
 * must not race with them; drawing after it fails.
 */
public final class ExpZoomSource implements FrameSource {
    private static final double LN2 = Math.log(2);
    private static final double TWO_PI = 2 * Math.PI;

    private final String description;
    private final LanczosPyramid expmap;
    private final LanczosPyramid finalImage;
    /** hmax0 = 2π·nh/nt: the depth of the expmap's last row. */
    private final double hmax0;
    /** Δh: the depth step between expmap rows at level 0. */
    private final double dh;
    /** 2^-k, to turn a level-0 coordinate into a level-k one exactly. */
    private final double[] levelScale;
    private final Map<Long, Geometry> geometries = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private ExpZoomSource(String description, LanczosPyramid expmap, LanczosPyramid finalImage) {
        this.description = description;
        this.expmap = expmap;
        this.finalImage = finalImage;
        int nh = expmap.rows(0);
        int nt = expmap.columns(0);
        this.hmax0 = TWO_PI * nh / nt;
        this.dh = hmax0 / (nh - 1);
        this.levelScale = new double[Math.max(expmap.maxLevel(), finalImage.maxLevel()) + 1];
        for (int k = 0; k < levelScale.length; k++) {
            levelScale[k] = Math.scalb(1.0, -k);
        }
    }

    /**
     * Opens the two files read-only, checks them and builds the decimated levels of both pyramids
     * (which reads every byte of both files once).
     *
     * @param expmap the exponential map, a (nh, nt, 3 or 4) uint8 {@code .postdb}
     * @param finalImage the final image, a square (n, n, 3 or 4) uint8 {@code .postdb} with the
     *     expmap's number of channels
     * @return the source; the caller closes it
     * @throws NpyFormatException naming the file, if a file is not a {@code .postdb}, not such a
     *     picture, or the two do not match
     * @throws IOException if a file cannot be read
     */
    public static ExpZoomSource open(Path expmap, Path finalImage) throws IOException {
        return open(expmap, finalImage, NpyArray.CHUNK_BYTES);
    }

    /** {@link #open(Path, Path)} mapping the files in chunks of another size, for tests. */
    static ExpZoomSource open(Path expmap, Path finalImage, long chunkBytes) throws IOException {
        Objects.requireNonNull(expmap, "expmap");
        Objects.requireNonNull(finalImage, "finalImage");
        requirePostdb(expmap);
        requirePostdb(finalImage);
        NpyHeader expHeader = requireGrid(expmap, NpyHeader.read(expmap).requirePicture(expmap.toString()));
        NpyHeader finHeader = requireGrid(finalImage, NpyHeader.read(finalImage).requirePicture(finalImage.toString()));
        List<Long> e = expHeader.shape();
        List<Long> f = finHeader.shape();
        if (!e.get(2).equals(f.get(2))) {
            throw new NpyFormatException(finalImage.toString(), "has " + f.get(2) + " channels but the expmap "
                    + expmap + " has " + e.get(2) + "; both must be RGB or both RGBA");
        }
        if (!f.get(0).equals(f.get(1))) {
            throw new NpyFormatException(finalImage.toString(), "the final image of an exponential zoom must be"
                    + " square, got shape " + finHeader.shapeString());
        }
        // Two rows in one chunk: a bilinear sample reads rows j and j + 1 from one buffer.
        NpyArray expArray = NpyArray.open(expmap, 2 * e.get(1) * e.get(2), chunkBytes);
        NpyArray finArray = NpyArray.open(finalImage, 2 * f.get(1) * f.get(2), chunkBytes);
        return new ExpZoomSource(expmap.getFileName() + " + " + finalImage.getFileName(),
                LanczosPyramid.build(expArray), LanczosPyramid.build(finArray));
    }

    private static void requirePostdb(Path file) throws NpyFormatException {
        Path name = file.getFileName();
        String fileName = name == null ? "" : name.toString();
        if (fileName.endsWith(".postdb")) {
            return;
        }
        String why = fileName.endsWith(".db")
                ? "a .db holds raw float32 fields that only the original Python plotter can colour;"
                        + " use the .postdb fractalshades saves for a colour layer"
                : "an RGB or RGBA uint8 NumPy picture named *.postdb";
        throw new NpyFormatException(file.toString(), "fractalshades' exponential zoom reads only .postdb files; " + why);
    }

    /** At least 2 rows and columns, so every axis has a first and a last node; sizes fit an int. */
    private static NpyHeader requireGrid(Path file, NpyHeader header) throws NpyFormatException {
        long rows = header.shape().get(0);
        long columns = header.shape().get(1);
        if (rows < 2 || columns < 2) {
            throw new NpyFormatException(file.toString(), "an exponential zoom needs at least 2 rows and 2 columns,"
                    + " got shape " + header.shapeString());
        }
        if (rows > Integer.MAX_VALUE || 2 * columns * header.shape().get(2) > Integer.MAX_VALUE - NpyArray.CHUNK_BYTES) {
            throw new NpyFormatException(file.toString(), "picture of shape " + header.shapeString()
                    + " is too large for an exponential zoom (two rows must fit in 1 GiB)");
        }
        return header;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean supports(Class<? extends View> kind) {
        return kind == ZoomView.class;
    }

    /** hmax0 = 2π·nh/nt, the depth of the expmap's last row. */
    public double hmax0() {
        return hmax0;
    }

    /** The largest depth h that can be drawn into a frame of this size: hmax0 - ln(½·√(1 + r²)). */
    public double maxDepth(int width, int height) {
        requireSize(width, height);
        double xy = (double) width / height;
        return hmax0 - Math.log(0.5 * Math.sqrt(1 + xy * xy));
    }

    /**
     * Checks that the view is a {@link ZoomView} whose depth lies in the valid range for a frame
     * of this size, without drawing.
     *
     * @throws InvalidViewException naming this source, the depth and the valid range
     */
    @Override
    public void check(View view, int width, int height) {
        requireDepth(zoomView(view), width, height);
    }

    /**
     * Draws a {@link ZoomView}, writing every pixel of {@code target}. The first frame of a size
     * also computes that size's geometry (about half a second at 1920x1080, on all cores); frames
     * drawn meanwhile by other threads at the same size wait for it.
     *
     * @throws InvalidViewException as {@link #check} does
     */
    @Override
    public void draw(View view, Picture target) {
        double h = requireDepth(zoomView(view), target.width(), target.height());
        if (closed) {
            throw new IllegalStateException(description + " is closed");
        }
        Geometry g = geometries.computeIfAbsent(sizeKey(target.width(), target.height()),
                key -> new Geometry(target.width(), target.height()));
        drawExpmapAndFinal(g, h, target.rgb());
    }

    @Override
    public void close() {
        closed = true;
        geometries.clear();
        expmap.close();
        finalImage.close();
    }

    @Override
    public String toString() {
        return "ExpZoomSource[" + description + "]";
    }

    // ---- checks ----

    private ZoomView zoomView(View view) {
        Objects.requireNonNull(view, "view");
        if (!(view instanceof ZoomView)) {
            throw new InvalidViewException(description + " cannot draw a " + view.getClass().getSimpleName()
                    + ": an exponential zoom draws only ZoomView");
        }
        return (ZoomView) view;
    }

    private double requireDepth(ZoomView view, int width, int height) {
        double h = view.h();
        double limit = maxDepth(width, height);
        if (limit < 0) {
            throw new InvalidViewException(description + ": cannot draw a " + width + "x" + height + " frame: its corners"
                    + " need an expmap reaching h = " + (hmax0 - limit) + ", this one reaches hmax0 = " + hmax0);
        }
        if (!(h >= 0 && h <= limit)) {
            // Rounded down, so the printed limit never admits the rejected h.
            String shown = String.format(Locale.ROOT, "%.6f", Math.floor(limit * 1e6) / 1e6);
            throw new InvalidViewException(description + ": zoom depth h = " + h + " is outside the valid range [0, "
                    + shown + "] for a " + width + "x" + height + " frame");
        }
        return h;
    }

    private static void requireSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
    }

    private static long sizeKey(int width, int height) {
        return (long) width << 32 | height;
    }

    // ---- drawing ----

    /**
     * Draws a frame: the final image row by row over the part of each row inside the disc
     * h_tot &lt; 0, then the expmap over the rest, one level at a time in the geometry's order (by
     * thin bands of radius, then by angle) so that consecutive pixels read neighbouring bytes of
     * the expmap. The loops are small methods of their own so that each is compiled for what it
     * does.
     */
    private void drawExpmapAndFinal(Geometry g, double h, byte[] out) {
        drawFinal(g, h, out);
        double invDh = 1 / dh;
        for (int level = 0; level <= expmap.maxLevel(); level++) {
            int start = g.levelStart[level];
            int end = g.levelStart[level + 1];
            if (start == end) {
                continue;
            }
            double toRow = invDh * levelScale[level];
            if (level == 0) {
                expmapBase(g, start, end, h, toRow, out);
            } else {
                expmapLevel(g, level, start, end, h, toRow, out);
            }
        }
    }

    /** The expmap pixels k = start until end, at level 0 (the mapped file). */
    private void expmapBase(Geometry g, int start, int end, double h, double toRow, byte[] out) {
        int[] rgbOffset = g.rgbOffset;
        double[] hOffset = g.orderedHOffset;
        int[] column = g.column;
        double[] fu = g.fu;
        double hmax = hmax0;
        int last = expmap.rows(0) - 1;
        ByteBuffer[] rowBuffer = expmap.baseRowBuffers();
        int[] rowOffset = expmap.baseRowOffsets();
        int channels = expmap.baseChannels();
        int rowBytes = expmap.columns(0) * channels;
        for (int k = start; k < end; k++) {
            double hTot = h + hOffset[k];
            if (hTot < 0) {
                continue;
            }
            // Above the map, h_tot is clamped to hmax0: the last row repeats.
            double v = (hTot < hmax ? hTot : hmax) * toRow;
            int j0;
            double fv;
            if (v >= last) {
                j0 = last - 1;
                fv = 1;
            } else {
                j0 = (int) v;
                fv = v - j0;
            }
            ByteBuffer b = rowBuffer[j0];
            int k0 = rowOffset[j0] + column[k] * channels;
            LanczosPyramid.blend(LanczosPyramid.basePair(b, k0, channels),
                    LanczosPyramid.basePair(b, k0 + rowBytes, channels), fu[k], fv, out, rgbOffset[k]);
        }
    }

    /** The expmap pixels k = start until end, at a decimated level. */
    private void expmapLevel(Geometry g, int level, int start, int end, double h, double toRow, byte[] out) {
        int[] rgbOffset = g.rgbOffset;
        double[] hOffset = g.orderedHOffset;
        int[] column = g.column;
        double[] fu = g.fu;
        double hmax = hmax0;
        int last = expmap.rows(level) - 1;
        byte[][] rows = expmap.level(level);
        for (int k = start; k < end; k++) {
            double hTot = h + hOffset[k];
            if (hTot < 0) {
                continue;
            }
            double v = (hTot < hmax ? hTot : hmax) * toRow;
            int j0;
            double fv;
            if (v >= last) {
                j0 = last - 1;
                fv = 1;
            } else {
                j0 = (int) v;
                fv = v - j0;
            }
            int c = column[k] * LanczosPyramid.RGB;
            LanczosPyramid.blend(LanczosPyramid.heapPair(rows[j0], c), LanczosPyramid.heapPair(rows[j0 + 1], c),
                    fu[k], fv, out, rgbOffset[k]);
        }
    }

    /**
     * The pixels inside the disc h_tot &lt; 0, from the final image at level
     * clamp(trunc(h/ln 2 + 0.7), 0, max) and coordinates (x·e^h, y·e^h). Along a row h_tot
     * falls and then rises with x (it depends on |x| only), so the disc is one run of pixels per
     * row, found by bisection with the same test the expmap loops use to skip it.
     */
    private void drawFinal(Geometry g, double h, byte[] out) {
        int width = g.width;
        double[] hOffset = g.hOffset;
        double eh = Math.exp(h);
        int level = Math.min((int) (h / LN2 + 0.7), finalImage.maxLevel());
        double toLevel = (finalImage.rows(0) - 1) * levelScale[level];
        // The final image is square: its levels have as many rows as columns.
        int last = finalImage.rows(level) - 1;
        int centre = g.centreColumn;
        for (int j = 0; j < g.height; j++) {
            int rowStart = j * width;
            if (!(h + hOffset[rowStart + centre] < 0)) {
                continue;
            }
            // First pixel inside on the left, first pixel outside on the right.
            int lo = 0;
            int hi = centre;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (h + hOffset[rowStart + mid] < 0) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            int from = lo;
            lo = centre + 1;
            hi = width;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (h + hOffset[rowStart + mid] < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            double v = clampToLevel((0.5 - g.y[j] * eh) * toLevel, last);
            int j0;
            double fv;
            if (v >= last) {
                j0 = last - 1;
                fv = 1;
            } else {
                j0 = (int) v;
                fv = v - j0;
            }
            if (level == 0) {
                finalRowBase(g.x, from, lo, eh, toLevel, j0, fv, out, 3 * (rowStart + from));
            } else {
                finalRowLevel(g.x, from, lo, eh, toLevel, level, j0, fv, out, 3 * (rowStart + from));
            }
        }
    }

    /** Frame pixels i = from until to of one row from level 0 of the final image, rows j0 and j0 + 1. */
    private void finalRowBase(double[] x, int from, int to, double eh, double toLevel, int j0, double fv, byte[] out,
            int o) {
        int last = finalImage.rows(0) - 1;
        int channels = finalImage.baseChannels();
        ByteBuffer b = finalImage.baseRowBuffers()[j0];
        int top = finalImage.baseRowOffsets()[j0];
        int bottom = top + finalImage.columns(0) * channels;
        for (int i = from; i < to; i++, o += 3) {
            double u = clampToLevel((x[i] * eh + 0.5) * toLevel, last);
            int i0;
            double fu;
            if (u >= last) {
                i0 = last - 1;
                fu = 1;
            } else {
                i0 = (int) u;
                fu = u - i0;
            }
            int k = i0 * channels;
            LanczosPyramid.blend(LanczosPyramid.basePair(b, top + k, channels),
                    LanczosPyramid.basePair(b, bottom + k, channels), fu, fv, out, o);
        }
    }

    /** {@link #finalRowBase} from a decimated level of the final image. */
    private void finalRowLevel(double[] x, int from, int to, double eh, double toLevel, int level, int j0, double fv,
            byte[] out, int o) {
        int last = finalImage.rows(level) - 1;
        byte[] top = finalImage.level(level)[j0];
        byte[] bottom = finalImage.level(level)[j0 + 1];
        for (int i = from; i < to; i++, o += 3) {
            double u = clampToLevel((x[i] * eh + 0.5) * toLevel, last);
            int i0;
            double fu;
            if (u >= last) {
                i0 = last - 1;
                fu = 1;
            } else {
                i0 = (int) u;
                fu = u - i0;
            }
            int k = i0 * LanczosPyramid.RGB;
            LanczosPyramid.blend(LanczosPyramid.heapPair(top, k), LanczosPyramid.heapPair(bottom, k), fu, fv, out, o);
        }
    }

    private static double clampToLevel(double coordinate, int last) {
        return coordinate > 0 ? coordinate < last ? coordinate : last : 0;
    }

    /**
     * Everything about a frame size that does not depend on h (format notes §4.3), in double.
     * Per pixel, in row-major order: h_tot - h = ln ρ + ln 2 with ρ = max(√(x² + y²), 0.1/W).
     * In drawing order: the pixel, and the column and fraction of θ = atan2(y, x) on its expmap
     * level clamp(trunc(-log2 ρ - 1), 0, max).
     */
    private final class Geometry {
        /**
         * Rows of the expmap a band of pixels spans at its level (plus one for the bilinear):
         * 1 to 2 measured best, with angles in steps of 16 columns (a 64-byte line of RGBA).
         */
        private static final int BAND_ROWS = 1;

        final int width;
        final int height;
        final double[] x;
        final double[] y;
        /** The column with the smallest |x|: h_tot falls along a row up to it and rises after. */
        final int centreColumn;
        /** h_tot - h, row-major. */
        final double[] hOffset;
        /** Where in the picture's RGB bytes the k-th pixel drawn from the expmap goes (3 × its index). */
        final int[] rgbOffset;
        /** h_tot - h of the k-th pixel drawn from the expmap. */
        final double[] orderedHOffset;
        final int[] column;
        final double[] fu;
        /** The pixels of expmap level L are drawn k = levelStart[L] until levelStart[L + 1]. */
        final int[] levelStart;

        Geometry(int width, int height) {
            this.width = width;
            this.height = height;
            double xy = (double) width / height;
            this.x = linspace(-0.5, 0.5, width);
            double[] up = linspace(-0.5 / xy, 0.5 / xy, height);
            this.y = new double[height];
            for (int j = 0; j < height; j++) {
                y[j] = up[height - 1 - j];
            }
            int centre = 0;
            for (int i = 1; i < width; i++) {
                if (Math.abs(x[i]) < Math.abs(x[centre])) {
                    centre = i;
                }
            }
            this.centreColumn = centre;
            int pixels = Math.multiplyExact(width, height);
            this.hOffset = new double[pixels];
            int[] columnOf = new int[pixels];
            double[] fuOf = new double[pixels];
            long[] order = new long[pixels];
            double minRho2 = (0.1 / width) * (0.1 / width);
            int nt = expmap.columns(0);
            int maxLevel = expmap.maxLevel();
            IntStream.range(0, height).parallel().forEach(j -> {
                for (int i = 0, p = j * width; i < width; i++, p++) {
                    double rho2 = Math.max(x[i] * x[i] + y[j] * y[j], minRho2);
                    double hPix = 0.5 * Math.log(rho2);
                    hOffset[p] = hPix + LN2;
                    int level = (int) Math.min(Math.max(-hPix / LN2 - 1, 0), maxLevel);
                    double theta = Math.atan2(y[j], x[i]);
                    double u = (theta + Math.PI) / TWO_PI * (nt - 1) * levelScale[level];
                    int last = expmap.columns(level) - 1;
                    u = u <= 0 ? 0 : Math.min(u, last);
                    if (u >= last) {
                        columnOf[p] = last - 1;
                        fuOf[p] = 1;
                    } else {
                        columnOf[p] = (int) u;
                        fuOf[p] = u - (int) u;
                    }
                    order[p] = orderKey(level, hOffset[p] / (BAND_ROWS * dh) * levelScale[level], columnOf[p], p);
                }
            });
            Arrays.parallelSort(order);
            this.rgbOffset = new int[pixels];
            this.orderedHOffset = new double[pixels];
            this.column = new int[pixels];
            this.fu = new double[pixels];
            this.levelStart = new int[maxLevel + 2];
            Arrays.fill(levelStart, pixels);
            for (int k = pixels - 1; k >= 0; k--) {
                int p = (int) (order[k] & Integer.MAX_VALUE);
                rgbOffset[k] = 3 * p;
                orderedHOffset[k] = hOffset[p];
                column[k] = columnOf[p];
                fu[k] = fuOf[p];
                levelStart[(int) (order[k] >>> LEVEL_SHIFT)] = k;
            }
            for (int level = maxLevel; level >= 0; level--) {
                levelStart[level] = Math.min(levelStart[level], levelStart[level + 1]);
            }
        }
    }

    private static final int LEVEL_SHIFT = 58;

    /**
     * The drawing order of a pixel: level (5 bits), band of radius (13 bits), angle in 16-column
     * steps (14 bits), then the pixel's index (31 bits). Out-of-range bands and columns are
     * clamped: they cost locality, never correctness. The level must come first, exactly.
     */
    private static long orderKey(int level, double band, int column, int p) {
        long b = (long) Math.min(Math.max(Math.floor(band) + (1 << 12), 0), (1 << 13) - 1);
        long c = Math.min(column >> 4, (1 << 14) - 1);
        return (long) level << LEVEL_SHIFT | b << 45 | c << 31 | p;
    }

    /** numpy.linspace: start + i·step, the last value exactly stop; {start} for one point. */
    static double[] linspace(double start, double stop, int count) {
        double[] values = new double[count];
        if (count == 1) {
            values[0] = start;
            return values;
        }
        double step = (stop - start) / (count - 1);
        for (int i = 0; i < count; i++) {
            values[i] = i * step + start;
        }
        values[count - 1] = stop;
        return values;
    }
}
