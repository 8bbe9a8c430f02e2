package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.EncoderSettings;
import dev.reel.api.VideoFormat;
import dev.reel.testkit.MovieReader;
import dev.reel.testkit.Psnr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The movie's FFmpeg filter chain runs between reel's frames and the encoder. */
class FilterTest {
    private static final VideoFormat FORMAT = new VideoFormat(320, 240, 30);

    @TempDir
    Path dir;

    @Test
    void scaleChangesTheEncodedSize() throws Exception {
        Path out = dir.resolve("small.mp4");
        TestMovies.encode(EncoderSettings.DEFAULTS.withFilters("scale=160:120"), FORMAT, out, 20);
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        assertEquals(160, movie.info().width());
        assertEquals(120, movie.info().height());
        assertEquals(20, movie.frameCount());
    }

    @Test
    void filtersAreAppliedToThePixels() throws Exception {
        // Lossless FFV1 in RGB: the decoded frames are exactly the mirrored frames as drawn.
        Path out = dir.resolve("flipped.mkv");
        TestMovies.encode(EncoderSettings.DEFAULTS.withCodec("ffv1").withFilters("hflip"), FORMAT, out, 10);
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        List<byte[]> mirrored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mirrored.add(mirror(TestMovies.frame(i, 320, 240), 320, 240));
        }
        assertEquals(Double.POSITIVE_INFINITY, Psnr.of(mirrored, movie.rgb()));

        // And through the lossy path, with the conversion done by the graph.
        Path lossy = dir.resolve("flipped.mp4");
        TestMovies.encode(EncoderSettings.DEFAULTS.withCrf(18).withFilters("hflip"), FORMAT, lossy, 10);
        MovieReader.Movie h264 = MovieReader.read(lossy);
        assertEquals(List.of(), h264.warnings());
        double psnr = Psnr.of(mirrored, h264.rgb());
        assertTrue(psnr >= 40, "PSNR " + psnr);
    }

    @Test
    void frameRateFiltersChangeTheStream() throws Exception {
        Path out = dir.resolve("half.mp4");
        TestMovies.encode(EncoderSettings.DEFAULTS.withKeyframeInterval(5).withFilters("fps=15"), FORMAT, out, 30);
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        assertEquals(15, movie.frameCount());
        assertEquals(new MovieReader.Rational(15, 1), movie.info().frameRate());
        // Key frames count the frames that reach the encoder.
        assertEquals(List.of(0, 5, 10), movie.keyFrames());
    }

    private static byte[] mirror(byte[] rgb, int width, int height) {
        byte[] out = new byte[rgb.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                System.arraycopy(rgb, 3 * (y * width + x), out, 3 * (y * width + width - 1 - x), 3);
            }
        }
        return out;
    }
}
