package dev.reel.encoder.ffmpeg;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.Picture;
import dev.reel.api.VideoFormat;
import dev.reel.testkit.MovieReader;
import dev.reel.testkit.Psnr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Synthetic movies for the tests: frames computed from their index, encoded through the provider. */
final class TestMovies {
    static final FfmpegEncoderProvider PROVIDER = new FfmpegEncoderProvider();

    private TestMovies() {
    }

    /**
     * Frame {@code i}: smooth moving gradients (so that 4:2:0 costs little) with a sharp-edged bright
     * square moving across, so that encoders cannot reach a high PSNR by blurring.
     */
    static void draw(Picture picture, int i) {
        int w = picture.width();
        int h = picture.height();
        byte[] rgb = picture.rgb();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (int) (128 + 90 * Math.sin(x * 0.031 + i * 0.21));
                int g = (int) (128 + 90 * Math.cos(y * 0.043 - i * 0.13));
                int b = (int) (128 + 80 * Math.sin((x + y) * 0.019 + i * 0.07));
                int o = 3 * (y * w + x);
                rgb[o] = (byte) r;
                rgb[o + 1] = (byte) g;
                rgb[o + 2] = (byte) b;
            }
        }
        int side = Math.max(4, h / 6);
        int x0 = (i * 3) % Math.max(1, w - side);
        int y0 = h / 3;
        for (int y = y0; y < Math.min(h, y0 + side); y++) {
            for (int x = x0; x < x0 + side; x++) {
                int o = 3 * (y * w + x);
                rgb[o] = (byte) 230;
                rgb[o + 1] = (byte) 220;
                rgb[o + 2] = (byte) 200;
            }
        }
    }

    /** The RGB of frame {@code i}, as {@link #draw} makes it. */
    static byte[] frame(int i, int width, int height) {
        Picture p = new Picture(width, height);
        draw(p, i);
        return p.rgb();
    }

    /**
     * Checks the settings, then encodes {@code count} frames the way the renderer does: two pooled
     * pictures reused in turn, prepare then encode, then close.
     */
    static void encode(EncoderSettings settings, VideoFormat format, Path out, int count) throws IOException {
        PROVIDER.check(settings, format, out);
        Encoder encoder = PROVIDER.open(out, settings, format);
        Picture[] pool = {new Picture(format.width(), format.height()), new Picture(format.width(), format.height())};
        try {
            for (int i = 0; i < count; i++) {
                Picture p = pool[i % 2];
                draw(p, i);
                encoder.prepare(p, i);
                encoder.encode(p, i);
            }
        } catch (IOException | RuntimeException e) {
            encoder.abort();
            throw e;
        }
        encoder.close();
    }

    /** PSNR in dB of a movie's decoded frames against frames {@code 0..} as drawn, over all RGB samples. */
    static double psnr(MovieReader.Movie movie, int width, int height) {
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < movie.frameCount(); i++) {
            expected.add(frame(i, width, height));
        }
        return Psnr.of(expected, movie.rgb());
    }
}
