package dev.reel.encoder.jcodec;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class Yuv420ConverterTest {

    /**
     * BT.601 limited-range coefficients as the standard prints them (rows Y, Cb, Cr; columns R, G,
     * B; to be divided by 255 and added to 16 or 128).
     */
    private static final double[][] BT601 = {
        {65.481, 128.553, 24.966},
        {-37.797, -74.203, 112.0},
        {112.0, -93.786, -18.214},
    };

    /** BT.709 from Kr = 0.2126, Kb = 0.0722, derived here independently of the code under test. */
    private static final double[][] BT709 = limitedRange(0.2126, 0.0722);

    /**
     * Rounding to nearest allows half a step; the fixed-point coefficients add at most 0.003 over
     * all 2^24 colours, and the 3-decimal BT.601 constants above at most 0.002.
     */
    private static final double ROUNDING = 0.51;

    private static double[][] limitedRange(double kr, double kb) {
        double kg = 1 - kr - kb;
        return new double[][] {
            {219 * kr, 219 * kg, 219 * kb},
            {-112 * kr / (1 - kb), -112 * kg / (1 - kb), 112},
            {112, -112 * kg / (1 - kr), -112 * kb / (1 - kr)},
        };
    }

    /** Exact (Y, Cb, Cr) of one pixel in double precision. */
    private static double[] exact(ColorMatrix matrix, int r, int g, int b) {
        double[][] k = matrix == ColorMatrix.BT601 ? BT601 : BT709;
        return new double[] {
            16 + (k[0][0] * r + k[0][1] * g + k[0][2] * b) / 255,
            128 + (k[1][0] * r + k[1][1] * g + k[1][2] * b) / 255,
            128 + (k[2][0] * r + k[2][1] * g + k[2][2] * b) / 255,
        };
    }

    private static Picture solid(int width, int height, int rgb) {
        Picture picture = new Picture(width, height);
        picture.fill(rgb);
        return picture;
    }

    private static Picture random(int width, int height, long seed) {
        Picture picture = new Picture(width, height);
        new Random(seed).nextBytes(picture.rgb());
        return picture;
    }

    // Expected values: the formulas above by hand, rounded to nearest. For example BT.601 red:
    // Y = 16 + 65.481 = 81.481, Cb = 128 - 37.797 = 90.203, Cr = 128 + 112 = 240.
    @ParameterizedTest(name = "{0} {1} -> ({2}, {3}, {4})")
    @CsvSource({
        "BT601, 000000,  16, 128, 128",
        "BT601, ffffff, 235, 128, 128",
        "BT601, ff0000,  81,  90, 240", // 81.481,  90.203, 240
        "BT601, 00ff00, 145,  54,  34", // 144.553, 53.797, 34.214
        "BT601, 0000ff,  41, 240, 110", // 40.966, 240,    109.786
        "BT601, 808080, 126, 128, 128", // 16 + 219 * 128 / 255 = 125.929
        "BT709, 000000,  16, 128, 128",
        "BT709, ffffff, 235, 128, 128",
        "BT709, ff0000,  63, 102, 240", // 62.559, 102.336, 240
        "BT709, 00ff00, 173,  42,  26", // 172.629, 41.664, 26.270
        "BT709, 0000ff,  32, 240, 118", // 31.812, 240,    117.730
        "BT709, 808080, 126, 128, 128", // 125.929
    })
    void knownColours(ColorMatrix matrix, String hex, int y, int cb, int cr) {
        // 3x3: odd on both sides, so the replicated edge is exercised too.
        Yuv420Planes planes = new Yuv420Converter(matrix).convert(solid(3, 3, Integer.parseInt(hex, 16)));
        assertAll(
                () -> assertEquals(y, planes.lumaAt(0, 0), "Y"),
                () -> assertEquals(y, planes.lumaAt(2, 2), "Y at the odd corner"),
                () -> assertEquals(cb, planes.cbAt(0, 0), "Cb"),
                () -> assertEquals(cb, planes.cbAt(1, 1), "Cb at the odd corner"),
                () -> assertEquals(cr, planes.crAt(0, 0), "Cr"),
                () -> assertEquals(cr, planes.crAt(1, 1), "Cr at the odd corner"));
    }

    @Test
    void defaultMatrixIsBt601() {
        assertEquals(ColorMatrix.BT601, new Yuv420Converter().matrix());
        Yuv420Planes planes = new Yuv420Converter().convert(solid(2, 2, 0xff0000));
        assertEquals(81, planes.lumaAt(0, 0));
        assertEquals(90, planes.cbAt(0, 0));
    }

    @ParameterizedTest
    @EnumSource(ColorMatrix.class)
    void randomPicturesMatchTheFormulasInDoublePrecision(ColorMatrix matrix) {
        Yuv420Converter converter = new Yuv420Converter(matrix);
        int[][] sizes = {{1, 1}, {2, 2}, {3, 5}, {5, 3}, {2, 1}, {1, 2}, {16, 9}, {641, 479}};
        long seed = 42;
        for (int[] size : sizes) {
            Picture picture = random(size[0], size[1], seed++);
            assertMatchesReference(matrix, picture, converter.convert(picture));
        }
    }

    /** Every sample against the double-precision formula, chroma as the mean over the 2x2 block. */
    private static void assertMatchesReference(ColorMatrix matrix, Picture picture, Yuv420Planes planes) {
        int w = picture.width();
        int h = picture.height();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = picture.get(x, y);
                double expected = exact(matrix, rgb >>> 16, rgb >>> 8 & 0xff, rgb & 0xff)[0];
                int actual = planes.lumaAt(x, y);
                if (Math.abs(actual - expected) > ROUNDING) {
                    throw new AssertionError(picture + " " + matrix + ": Y(" + x + ", " + y + ") = "
                            + actual + ", expected " + expected);
                }
            }
        }
        for (int cy = 0; cy < (h + 1) / 2; cy++) {
            for (int cx = 0; cx < (w + 1) / 2; cx++) {
                double cb = 0;
                double cr = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        // Edge replication: a missing right column or bottom row repeats the last one.
                        int rgb = picture.get(Math.min(2 * cx + dx, w - 1), Math.min(2 * cy + dy, h - 1));
                        double[] yuv = exact(matrix, rgb >>> 16, rgb >>> 8 & 0xff, rgb & 0xff);
                        cb += yuv[1] / 4;
                        cr += yuv[2] / 4;
                    }
                }
                int actualCb = planes.cbAt(cx, cy);
                int actualCr = planes.crAt(cx, cy);
                if (Math.abs(actualCb - cb) > ROUNDING || Math.abs(actualCr - cr) > ROUNDING) {
                    throw new AssertionError(picture + " " + matrix + ": chroma (" + cx + ", " + cy
                            + ") = (" + actualCb + ", " + actualCr + "), expected (" + cb + ", " + cr + ")");
                }
            }
        }
    }

    @Test
    void oddEdgesAverageTheReplicatedPixels() {
        // 3x1: the first chroma sample averages red and green, the second sees blue alone.
        Picture picture = new Picture(3, 1);
        picture.set(0, 0, 0xff0000);
        picture.set(1, 0, 0x00ff00);
        picture.set(2, 0, 0x0000ff);
        Yuv420Planes planes = new Yuv420Converter().convert(picture);
        assertEquals(2, planes.chromaWidth());
        assertEquals(1, planes.chromaHeight());
        assertArrayEquals(new int[] {81, 145, 41},
                new int[] {planes.lumaAt(0, 0), planes.lumaAt(1, 0), planes.lumaAt(2, 0)});
        // Cb (90.203 + 53.797) / 2 = 72, Cr (240 + 34.214) / 2 = 137.107.
        assertEquals(72, planes.cbAt(0, 0));
        assertEquals(137, planes.crAt(0, 0));
        // Blue replicated: exactly blue's chroma.
        assertEquals(240, planes.cbAt(1, 0));
        assertEquals(110, planes.crAt(1, 0));
    }

    @ParameterizedTest
    @EnumSource(ColorMatrix.class)
    void everySampleIsInTheLegalRange(ColorMatrix matrix) {
        Yuv420Converter converter = new Yuv420Converter(matrix);
        Random random = new Random(7);
        // Random bytes, and saturated pictures (every channel 0 or 255) that reach the extremes.
        Picture noise = random(257, 131, 7);
        Picture saturated = new Picture(257, 131);
        byte[] rgb = saturated.rgb();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = random.nextBoolean() ? (byte) 255 : 0;
        }
        for (Picture picture : List.of(noise, saturated)) {
            Yuv420Planes planes = converter.convert(picture);
            assertInRange(planes.y(), 16, 235, "Y");
            assertInRange(planes.u(), 16, 240, "Cb");
            assertInRange(planes.v(), 16, 240, "Cr");
        }
    }

    private static void assertInRange(byte[] plane, int min, int max, String name) {
        for (int i = 0; i < plane.length; i++) {
            int value = plane[i] & 0xff;
            if (value < min || value > max) {
                throw new AssertionError(name + " sample " + i + " is " + value
                        + ", outside [" + min + ", " + max + "]");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ColorMatrix.class)
    void constantColoursGiveConstantPlanes(ColorMatrix matrix) {
        Yuv420Converter converter = new Yuv420Converter(matrix);
        for (int colour : new int[] {0x000000, 0xffffff, 0x123456, 0xfedcba, 0x7f8081, 0x00ff80}) {
            // The 1x1 picture's samples are the reference for the 5x3 one, odd on both sides.
            Yuv420Planes one = converter.convert(solid(1, 1, colour));
            Yuv420Planes planes = converter.convert(solid(5, 3, colour));
            String what = matrix + " " + Integer.toHexString(colour);
            assertConstant(planes.y(), one.y()[0], what + " Y");
            assertConstant(planes.u(), one.u()[0], what + " Cb");
            assertConstant(planes.v(), one.v()[0], what + " Cr");
        }
    }

    private static void assertConstant(byte[] plane, byte expected, String what) {
        for (int i = 0; i < plane.length; i++) {
            assertEquals(expected, plane[i], what + " sample " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"808080", "000000", "ffffff", "404040"})
    void greysHaveNeutralChroma(String hex) {
        Yuv420Planes planes = new Yuv420Converter(ColorMatrix.BT709).convert(solid(2, 2, Integer.parseInt(hex, 16)));
        assertEquals(128, planes.cbAt(0, 0));
        assertEquals(128, planes.crAt(0, 0));
    }

    @Test
    void reusingAHolderGivesTheSamePlanes() {
        Yuv420Converter converter = new Yuv420Converter();
        Picture first = random(33, 17, 1);
        Picture second = random(33, 17, 2);
        Yuv420Planes fresh = converter.convert(first);

        Yuv420Planes reused = new Yuv420Planes(33, 17);
        converter.convert(first, reused);
        byte[][] once = {reused.y().clone(), reused.u().clone(), reused.v().clone()};
        converter.convert(first, reused);
        assertPlanesEqual(once, reused);
        assertPlanesEqual(new byte[][] {fresh.y(), fresh.u(), fresh.v()}, reused);

        // A pooled picture's holder still holds the previous frame: every sample is overwritten.
        converter.convert(second, reused);
        converter.convert(first, reused);
        assertPlanesEqual(once, reused);
    }

    private static void assertPlanesEqual(byte[][] expected, Yuv420Planes actual) {
        assertArrayEquals(expected[0], actual.y(), "Y");
        assertArrayEquals(expected[1], actual.u(), "Cb");
        assertArrayEquals(expected[2], actual.v(), "Cr");
    }

    @Test
    void aHolderOfTheWrongSizeIsRejected() {
        Yuv420Converter converter = new Yuv420Converter();
        Picture picture = new Picture(64, 48);
        Yuv420Planes planes = new Yuv420Planes(48, 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> converter.convert(picture, planes));
        assertEquals("cannot convert a 64x48 picture into YUV planes for 48x64;"
                + " planes are allocated per picture size", e.getMessage());
        // Same chroma size is not enough: 63 and 64 both have 32 chroma columns.
        assertThrows(IllegalArgumentException.class,
                () -> converter.convert(new Picture(63, 48), new Yuv420Planes(64, 48)));
    }

    @ParameterizedTest
    @EnumSource(ColorMatrix.class)
    void minus128CodingIsTheUnsignedValueMinus128(ColorMatrix matrix) {
        Yuv420Converter converter = new Yuv420Converter(matrix);
        Picture picture = random(7, 5, 3);
        Yuv420Planes unsigned = converter.convert(picture);
        Yuv420Planes shifted = new Yuv420Planes(7, 5, Yuv420Planes.SampleCoding.MINUS_128);
        converter.convert(picture, shifted);
        assertShifted(unsigned.y(), shifted.y());
        assertShifted(unsigned.u(), shifted.u());
        assertShifted(unsigned.v(), shifted.v());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(unsigned.lumaAt(x, y), shifted.lumaAt(x, y));
            }
        }
        assertEquals(unsigned.cbAt(3, 2), shifted.cbAt(3, 2));
        assertEquals(unsigned.crAt(3, 2), shifted.crAt(3, 2));

        // Black is Y = 16, stored as 16 - 128 = -112.
        Yuv420Planes black = new Yuv420Planes(1, 1, Yuv420Planes.SampleCoding.MINUS_128);
        converter.convert(solid(1, 1, 0), black);
        assertEquals(-112, black.y()[0]);
        assertEquals(0, black.u()[0]);
    }

    private static void assertShifted(byte[] unsigned, byte[] shifted) {
        for (int i = 0; i < unsigned.length; i++) {
            assertEquals((unsigned[i] & 0xff) - 128, shifted[i], "sample " + i);
        }
    }

    @Test
    void oneConverterServesManyThreadsAtOnce() throws Exception {
        Yuv420Converter converter = new Yuv420Converter(ColorMatrix.BT709);
        int tasks = 16;
        List<Picture> pictures = new ArrayList<>();
        List<Yuv420Planes> expected = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Picture picture = random(161, 91, 100 + i);
            pictures.add(picture);
            expected.add(converter.convert(picture));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Yuv420Planes>> results = new ArrayList<>();
            for (Picture picture : pictures) {
                results.add(pool.submit(() -> {
                    Yuv420Planes planes = new Yuv420Planes(161, 91);
                    for (int round = 0; round < 20; round++) {
                        converter.convert(picture, planes);
                    }
                    return planes;
                }));
            }
            for (int i = 0; i < tasks; i++) {
                Yuv420Planes e = expected.get(i);
                assertPlanesEqual(new byte[][] {e.y(), e.u(), e.v()}, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void describesItself() {
        assertTrue(new Yuv420Converter(ColorMatrix.BT709).toString().contains("BT709"));
    }
}
