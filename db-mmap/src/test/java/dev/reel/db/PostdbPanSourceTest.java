package dev.reel.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.InvalidViewException;
import dev.reel.api.PanView;
import dev.reel.api.Picture;
import dev.reel.api.ZoomView;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostdbPanSourceTest {
    @TempDir
    Path dir;

    interface PixelFunction {
        int value(int row, int col, int channel);
    }

    /** Writes a real (rows, cols, channels) uint8 .postdb whose bytes are given by f. */
    Path postdb(String name, int rows, int cols, int channels, PixelFunction f) throws IOException {
        byte[] data = new byte[rows * cols * channels];
        int k = 0;
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                for (int c = 0; c < channels; c++) {
                    data[k++] = (byte) f.value(j, i, c);
                }
            }
        }
        return NpyWriter.write(dir.resolve(name), NpyWriter.header(1, "|u1", false, rows, cols, channels), data);
    }

    /** Random bytes as (rows, cols, channels) pixels, the same for the same seed. */
    static byte[][][] randomPixels(int rows, int cols, int channels, long seed) {
        Random random = new Random(seed);
        byte[][][] px = new byte[rows][cols][channels];
        for (byte[][] row : px) {
            for (byte[] p : row) {
                random.nextBytes(p);
            }
        }
        return px;
    }

    /** An affine picture: bilinear sampling of it is exact, so every frame pixel is known. */
    static int affine(int row, int col, int channel) {
        return switch (channel) {
            case 0 -> 2 * col + row;
            case 1 -> 200 - 3 * row;
            case 2 -> col + 2 * row + 10;
            default -> 255;
        };
    }

    static double affine(double v, double u, int channel) {
        return switch (channel) {
            case 0 -> 2 * u + v;
            case 1 -> 200 - 3 * v;
            default -> u + 2 * v + 10;
        };
    }

    @ParameterizedTest(name = "{0}x{1}, {2} channels")
    @CsvSource({"40, 60, 4", "23, 37, 3", "1, 5, 3", "7, 1, 4", "2, 2, 4"})
    void aPassThroughViewReproducesTheDatabase(int rows, int cols, int channels) throws IOException {
        byte[][][] px = randomPixels(rows, cols, channels, rows * 1000L + cols);
        Path file = postdb("pass.postdb", rows, cols, channels, (j, i, c) -> px[j][i][c]);
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            Picture out = new Picture(cols, rows);
            src.draw(new PanView(0, 0, 1.0), out);
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < cols; i++) {
                    int expected = (px[j][i][0] & 0xff) << 16 | (px[j][i][1] & 0xff) << 8 | (px[j][i][2] & 0xff);
                    assertEquals(expected, out.get(i, j), "pixel (" + i + ", " + j + ")");
                }
            }
        }
    }

    /**
     * Every pixel of views of an affine database against the closed form, computed here from the
     * geometry of fractalshades-format.md section 3.
     */
    @ParameterizedTest(name = "view ({0}, {1}, dx {2}) at {3}x{4}")
    @CsvSource({
        "0, 0, 1.0, 60, 40",        // pass-through
        "0.1, -0.05, 0.25, 31, 17", // zoomed in, odd size
        "-0.3, 0.1, 0.4, 64, 48",   // touches the left edge: x - dx/2 = -0.5
        "0.3, 0, 0.4, 64, 48",      // touches the right edge
        "0, 0.2, 0.3, 90, 30",      // wider than tall, near the top
        "0.01, 0.01, 0.013, 16, 9", // far inside one cell: fractional weights everywhere
        "0.1, 0, 0.5, 30, 40",      // a pan at the database's scale: 26 rows on database rows, 14 between
    })
    void viewsOfAnAffineDatabaseAreExact(double x, double y, double dx, int width, int height) throws IOException {
        int rows = 40;
        int cols = 60;
        Path file = postdb("affine.postdb", rows, cols, 4, PostdbPanSourceTest::affine);
        double r = (double) cols / rows;
        double dy = dx * height / width;
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            Picture out = new Picture(width, height);
            src.draw(new PanView(x, y, dx), out);
            int exact = 0;
            for (int j = 0; j < height; j++) {
                double yj = y + dy / 2 - dy * j / (height - 1);
                double v = (0.5 - r * yj) * (rows - 1);
                for (int i = 0; i < width; i++) {
                    double xi = x - dx / 2 + dx * i / (width - 1);
                    double u = (xi + 0.5) * (cols - 1);
                    int got = out.get(i, j);
                    for (int c = 0; c < 3; c++) {
                        int expected = (int) (float) affine(Math.max(0, v), Math.max(0, u), c);
                        int actual = got >> (16 - 8 * c) & 0xff;
                        assertTrue(Math.abs(expected - actual) <= 1,
                                "pixel (" + i + ", " + j + ") channel " + c + ": " + actual + " vs " + expected);
                        exact += expected == actual ? 1 : 0;
                    }
                }
            }
            // Within 1 is the promise; in practice every value is exact.
            assertEquals(3 * width * height, exact);
        }
    }

    /**
     * Pans at the database's own scale and at half and twice it, as fractalshades' pan example
     * (a 1440x480 database, 720x480 frames, dx = 0.5): frame rows lie exactly on database rows
     * (every one, every other one, or every second database row), and each pixel is exactly the
     * factored bilinear sum, computed here: (1 - fv)·h(j0) + fv·h(j0 + 1), where h(j) is row j
     * interpolated at the frame column, truncated to 8 bits after a cast to float.
     */
    @ParameterizedTest(name = "{0}x{1} database, {4} channels, {2}x{3} frames")
    @CsvSource({
        "120, 60, 60, 60, 4, 0.5",    // each frame row on its own database row
        "120, 60, 60, 60, 3, 0.5",
        "122, 61, 62, 31, 4, 1.0",    // every second database row
        "62, 31, 61, 61, 4, 0.5",     // every other frame row on a database row, blends between
    })
    void pansAtTheDatabasesScaleTakeTheirRowsAsTheyAre(int cols, int rows, int width, int height, int channels, double dx)
            throws IOException {
        byte[][][] px = randomPixels(rows, cols, channels, cols * 7919L + channels);
        Path file = postdb("scale.postdb", rows, cols, channels, (j, i, c) -> px[j][i][c]);
        double x = 0.3 * (0.5 - dx / 2);
        double rowsPerFrameRow = (rows - 1.0) / (height - 1);
        int onRows = 0;
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            Picture out = new Picture(width, height);
            src.draw(new PanView(x, 0, dx), out);
            for (int j = 0; j < height; j++) {
                double v = j * rowsPerFrameRow;
                int j0 = Math.min((int) v, rows - 2);
                double fv = v - j0;
                onRows += fv == 0 || fv == 1 ? 1 : 0;
                for (int i = 0; i < width; i++) {
                    double u = (x - dx / 2 + dx * i / (width - 1) + 0.5) * (cols - 1);
                    int i0 = Math.min((int) u, cols - 2);
                    double fu = u - i0;
                    int got = out.get(i, j);
                    for (int c = 0; c < 3; c++) {
                        double upper = (1 - fu) * (px[j0][i0][c] & 0xff) + fu * (px[j0][i0 + 1][c] & 0xff);
                        double lower = (1 - fu) * (px[j0 + 1][i0][c] & 0xff) + fu * (px[j0 + 1][i0 + 1][c] & 0xff);
                        int expected = (int) (float) (fv == 0 ? upper : (1 - fv) * upper + fv * lower);
                        assertEquals(expected, got >> (16 - 8 * c) & 0xff, "pixel (" + i + ", " + j + ") channel " + c);
                    }
                }
            }
        }
        assertEquals(rowsPerFrameRow < 1 ? (height + 1) / 2 : height, onRows);
    }

    /**
     * A thread keeps its working arrays from frame to frame: frames of other sizes and views in
     * between change nothing in a frame's pixels.
     */
    @Test
    void framesOfManySizesOnOneThreadAreThoseOfAFreshSource() throws IOException {
        Path file = postdb("sizes.postdb", 40, 60, 4, (j, i, c) -> (byte) (i * 37 + j * 11 + c * 101));
        int[][] sizes = {{60, 40}, {31, 17}, {90, 30}, {1, 1}, {64, 48}, {16, 9}, {60, 40}};
        PanView[] views = {new PanView(0, 0, 1.0), new PanView(0.1, -0.05, 0.25), new PanView(0, 0.2, 0.3),
            new PanView(0.2, 0.1, 0.3), new PanView(-0.3, 0.1, 0.4), new PanView(0.01, 0.01, 0.013),
            new PanView(0, 0, 1.0)};
        try (PostdbPanSource shared = PostdbPanSource.open(file)) {
            for (int k = 0; k < sizes.length; k++) {
                Picture reused = new Picture(sizes[k][0], sizes[k][1]);
                shared.draw(views[k], reused);
                try (PostdbPanSource fresh = PostdbPanSource.open(file)) {
                    Picture expected = new Picture(sizes[k][0], sizes[k][1]);
                    fresh.draw(views[k], expected);
                    assertArrayEquals(expected.rgb(), reused.rgb(), "frame " + k + " at " + sizes[k][0] + "x" + sizes[k][1]);
                }
            }
        }
    }

    /** A database of one row: every frame row is that row, interpolated along it. */
    @Test
    void aOneRowDatabaseGivesItsRowToEveryFrameRow() throws IOException {
        // 5 columns (r = 5, y in [-0.1, 0.1]); 17x3 frame of dx = 1: column i at u = i / 4.
        Path file = postdb("line.postdb", 1, 5, 3, (j, i, c) -> 40 * c + 10 * i);
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            Picture out = new Picture(17, 3);
            src.draw(new PanView(0, 0, 1.0), out);
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 17; i++) {
                    int expected = 0;
                    for (int c = 0; c < 3; c++) {
                        expected = expected << 8 | (int) (40 * c + 2.5 * i);
                    }
                    assertEquals(expected, out.get(i, j), "pixel (" + i + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void theMovieExampleViewTouchesTopAndBottomAndIsValid() throws IOException {
        // pan_script.py: a 1440x480 database (r = 3), a 720x480 movie, dx = 0.5: the frame exactly
        // touches the database's top and bottom edges (scaled down 10x here).
        Path file = postdb("pan.postdb", 48, 144, 4, (j, i, c) -> c == 1 ? j : i);
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            Picture out = new Picture(72, 48);
            src.draw(new PanView(-0.25, 0, 0.5), out);
            assertEquals(0, out.get(0, 0) >> 8 & 0xff, "top row samples database row 0");
            assertEquals(47, out.get(0, 47) >> 8 & 0xff, "bottom row samples the last database row");
            assertEquals(0, out.get(0, 0) >> 16, "left column samples database column 0");
        }
    }

    @Test
    void aViewThatLeavesTheDatabaseByOnePixelIsRejected() throws IOException {
        Path file = postdb("edge.postdb", 50, 101, 3, (j, i, c) -> i);
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            Picture out = new Picture(20, 10);
            double pixel = 1.0 / 100; // one database column
            src.draw(new PanView(0.3, 0, 0.4), out); // right edge exactly at 0.5: valid
            assertEquals(100, out.get(19, 5) >> 16);
            InvalidViewException e = assertThrows(InvalidViewException.class,
                    () -> src.draw(new PanView(0.3 + pixel, 0, 0.4), out));
            assertEquals("edge.postdb: the view x = 0.310000, y = 0.00000, dx = 0.400000 (dy = 0.200000 at 20x10) "
                    + "leaves the database (101x50, x in [-0.5, 0.5], y in [-0.247525, 0.247525]): "
                    + "its right edge x + dx/2 = 0.510000 is above 0.5", e.getMessage());
            assertThrows(InvalidViewException.class, () -> src.draw(new PanView(-0.3 - pixel, 0, 0.4), out));
            assertThrows(InvalidViewException.class, () -> src.draw(new PanView(0, 0.15, 0.4), out));
            assertThrows(InvalidViewException.class, () -> src.draw(new PanView(0, -0.15, 0.4), out));
            // check() says the same without drawing
            assertThrows(InvalidViewException.class, () -> src.check(new PanView(0.3 + pixel, 0, 0.4), 20, 10));
        }
    }

    @Test
    void onlyPanViewsAreDrawn() throws IOException {
        Path file = postdb("p.postdb", 4, 4, 3, (j, i, c) -> 0);
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            assertTrue(src.supports(PanView.class));
            InvalidViewException e = assertThrows(InvalidViewException.class,
                    () -> src.draw(new ZoomView(1), new Picture(4, 4)));
            assertEquals("p.postdb draws pan views (x, y, dx), not a ZoomView", e.getMessage());
        }
    }

    @Test
    void aFieldArrayIsNotAPicture() throws IOException {
        Path file = NpyWriter.write(dir.resolve("layers.postdb"), NpyWriter.header(1, "<f4", false, 2, 4, 4), new byte[128]);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> PostdbPanSource.open(file));
        assertEquals(file + ": expected a (rows, columns, 3 or 4) uint8 picture, got shape (2, 4, 4) <f4", e.getMessage());
    }

    @Test
    void rowsThatStraddleChunkBoundariesAreSampledWhole() throws IOException {
        // 1 KiB chunks and rows of 75 * 4 = 300 bytes: most row pairs cross a chunk boundary.
        Path file = postdb("chunks.postdb", 50, 75, 4, PostdbPanSourceTest::affine);
        try (PostdbPanSource whole = PostdbPanSource.open(file);
             PostdbPanSource chunked = PostdbPanSource.open(file, 1024)) {
            for (PanView view : new PanView[] {new PanView(0, 0, 1.0), new PanView(0.05, -0.02, 0.33)}) {
                Picture a = new Picture(75, 50);
                Picture b = new Picture(75, 50);
                whole.draw(view, a);
                chunked.draw(view, b);
                assertTrue(a.samePixels(b), view.toString());
            }
        }
    }

    /**
     * A real file larger than 2 GiB (sparse, so it takes no disk space): an affine patch written
     * across the 1 GiB and 2 GiB chunk boundaries is sampled exactly by views inside it.
     */
    @Test
    void aDatabaseLargerThan2GiBIsSampledAcrossItsBuffers() throws IOException {
        int rows = 24_000;
        int cols = 24_000;
        long rowBytes = cols * 4L;
        Path file = NpyWriter.writeSparse(dir.resolve("huge.postdb"), NpyWriter.header(1, "|u1", false, rows, cols, 4),
                rowBytes * rows);
        long dataOffset = NpyHeader.read(file).dataOffset();
        int[] boundaryRows = {(int) ((1L << 30) / rowBytes), (int) ((1L << 31) / rowBytes)};
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (int b : boundaryRows) {
                for (int j = b - 6; j <= b + 6; j++) {
                    byte[] row = new byte[4 * 16];
                    for (int i = 0; i < 16; i++) {
                        row[4 * i] = (byte) (j - b + 10);
                        row[4 * i + 1] = (byte) (3 * i);
                        row[4 * i + 2] = 77;
                        row[4 * i + 3] = (byte) 255;
                    }
                    raf.seek(dataOffset + j * rowBytes + 100 * 4L);
                    raf.write(row);
                }
            }
        }
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            double r = (double) cols / rows;
            int width = 9;
            int height = 7;
            for (int b : boundaryRows) {
                // A view centred on column 107.5, row b + 0.3, spanning 8 columns.
                double dx = 8.0 / (cols - 1);
                double dy = dx * height / width;
                double x = -0.5 + 107.5 / (cols - 1);
                double y = (0.5 - (b + 0.3) / (rows - 1)) / r;
                Picture out = new Picture(width, height);
                src.draw(new PanView(x, y, dx), out);
                for (int j = 0; j < height; j++) {
                    double v = (0.5 - r * (y + dy / 2 - dy * j / (height - 1))) * (rows - 1);
                    for (int i = 0; i < width; i++) {
                        double u = (x - dx / 2 + dx * i / (width - 1) + 0.5) * (cols - 1);
                        int[] expected = {(int) (v - b + 10), (int) (3 * (u - 100)), 77};
                        int got = out.get(i, j);
                        for (int c = 0; c < 3; c++) {
                            int g = got >> (16 - 8 * c) & 0xff;
                            assertTrue(Math.abs(expected[c] - g) <= 1, "boundary row " + b + ", pixel (" + i + ", " + j
                                    + ") channel " + c + ": " + g + " vs " + expected[c]);
                        }
                    }
                }
            }
        }
    }
}
