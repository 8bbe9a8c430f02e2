package dev.reel.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.InvalidViewException;
import dev.reel.api.PanView;
import dev.reel.api.Picture;
import dev.reel.api.ZoomView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpZoomSourceTest {
    // Expmap (nh, nt) = (48, 40): hmax0 = 2π·48/40 ≈ 7.54, 6 decimated levels (bit_length(38)).
    private static final int NH = 48;
    private static final int NT = 40;
    // Final image 33 x 33: 5 decimated levels (bit_length(31)).
    private static final int N = 33;
    private static final int CHANNELS = 4;

    @TempDir
    Path dir;

    private Path expmapFile;
    private Path finalFile;
    private int[][][] expmapPixels;
    private int[][][] finalPixels;
    private ExpZoomSource source;

    @BeforeEach
    void writeRandomFiles() throws IOException {
        Random random = new Random(20250511);
        expmapPixels = randomPicture(random, NH, NT, CHANNELS);
        finalPixels = randomPicture(random, N, N, CHANNELS);
        expmapFile = write("zoom_expmap.postdb", expmapPixels);
        finalFile = write("zoom_final.postdb", finalPixels);
        source = ExpZoomSource.open(expmapFile, finalFile);
    }

    @AfterEach
    void close() {
        source.close();
    }

    // ---- the drawn frames against an independent implementation of the formulas ----

    @Test
    void framesMatchTheFormulasAtEveryDepth() {
        NaiveExpZoom naive = new NaiveExpZoom(expmapPixels, finalPixels);
        assertEquals(2 * Math.PI * NH / NT, source.hmax0(), 1e-15);
        assertFramesMatch(source, naive);
        // The comparison covered every branch and level that matters.
        assertEquals(List.of(0, 1, 2, 3, 4, 5), naive.finalLevelsSeen());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), naive.expmapLevelsSeen());
        assertTrue(naive.clampedSeen > 0, "some pixels lie above hmax0");
        assertTrue(naive.justInsideSeen > 0 && naive.justOutsideSeen > 0, "pixels on both sides of h_tot = 0");
    }

    @Test
    void rgbFilesMappedInManySmallChunksDrawTheSame() throws IOException {
        Random random = new Random(7);
        int[][][] expmap = randomPicture(random, NH, NT, 3);
        int[][][] fin = randomPicture(random, N, N, 3);
        Path e = write("rgb_expmap.postdb", expmap);
        Path f = write("rgb_final.postdb", fin);
        // 2 rows of the expmap are 240 bytes: chunks of 256 bytes put row pairs across every boundary,
        // and the last RGB pixel pair of each chunk cannot be read 8 bytes at a time.
        try (ExpZoomSource chunked = ExpZoomSource.open(e, f, 256)) {
            assertFramesMatch(chunked, new NaiveExpZoom(expmap, fin));
        }
    }

    /**
     * Whole frames of two sizes at depths from 0 to the limit, every pixel against the naive
     * formulas: at most 1 apart per channel, and exactly equal in all but a few.
     */
    private static void assertFramesMatch(ExpZoomSource source, NaiveExpZoom naive) {
        int differences = 0;
        int compared = 0;
        // Odd sizes put a pixel on the centre (rho = 0.1/W); 80x45 is 16:9 with no centre pixel;
        // single rows and columns have one coordinate, the linspace start.
        int[][] sizes = {{81, 61}, {80, 45}, {1, 1}, {9, 1}, {1, 6}};
        for (int[] size : sizes) {
            int w = size[0];
            int hgt = size[1];
            double limit = naive.limit(w, hgt);
            // 0; small (final level 0); final levels 1 to 5 (the highest); deep; just below the limit.
            double[] depths = {0, 0.1, 0.5, 1.5, 2, 2.5, 3.2, 5, limit - 0.2, limit - 1e-9};
            for (double h : depths) {
                Picture picture = new Picture(w, hgt);
                picture.fill(0x123456);
                source.draw(new ZoomView(h), picture);
                for (int j = 0; j < hgt; j++) {
                    for (int i = 0; i < w; i++) {
                        int[] expected = naive.pixel(h, i, j, w, hgt);
                        int actual = picture.get(i, j);
                        for (int c = 0; c < 3; c++) {
                            int got = actual >> (16 - 8 * c) & 0xff;
                            int diff = Math.abs(got - expected[c]);
                            if (diff > 1) {
                                throw new AssertionError("h = " + h + ", " + w + "x" + hgt + " pixel (" + i + ", " + j
                                        + ") channel " + c + ": expected " + expected[c] + ", got " + got + " ("
                                        + naive.explain(h, i, j, w, hgt) + ")");
                            }
                            differences += diff;
                            compared++;
                        }
                    }
                }
            }
        }
        // Only the last bits of the arithmetic may differ (1/dh as a product, the separable filter).
        assertTrue(differences <= compared / 1000, differences + " of " + compared + " channels differ by 1");
    }

    @Test
    void centreAndCornersOfFramesByHand() {
        NaiveExpZoom naive = new NaiveExpZoom(expmapPixels, finalPixels);
        Picture picture = new Picture(81, 61);
        // h = 0: the centre is the final image's centre node (16, 16), exactly, at level 0.
        source.draw(new ZoomView(0), picture);
        assertEquals(rgb(finalPixels[16][16]), picture.get(40, 30));
        // The top-left corner lies outside the disc: expmap level 0, x = -0.5, y = +0.5·61/81.
        assertEquals(rgb(naive.pixel(0, 0, 0, 81, 61)), picture.get(0, 0));
        double y = 0.5 * 61 / 81;
        double hTot = 0.5 * Math.log(0.25 + y * y) + Math.log(2);
        assertTrue(hTot > 0);

        // Deep: the centre pixel has rho = 0.1/81, so it samples the expmap's top level (2 x 2),
        // which the naive pyramid gives; the top-left corner is above hmax0 and repeats the last row.
        double h = naive.limit(81, 61) - 1e-9;
        source.draw(new ZoomView(h), picture);
        assertEquals(rgb(naive.pixel(h, 40, 30, 81, 61)), picture.get(40, 30));
        int[][][] top = naive.expmapLevels.get(6);
        assertEquals(2, top.length);
        assertEquals(2, top[0].length);
        double centreY = NaiveExpZoom.linspace(-0.5 * 61 / 81, 0.5 * 61 / 81, 61)[30];
        double centreTheta = Math.atan2(centreY, 0);
        assertEquals(rgb(naive.expected(top, (h + Math.log(2 * 0.1 / 81)) / naive.dh / 64,
                (centreTheta + Math.PI) / (2 * Math.PI) * (NT - 1) / 64)), picture.get(40, 30));
        // Top-left corner: theta = atan2(y, -0.5), the last expmap row at level 0.
        double theta = Math.atan2(y, -0.5);
        double column = (theta + Math.PI) / (2 * Math.PI) * (NT - 1);
        assertEquals(rgb(naive.expected(naive.expmapLevels.get(0), NH - 1, column)), picture.get(0, 0));
    }

    // ---- the pyramids ----

    @Test
    void levelCountsAndSizesFollowTheColumnCount() {
        assertEquals(12, LanczosPyramid.levelCount(2160));
        assertEquals(11, LanczosPyramid.levelCount(1440));
        assertEquals(13, LanczosPyramid.levelCount(5760));
        assertEquals(0, LanczosPyramid.levelCount(2));
        assertEquals(1, LanczosPyramid.levelCount(3));
        assertArrayEquals(new int[] {2160, 1081, 541, 271, 136, 69, 35, 18, 10, 6, 4, 3, 2},
                LanczosPyramid.sizes(2160, 12));
        assertArrayEquals(new int[] {16118, 8060, 4031, 2016, 1009, 505, 253, 127, 64, 33, 17, 9, 5},
                LanczosPyramid.sizes(16118, 12));
        assertArrayEquals(new int[] {1440, 721, 361, 181, 91, 46, 24, 13, 7, 4, 3, 2}, LanczosPyramid.sizes(1440, 11));

        // The files of this test: rows and columns shrink independently, columns set the count.
        LanczosPyramid expmap = LanczosPyramid.build(open(expmapFile));
        assertEquals(6, expmap.maxLevel());
        int[] rows = {48, 25, 13, 7, 4, 3, 2};
        int[] columns = {40, 21, 11, 6, 4, 3, 2};
        for (int k = 0; k <= 6; k++) {
            assertEquals(rows[k], expmap.rows(k));
            assertEquals(columns[k], expmap.columns(k));
            if (k > 0) {
                assertEquals(rows[k], expmap.level(k).length);
                assertEquals(3 * columns[k] + LanczosPyramid.ROW_PADDING, expmap.level(k)[0].length);
            }
        }
        assertEquals(5, LanczosPyramid.build(open(finalFile)).maxLevel());
    }

    @Test
    void weightsAreTheNormalisedLanczos2KernelAtHalfSteps() {
        double[] w = LanczosPyramid.WEIGHTS;
        assertEquals(0.495307, w[3], 1e-6);
        assertEquals(0.283890, w[2], 1e-6);
        assertEquals(0.283890, w[4], 1e-6);
        assertEquals(0, w[1]);
        assertEquals(0, w[5]);
        assertEquals(-0.031543, w[0], 1e-6);
        assertEquals(-0.031543, w[6], 1e-6);
        assertEquals(1, w[0] + w[1] + w[2] + w[3] + w[4] + w[5] + w[6], 1e-15);
    }

    @Test
    void decimatedLevelsMatchTheDirect7x7Sum() {
        NaiveExpZoom naive = new NaiveExpZoom(expmapPixels, finalPixels);
        LanczosPyramid expmap = LanczosPyramid.build(open(expmapFile));
        LanczosPyramid fin = LanczosPyramid.build(open(finalFile));
        int differences = assertLevelsMatch(naive.expmapLevels, expmap) + assertLevelsMatch(naive.finalLevels, fin);
        assertEquals(0, differences, "the separable and the direct sums round the same way here");
    }

    private static int assertLevelsMatch(List<int[][][]> expected, LanczosPyramid pyramid) {
        assertEquals(expected.size() - 1, pyramid.maxLevel());
        int differences = 0;
        for (int k = 0; k < expected.size(); k++) {
            int[][][] level = expected.get(k);
            assertEquals(level.length, pyramid.rows(k));
            assertEquals(level[0].length, pyramid.columns(k));
            for (int r = 0; r < level.length; r++) {
                for (int q = 0; q < level[0].length; q++) {
                    for (int c = 0; c < 3; c++) {
                        int diff = Math.abs(level[r][q][c] - pyramid.sample(k, r, q, c));
                        assertTrue(diff <= 1, "level " + k + " (" + r + ", " + q + ") channel " + c);
                        differences += diff;
                    }
                }
            }
        }
        return differences;
    }

    @Test
    void aConstantPictureStaysConstantAtEveryLevel() throws IOException {
        int[][][] pixels = new int[37][29][4];
        for (int[][] row : pixels) {
            for (int[] pixel : row) {
                pixel[0] = 17;
                pixel[1] = 200;
                pixel[2] = 255;
                pixel[3] = 0;
            }
        }
        LanczosPyramid pyramid = LanczosPyramid.build(open(write("constant.postdb", pixels)));
        assertEquals(5, pyramid.maxLevel());
        for (int k = 1; k <= pyramid.maxLevel(); k++) {
            for (byte[] row : pyramid.level(k)) {
                assertEquals(3 * pyramid.columns(k) + LanczosPyramid.ROW_PADDING, row.length);
                for (int q = 0; q < 3 * pyramid.columns(k); q += 3) {
                    assertEquals(17, row[q] & 0xff);
                    assertEquals(200, row[q + 1] & 0xff);
                    assertEquals(255, row[q + 2] & 0xff);
                }
            }
        }
    }

    @Test
    void oneLevelByHand() throws IOException {
        // Every row and channel is 100 100 100 200 100 100, so the vertical pass changes nothing
        // (the weights sum to 1) and level 1 is the 1-D filter centred on columns 0, 2, 4, 6:
        // column 0 sees the 200 at +3 (weight -0.031543): 100 - 3.1543 = 96.85 -> 97;
        // columns 2 and 4 see it at +1 and -1 (weight 0.283890): 128.39 -> 128;
        // column 6 (past the edge, replicated) sees it at -3: 97.
        int[] line = {100, 100, 100, 200, 100, 100};
        int[][][] pixels = new int[3][6][3];
        for (int r = 0; r < 3; r++) {
            for (int q = 0; q < 6; q++) {
                pixels[r][q][0] = line[q];
                pixels[r][q][1] = line[q];
                pixels[r][q][2] = line[q];
            }
        }
        LanczosPyramid pyramid = LanczosPyramid.build(open(write("line.postdb", pixels)));
        assertEquals(2, pyramid.rows(1));
        assertEquals(4, pyramid.columns(1));
        byte[] expected = {97, 97, 97, (byte) 128, (byte) 128, (byte) 128, (byte) 128, (byte) 128, (byte) 128, 97, 97, 97};
        assertArrayEquals(expected, Arrays.copyOf(pyramid.level(1)[0], 12));
        assertArrayEquals(expected, Arrays.copyOf(pyramid.level(1)[1], 12));
    }

    // ---- errors ----

    @Test
    void aDbFileIsRejectedWithTheReason() throws IOException {
        Path db = write("zoom_expmap.db", expmapPixels);
        IOException e = assertThrows(IOException.class, () -> ExpZoomSource.open(db, finalFile));
        assertEquals(db + ": fractalshades' exponential zoom reads only .postdb files; a .db holds raw float32"
                + " fields that only the original Python plotter can colour; use the .postdb fractalshades saves"
                + " for a colour layer", e.getMessage());
        Path npy = write("zoom_final.npy", finalPixels);
        e = assertThrows(IOException.class, () -> ExpZoomSource.open(expmapFile, npy));
        assertEquals(npy + ": fractalshades' exponential zoom reads only .postdb files; an RGB or RGBA uint8 NumPy"
                + " picture named *.postdb", e.getMessage());
    }

    @Test
    void picturesMustMatch() throws IOException {
        Path rgb = write("rgb_final.postdb", randomPicture(new Random(1), N, N, 3));
        IOException e = assertThrows(IOException.class, () -> ExpZoomSource.open(expmapFile, rgb));
        assertEquals(rgb + ": has 3 channels but the expmap " + expmapFile + " has 4; both must be RGB or both RGBA",
                e.getMessage());

        Path wide = write("wide_final.postdb", randomPicture(new Random(2), 20, 30, 4));
        e = assertThrows(IOException.class, () -> ExpZoomSource.open(expmapFile, wide));
        assertEquals(wide + ": the final image of an exponential zoom must be square, got shape (20, 30, 4)",
                e.getMessage());

        Path line = write("line_expmap.postdb", randomPicture(new Random(3), 1, 30, 4));
        e = assertThrows(IOException.class, () -> ExpZoomSource.open(line, finalFile));
        assertEquals(line + ": an exponential zoom needs at least 2 rows and 2 columns, got shape (1, 30, 4)",
                e.getMessage());

        Path grey = dir.resolve("grey_final.postdb");
        NpyWriter.write(grey, NpyWriter.header(1, "|u1", false, N, N), new byte[N * N]);
        e = assertThrows(IOException.class, () -> ExpZoomSource.open(expmapFile, grey));
        assertEquals(grey + ": expected a (rows, columns, 3 or 4) uint8 picture, got shape (33, 33) |u1", e.getMessage());
    }

    @Test
    void depthsOutsideTheValidRangeAreRejectedForEveryFrame() {
        double limit = 2 * Math.PI * NH / NT - Math.log(0.5 * Math.sqrt(1 + (81.0 / 61) * (81.0 / 61)));
        assertEquals(limit, source.maxDepth(81, 61), 1e-15);
        assertEquals(7.725, limit, 5e-4);
        Picture picture = new Picture(81, 61);
        InvalidViewException e = assertThrows(InvalidViewException.class,
                () -> source.draw(new ZoomView(-0.25), picture));
        assertEquals("zoom_expmap.postdb + zoom_final.postdb: zoom depth h = -0.25 is outside the valid range"
                + " [0, " + String.format(Locale.ROOT, "%.6f", Math.floor(limit * 1e6) / 1e6)
                + "] for a 81x61 frame", e.getMessage());
        e = assertThrows(InvalidViewException.class, () -> source.check(new ZoomView(8), 81, 61));
        assertEquals("zoom_expmap.postdb + zoom_final.postdb: zoom depth h = 8.0 is outside the valid range"
                + " [0, 7.724768] for a 81x61 frame", e.getMessage());
        double justAbove = Math.nextUp(limit);
        assertThrows(InvalidViewException.class, () -> source.check(new ZoomView(justAbove), 81, 61));
        source.check(new ZoomView(limit), 81, 61);
        source.check(new ZoomView(0), 81, 61);
        // A wider frame reaches further out at its corners, so its limit is lower.
        assertThrows(InvalidViewException.class, () -> source.check(new ZoomView(limit), 160, 61));
        // So wide that even h = 0 would read past the expmap's last row at the corners.
        double needed = Math.log(0.5 * Math.sqrt(1 + 4000.0 * 4000.0));
        assertEquals("zoom_expmap.postdb + zoom_final.postdb: cannot draw a 4000x1 frame: its corners need an expmap"
                + " reaching h = " + (source.hmax0() - (source.hmax0() - needed)) + ", this one reaches hmax0 = "
                + source.hmax0(), assertThrows(InvalidViewException.class,
                        () -> source.check(new ZoomView(0), 4000, 1)).getMessage());
    }

    @Test
    void onlyZoomViewsAreDrawn() {
        assertTrue(source.supports(ZoomView.class));
        assertFalse(source.supports(PanView.class));
        assertEquals("zoom_expmap.postdb + zoom_final.postdb", source.description());
        String message = "zoom_expmap.postdb + zoom_final.postdb cannot draw a PanView: an exponential zoom draws"
                + " only ZoomView";
        assertEquals(message, assertThrows(InvalidViewException.class,
                () -> source.check(new PanView(0, 0, 1), 81, 61)).getMessage());
        assertEquals(message, assertThrows(InvalidViewException.class,
                () -> source.draw(new PanView(0, 0, 1), new Picture(81, 61))).getMessage());
    }

    // ---- threads ----

    @Test
    void concurrentDrawsGiveTheSequentialPictures() throws Exception {
        double[] depths = {0, 0.3, 1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.0, 7.4};
        int[][] sizes = {{81, 61}, {64, 36}, {33, 33}};
        List<Picture> sequential = new ArrayList<>();
        try (ExpZoomSource fresh = ExpZoomSource.open(expmapFile, finalFile)) {
            for (int[] size : sizes) {
                for (double h : depths) {
                    Picture p = new Picture(size[0], size[1]);
                    fresh.draw(new ZoomView(Math.min(h, fresh.maxDepth(size[0], size[1]))), p);
                    sequential.add(p);
                }
            }
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<List<Picture>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    // All threads meet the geometry of each size at once, in different orders of depth.
                    start.await();
                    List<Picture> mine = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        for (int[] size : sizes) {
                            for (int d = 0; d < depths.length; d++) {
                                double h = depths[(d + offset) % depths.length];
                                Picture p = new Picture(size[0], size[1]);
                                p.fill(0xffffff);
                                source.draw(new ZoomView(Math.min(h, source.maxDepth(size[0], size[1]))), p);
                                mine.add(p);
                            }
                        }
                    }
                    return mine;
                }));
            }
            for (int t = 0; t < threads; t++) {
                List<Picture> mine = results.get(t).get(30, TimeUnit.SECONDS);
                for (int k = 0; k < mine.size(); k++) {
                    int s = (k / depths.length) % sizes.length;
                    int d = ((k % depths.length) + t) % depths.length;
                    Picture expected = sequential.get(s * depths.length + d);
                    assertTrue(expected.samePixels(mine.get(k)), "thread " + t + " picture " + k);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers ----

    private static int rgb(int[] pixel) {
        return pixel[0] << 16 | pixel[1] << 8 | pixel[2];
    }

    private static int[][][] randomPicture(Random random, int rows, int columns, int channels) {
        int[][][] pixels = new int[rows][columns][channels];
        for (int[][] row : pixels) {
            for (int[] pixel : row) {
                for (int c = 0; c < channels; c++) {
                    pixel[c] = random.nextInt(256);
                }
            }
        }
        return pixels;
    }

    private Path write(String name, int[][][] pixels) throws IOException {
        int rows = pixels.length;
        int columns = pixels[0].length;
        int channels = pixels[0][0].length;
        byte[] data = new byte[rows * columns * channels];
        int k = 0;
        for (int[][] row : pixels) {
            for (int[] pixel : row) {
                for (int value : pixel) {
                    data[k++] = (byte) value;
                }
            }
        }
        return NpyWriter.write(dir.resolve(name), NpyWriter.header(1, "|u1", false, rows, columns, channels), data);
    }

    private static NpyArray open(Path file) {
        try {
            NpyHeader header = NpyHeader.read(file);
            return NpyArray.open(file, 2 * header.shape().get(1) * header.shape().get(2));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The same formulas written the slow, obvious way: pyramids from the direct 2-D 7x7 sum over
     * plain int arrays, every coordinate recomputed per pixel. Records which branches it took.
     */
    static final class NaiveExpZoom {
        final List<int[][][]> expmapLevels;
        final List<int[][][]> finalLevels;
        final int nh;
        final int nt;
        final int n;
        final double hmax0;
        final double dh;
        private final Set<Integer> finalLevelsSeen = new TreeSet<>();
        private final Set<Integer> expmapLevelsSeen = new TreeSet<>();
        int clampedSeen;
        int justInsideSeen;
        int justOutsideSeen;

        NaiveExpZoom(int[][][] expmap, int[][][] fin) {
            this.nh = expmap.length;
            this.nt = expmap[0].length;
            this.n = fin.length;
            this.hmax0 = 2 * Math.PI * nh / nt;
            this.dh = hmax0 / (nh - 1);
            this.expmapLevels = pyramid(expmap);
            this.finalLevels = pyramid(fin);
        }

        double limit(int w, int hgt) {
            double xy = (double) w / hgt;
            return hmax0 - Math.log(0.5 * Math.sqrt(1 + xy * xy));
        }

        List<Integer> finalLevelsSeen() {
            return new ArrayList<>(finalLevelsSeen);
        }

        List<Integer> expmapLevelsSeen() {
            return new ArrayList<>(expmapLevelsSeen);
        }

        int[] pixel(double h, int i, int j, int w, int hgt) {
            double xy = (double) w / hgt;
            double x = linspace(-0.5, 0.5, w)[i];
            double y = linspace(-0.5 / xy, 0.5 / xy, hgt)[hgt - 1 - j];
            double rho = Math.sqrt(Math.max(x * x + y * y, (0.1 / w) * (0.1 / w)));
            double hTot = h + Math.log(rho) + Math.log(2);
            if (hTot < 0) {
                if (hTot > -0.05) {
                    justInsideSeen++;
                }
                int level = Math.min((int) (h / Math.log(2) + 0.7), finalLevels.size() - 1);
                finalLevelsSeen.add(level);
                double eh = Math.exp(h);
                double u = (x * eh + 0.5) * (n - 1) / Math.pow(2, level);
                double v = (0.5 - y * eh) * (n - 1) / Math.pow(2, level);
                return expected(finalLevels.get(level), v, u);
            }
            if (hTot < 0.05) {
                justOutsideSeen++;
            }
            int level = Math.max(0, Math.min((int) (-Math.log(rho) / Math.log(2) - 1), expmapLevels.size() - 1));
            expmapLevelsSeen.add(level);
            if (hTot > hmax0) {
                clampedSeen++;
            }
            double v = Math.min(hTot, hmax0) / dh / Math.pow(2, level);
            double u = (Math.atan2(y, x) + Math.PI) / (2 * Math.PI) * (nt - 1) / Math.pow(2, level);
            return expected(expmapLevels.get(level), v, u);
        }

        String explain(double h, int i, int j, int w, int hgt) {
            double xy = (double) w / hgt;
            double x = linspace(-0.5, 0.5, w)[i];
            double y = linspace(-0.5 / xy, 0.5 / xy, hgt)[hgt - 1 - j];
            double rho = Math.sqrt(Math.max(x * x + y * y, (0.1 / w) * (0.1 / w)));
            return "x = " + x + ", y = " + y + ", rho = " + rho + ", h_tot = " + (h + Math.log(rho) + Math.log(2));
        }

        /** Bilinear at fractional (row v, column u), clamped, last-node rule, truncated through float. */
        int[] expected(int[][][] level, double v, double u) {
            int rows = level.length;
            int columns = level[0].length;
            v = Math.max(0, Math.min(v, rows - 1));
            u = Math.max(0, Math.min(u, columns - 1));
            int j0 = (int) Math.floor(v);
            double fv = v - j0;
            if (j0 >= rows - 1) {
                j0 = rows - 2;
                fv = 1;
            }
            int i0 = (int) Math.floor(u);
            double fu = u - i0;
            if (i0 >= columns - 1) {
                i0 = columns - 2;
                fu = 1;
            }
            int[] out = new int[3];
            for (int c = 0; c < 3; c++) {
                double value = (1 - fu) * (1 - fv) * level[j0][i0][c] + fu * (1 - fv) * level[j0][i0 + 1][c]
                        + (1 - fu) * fv * level[j0 + 1][i0][c] + fu * fv * level[j0 + 1][i0 + 1][c];
                out[c] = (int) (float) value;
            }
            return out;
        }

        static double[] linspace(double start, double stop, int count) {
            double[] values = new double[count];
            double step = count > 1 ? (stop - start) / (count - 1) : 0;
            for (int i = 0; i < count; i++) {
                values[i] = start + i * step;
            }
            values[count - 1] = count > 1 ? stop : start;
            return values;
        }

        static List<int[][][]> pyramid(int[][][] base) {
            int levels = Integer.toBinaryString(base[0].length - 2).length();
            double[] w = new double[7];
            double sum = 0;
            for (int a = -3; a <= 3; a++) {
                double x = a / 2.0;
                w[a + 3] = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x) * Math.sin(Math.PI * x / 2) / (Math.PI * x / 2);
                sum += w[a + 3];
            }
            for (int a = 0; a < 7; a++) {
                w[a] /= sum;
            }
            List<int[][][]> pyramid = new ArrayList<>();
            pyramid.add(base);
            for (int k = 1; k <= levels; k++) {
                int[][][] in = pyramid.get(k - 1);
                int rows = in.length / 2 + 1;
                int columns = in[0].length / 2 + 1;
                int[][][] out = new int[rows][columns][3];
                for (int p = 0; p < rows; p++) {
                    for (int q = 0; q < columns; q++) {
                        for (int c = 0; c < 3; c++) {
                            double s = 0;
                            for (int a = -3; a <= 3; a++) {
                                for (int b = -3; b <= 3; b++) {
                                    int r = Math.max(0, Math.min(2 * p + a, in.length - 1));
                                    int m = Math.max(0, Math.min(2 * q + b, in[0].length - 1));
                                    s += w[a + 3] * w[b + 3] * in[r][m][c];
                                }
                            }
                            out[p][q][c] = (int) Math.floor(Math.max(0, Math.min(s + 0.5, 255)));
                        }
                    }
                }
                pyramid.add(out);
            }
            return pyramid;
        }
    }
}
