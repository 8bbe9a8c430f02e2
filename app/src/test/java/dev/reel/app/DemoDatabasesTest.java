package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.PanView;
import dev.reel.api.Picture;
import dev.reel.api.ZoomView;
import dev.reel.db.ExpZoomSource;
import dev.reel.db.NpyHeader;
import dev.reel.db.PostdbPanSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's databases have fractalshades' geometry: reel's own sources, which follow
 * fractalshades-format.md, draw from them the colour of each frame pixel's own point of the plane.
 * The colouring is linear in the point, so that bilinear sampling is (nearly) exact and any error
 * in the geometry shows as a colour error.
 */
class DemoDatabasesTest {
    private static final double CR = -0.1;
    private static final double CI = 0.9;

    @TempDir
    Path dir;

    /** Red follows the real part and green the imaginary part, 100 levels per {@code scale}. */
    private static DemoDatabases.PointColour linear(double scale) {
        return (re, im) -> channel(128 + 100 * (re - CR) / scale) << 16 | channel(128 + 100 * (im - CI) / scale) << 8 | 60;
    }

    private static int channel(double v) {
        return (int) Math.max(0, Math.min(255, v));
    }

    @Test
    void panFramesShowTheirOwnPoints() throws Exception {
        Path file = dir.resolve("pan.postdb");
        double width = 0.3;
        DemoDatabases.flat(file, linear(width), 300, 100, CR, CI, width);
        assertEquals(List.of(100L, 300L, 4L), NpyHeader.read(file).shape());
        int w = 64;
        int h = 36;
        double x = 0.1;
        double y = -0.02;
        double dx = 0.4;
        double dy = dx * h / w;
        Picture p = new Picture(w, h);
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            src.draw(new PanView(x, y, dx), p);
        }
        int worst = 0;
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double re = CR + width * (x - dx / 2 + dx * i / (w - 1));
                double im = CI + width * (y + dy / 2 - dy * j / (h - 1));
                worst = Math.max(worst, difference(linear(width).rgb(re, im), p.get(i, j)));
            }
        }
        assertTrue(worst <= 1, "largest channel difference " + worst);
    }

    @Test
    void zoomFramesShowTheirOwnPointsOnBothSidesOfTheFinalImageCircle() throws Exception {
        double radius = 1e-3;
        double bigH = 4;
        int w = 80;
        int h = 45;
        double ratio = (double) w / h;
        for (double depth : new double[] {0.2, 1.0, 2.5}) {
            // Colours that vary across this frame: its width is 2·radius·e^depth.
            double frameWidth = 2 * radius * Math.exp(depth);
            DemoDatabases.PointColour colour = linear(frameWidth);
            Path expmap = dir.resolve("expmap_" + depth + ".postdb");
            Path fin = dir.resolve("final_" + depth + ".postdb");
            int rows = DemoDatabases.expmap(expmap, colour, 512, bigH, CR, CI, radius);
            DemoDatabases.finalImage(fin, colour, 200, CR, CI, radius);
            assertEquals(List.of((long) rows, 512L, 4L), NpyHeader.read(expmap).shape());
            assertEquals((int) (512 * bigH / (2 * Math.PI) + 0.5), rows);
            Picture p = new Picture(w, h);
            try (ExpZoomSource src = ExpZoomSource.open(expmap, fin)) {
                src.draw(new ZoomView(depth), p);
            }
            int worst = 0;
            long total = 0;
            int inside = 0;
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    double x = -0.5 + (double) i / (w - 1);
                    double y = (0.5 - (double) j / (h - 1)) / ratio;
                    double re = CR + frameWidth * x;
                    double im = CI + frameWidth * y;
                    int d = difference(colour.rgb(re, im), p.get(i, j));
                    worst = Math.max(worst, d);
                    total += d;
                    if (Math.hypot(x, y) * Math.exp(depth) < 0.5) {
                        inside++;
                    }
                }
            }
            assertTrue(inside > 0 && inside < w * h, "h = " + depth + ": both the final image and the expmap are drawn");
            assertTrue(worst <= 3, "h = " + depth + ": largest channel difference " + worst);
            assertTrue(total / (3.0 * w * h) < 1, "h = " + depth + ": mean difference " + total / (3.0 * w * h));
        }
    }

    private static int difference(int expected, int actual) {
        int worst = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            worst = Math.max(worst, Math.abs((expected >> shift & 0xff) - (actual >> shift & 0xff)));
        }
        return worst;
    }
}
