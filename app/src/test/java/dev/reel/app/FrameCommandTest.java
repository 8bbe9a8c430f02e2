package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reel frame}: one frame as a PNG, the pixels the encoder would get. */
class FrameCommandTest {
    @TempDir
    Path dir;

    private final ReelHarness reel = new ReelHarness();

    private Path script() throws IOException {
        return Files.writeString(dir.resolve("movie.yaml"), RenderCommandTest.SCRIPT);
    }

    private static void assertPng(double time, Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(8, image.getWidth());
        assertEquals(4, image.getHeight());
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(TestProviders.color(time, x, y), image.getRGB(x, y) & 0xffffff, "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void indexWritesThatGlobalFrame() throws IOException {
        Path png = dir.resolve("f.png");
        assertEquals(0, reel.run("frame", script().toString(), "--index", "12", "-o", png.toString()), reel.err());
        // Global frame 12 is the third frame of the second sequence: t = 1 + 0.5 * 2 / 5.
        assertPng(RenderCommandTest.frameTimes().get(12), png);
        assertEquals(1.2, RenderCommandTest.frameTimes().get(12), 1e-12);
        assertEquals("wrote " + png + ": frame 12 (sequence 2, test-gradient, t = 1.2000 s)" + System.lineSeparator(),
                reel.out());
        assertEquals(1, reel.providers.gradient.framesDrawn.get(), "only that frame is drawn");
        assertEquals("[f.png, movie.yaml]", ReelHarness.list(dir));
    }

    @Test
    void timePicksTheNearestFrame() throws IOException {
        Path png = dir.resolve("t.png");
        double asked = 0.86;
        List<Double> times = RenderCommandTest.frameTimes();
        int nearest = 0;
        for (int i = 1; i < times.size(); i++) {
            if (Math.abs(times.get(i) - asked) < Math.abs(times.get(nearest) - asked)) {
                nearest = i;
            }
        }
        assertEquals(9, nearest);
        assertEquals(0, reel.run("frame", script().toString(), "--time", "0.86", "-o", png.toString()), reel.err());
        assertPng(times.get(nearest), png);
        assertTrue(reel.out().endsWith(": frame 9 (sequence 1, test-gradient, t = 0.9000 s)" + System.lineSeparator()),
                reel.out());

        // Past the end: the last frame.
        assertEquals(0, reel.run("frame", script().toString(), "--time", "99", "-o", png.toString()), reel.err());
        assertPng(times.get(14), png);
    }

    @Test
    void badUsageExitsWithTwo() throws IOException {
        Path script = script();
        Path png = dir.resolve("f.png");
        assertEquals(2, reel.run("frame", script.toString(), "--index", "15", "-o", png.toString()));
        assertEquals(script + ": --index 15: the movie has frames 0 to 14" + System.lineSeparator(), reel.err());

        assertEquals(2, reel.run("frame", script.toString(), "--index", "-1", "-o", png.toString()));
        assertEquals(script + ": --index -1: the movie has frames 0 to 14" + System.lineSeparator(), reel.err());

        Path jpg = dir.resolve("f.jpg");
        assertEquals(2, reel.run("frame", script.toString(), "--index", "1", "-o", jpg.toString()));
        assertEquals("-o " + jpg + ": expected a file name ending in .png; frame writes PNG images"
                + System.lineSeparator(), reel.err());

        assertEquals(2, reel.run("frame", script.toString(), "--time", "NaN", "-o", png.toString()));
        assertEquals("--time NaN: expected a finite movie time in seconds" + System.lineSeparator(), reel.err());

        assertEquals(2, reel.run("frame", script.toString(), "--index", "1", "--time", "1", "-o", png.toString()));
        assertEquals("Error: --index=N, --time=SECONDS are mutually exclusive (specify only one); see 'reel frame --help'"
                + System.lineSeparator(), reel.err());

        assertEquals(2, reel.run("frame", script.toString(), "-o", png.toString()));
        assertTrue(reel.err().startsWith("Error: Missing required argument (specify one of these):"), reel.err());
        assertEquals("[movie.yaml]", ReelHarness.list(dir));
    }

    @Test
    void aFrameThatFailsExitsWithOneAndWritesNothing() throws IOException {
        Path script = Files.writeString(dir.resolve("movie.yaml"),
                RenderCommandTest.SCRIPT.replace("t: [0, 1]", "t: [0, 1]\n    fail-at: 0.4"));
        Path png = dir.resolve("f.png");
        assertEquals(1, reel.run("frame", script.toString(), "--index", "4", "-o", png.toString()));
        assertEquals(script + ": frame 4 (sequence 1, test-gradient, t = 0.4000 s): paint failed at t = 0.4"
                + System.lineSeparator(), reel.err());
        assertEquals("[movie.yaml]", ReelHarness.list(dir));
    }
}
