package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.Picture;
import dev.reel.api.VideoFormat;
import dev.reel.testkit.MovieReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one colour conversion: sRGB to limited-range Y'CbCr with the matrix the stream is tagged
 * with (BT.601 below 720 lines, BT.709 from 720 up), checked sample by sample on losslessly
 * encoded solid colours against the ITU formulas.
 */
class ColourTest {
    private static final int[] COLOURS = {0xC82850, 0x1EB4DC, 0xFFFFFF, 0x000000, 0x40C020};

    @TempDir
    Path dir;

    @Test
    void standardDefinitionIsBt601() throws Exception {
        check(640, 480, 0.299, 0.114, "smpte170m");
    }

    @Test
    void highDefinitionIsBt709() throws Exception {
        check(1280, 720, 0.2126, 0.0722, "bt709");
    }

    /** {@code standard}: FFmpeg's name of the matrix, primaries and transfer the stream must be tagged with. */
    private void check(int width, int height, double kr, double kb, String standard) throws Exception {
        Path out = dir.resolve("colours.mkv");
        // crf 0 is lossless in x264: the decoded samples are exactly the converted ones.
        EncoderSettings settings = EncoderSettings.DEFAULTS.withCrf(0).withPixelFormat("yuv444p");
        VideoFormat format = new VideoFormat(width, height, 30);
        TestMovies.PROVIDER.check(settings, format, out);
        Encoder encoder = TestMovies.PROVIDER.open(out, settings, format);
        Picture picture = new Picture(width, height);
        for (int i = 0; i < COLOURS.length; i++) {
            picture.fill(COLOURS[i]);
            encoder.prepare(picture, i);
            encoder.encode(picture, i);
        }
        encoder.close();

        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        assertEquals(standard, movie.info().colorSpace());
        assertEquals("tv", movie.info().colorRange());
        assertEquals(standard, movie.info().colorPrimaries());
        assertEquals(standard, movie.info().colorTransfer());
        assertEquals("yuv444p", movie.info().pixelFormat());
        assertEquals(COLOURS.length, movie.frameCount());
        for (int i = 0; i < COLOURS.length; i++) {
            double r = (COLOURS[i] >> 16 & 0xff) / 255.0;
            double g = (COLOURS[i] >> 8 & 0xff) / 255.0;
            double b = (COLOURS[i] & 0xff) / 255.0;
            double luma = kr * r + (1 - kr - kb) * g + kb * b;
            double y = 16 + 219 * luma;
            double cb = 128 + 224 * (b - luma) / (2 * (1 - kb));
            double cr = 128 + 224 * (r - luma) / (2 * (1 - kr));
            MovieReader.Frame frame = movie.frames().get(i);
            assertEquals("yuv444p", frame.pixelFormat());
            String what = String.format("colour %06X", COLOURS[i]);
            assertEquals(y, frame.sample(0, width / 2, height / 2), 1.0, what + " Y");
            assertEquals(cb, frame.sample(1, width / 2, height / 2), 1.0, what + " Cb");
            assertEquals(cr, frame.sample(2, width / 2, height / 2), 1.0, what + " Cr");
        }
    }

    @Test
    void rgbFormatsAreTaggedFullRangeRgb() throws Exception {
        Path out = dir.resolve("rgb.mkv");
        TestMovies.encode(EncoderSettings.DEFAULTS.withCodec("ffv1"), new VideoFormat(64, 48, 30), out, 2);
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        assertEquals("gbr", movie.info().colorSpace());
        assertEquals("pc", movie.info().colorRange());
    }
}
