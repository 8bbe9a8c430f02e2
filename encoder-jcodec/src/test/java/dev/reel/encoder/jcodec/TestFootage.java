package dev.reel.encoder.jcodec;

import dev.reel.api.Picture;
import dev.reel.testkit.MovieReader;
import dev.reel.testkit.Psnr;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Natural-looking moving pictures for encoder tests, the same for every run: a camera pans across
 * a still scene of smooth colour gradients, soft blobs with sharp rims and a fine texture, as a
 * camera-pan over a rendered image does. Frame {@code i} is the window at ({@code 2i}, {@code i})
 * of the scene.
 *
 * <p>Immutable; {@link #draw} may be called from any thread.
 */
final class TestFootage {
    private final int width;
    private final int height;
    private final int sceneWidth;
    private final int sceneHeight;
    private final byte[] scene;

    /**
     * Footage of {@code width} x {@code height} frames for up to {@code frames} frames.
     *
     * @param texture amplitude of the fine texture in levels (0 for none, 6 for grain, 128 for noise)
     */
    TestFootage(int width, int height, int frames, int texture, long seed) {
        this.width = width;
        this.height = height;
        this.sceneWidth = width + 2 * frames + 2;
        this.sceneHeight = height + frames + 2;
        this.scene = new byte[3 * sceneWidth * sceneHeight];
        SplittableRandom random = new SplittableRandom(seed);
        // A coarse lattice of random values, interpolated: texture at an 8-pixel scale.
        int cell = 8;
        int lw = sceneWidth / cell + 2;
        int lh = sceneHeight / cell + 2;
        double[] lattice = new double[lw * lh];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = random.nextDouble(-1, 1);
        }
        // Objects: mostly lighter or darker than the background, mildly tinted, with edges about a
        // pixel wide, as in a photograph (whose colour has less detail than its brightness).
        double[][] blobs = new double[12][];
        for (int i = 0; i < blobs.length; i++) {
            double light = random.nextDouble(-60, 60);
            blobs[i] = new double[] {random.nextDouble(sceneWidth), random.nextDouble(sceneHeight),
                8 + random.nextDouble(Math.min(sceneWidth, sceneHeight) / 4.0),
                light + random.nextDouble(-20, 20), light + random.nextDouble(-20, 20),
                light + random.nextDouble(-20, 20)};
        }
        for (int y = 0; y < sceneHeight; y++) {
            for (int x = 0; x < sceneWidth; x++) {
                double r = 128 + 80 * Math.sin(x * 0.011 + y * 0.004);
                double g = 120 + 70 * Math.cos(y * 0.013 - x * 0.003 + 1);
                double b = 110 + 60 * Math.sin((x + y) * 0.007 + 2);
                for (double[] blob : blobs) {
                    double d = Math.hypot(x - blob[0], y - blob[1]);
                    double inside = Math.max(0, Math.min(1, blob[2] - d + 0.5));
                    if (inside > 0) {
                        double shade = inside * (0.5 + 0.5 * (1 - d / blob[2]));
                        r += blob[3] * shade;
                        g += blob[4] * shade;
                        b += blob[5] * shade;
                    }
                }
                double fx = (double) x / cell;
                double fy = (double) y / cell;
                int cx = (int) fx;
                int cy = (int) fy;
                double tx = fx - cx;
                double ty = fy - cy;
                double v = lattice[cy * lw + cx] * (1 - tx) * (1 - ty) + lattice[cy * lw + cx + 1] * tx * (1 - ty)
                        + lattice[(cy + 1) * lw + cx] * (1 - tx) * ty + lattice[(cy + 1) * lw + cx + 1] * tx * ty;
                double grain = texture * (0.6 * v + 0.4 * random.nextDouble(-1, 1));
                int i = 3 * (y * sceneWidth + x);
                scene[i] = clamp(r + grain);
                scene[i + 1] = clamp(g + grain);
                scene[i + 2] = clamp(b + grain);
            }
        }
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v)));
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Draws frame {@code index} into {@code picture}, which must have the footage's size. */
    void draw(int index, Picture picture) {
        byte[] rgb = picture.rgb();
        int x0 = 2 * index;
        int y0 = index;
        for (int y = 0; y < height; y++) {
            System.arraycopy(scene, 3 * ((y0 + y) * sceneWidth + x0), rgb, 3 * y * width, 3 * width);
        }
    }

    /** Frame {@code index} in a new picture. */
    Picture frame(int index) {
        Picture p = new Picture(width, height);
        draw(index, p);
        return p;
    }

    /**
     * The PSNR in dB of a decoded movie's frames against frames 0, 1, ... of this footage, over every
     * sample of every frame; the movie must have exactly {@code frames} frames.
     */
    double psnr(MovieReader.Movie decoded, int frames) {
        if (decoded.frameCount() != frames) {
            throw new AssertionError("decoded " + decoded.frameCount() + " frames, expected " + frames);
        }
        List<byte[]> expected = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            expected.add(frame(f).rgb());
        }
        return Psnr.of(expected, decoded.rgb());
    }
}
