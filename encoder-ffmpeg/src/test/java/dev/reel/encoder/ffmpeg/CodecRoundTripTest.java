package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.EncoderSettings;
import dev.reel.api.VideoFormat;
import dev.reel.testkit.MovieReader;
import dev.reel.testkit.Psnr;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every codec, encoded for real and read back with FFmpeg's own demuxers and decoders: codec,
 * size, frame rate, exact frame count, pixel format, metadata, key-frame positions and PSNR
 * against the frames as drawn.
 */
class CodecRoundTripTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int FRAMES = 30;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {2} to .{1}")
    @CsvSource({
        // codec, extension, pixel format (empty: default), FFmpeg's codec name, decoded format, min PSNR
        "h264,   mp4,  ,            h264,   yuv420p,     40",
        "h264,   mkv,  yuv444p,     h264,   yuv444p,     40",
        "h265,   mp4,  ,            hevc,   yuv420p,     40",
        "h265,   mkv,  yuv420p10le, hevc,   yuv420p10le, 40",
        "vp9,    webm, ,            vp9,    yuv420p,     40",
        "av1,    mp4,  ,            av1,    yuv420p,     40",
        "av1,    webm, yuv420p10le, av1,    yuv420p10le, 40",
        "prores, mov,  ,            prores, yuv422p10le, 45",
    })
    void lossyCodecs(String codec, String extension, String pixelFormat, String ffmpegName, String decodedFormat,
            double minPsnr) throws Exception {
        Path out = dir.resolve("movie." + extension);
        boolean keyframes = !codec.equals("prores");
        EncoderSettings settings = EncoderSettings.DEFAULTS.withCodec(codec)
                .withMetadata(Map.of("title", "My zoom", "comment", "made by reel"));
        if (!codec.equals("prores")) {
            settings = settings.withCrf(18).withKeyframeInterval(10);
        }
        if (pixelFormat != null) {
            settings = settings.withPixelFormat(pixelFormat);
        }
        TestMovies.encode(settings, new VideoFormat(WIDTH, HEIGHT, 30), out, FRAMES);

        MovieReader.Movie movie = MovieReader.read(out);
        MovieReader.Info info = movie.info();
        assertEquals(List.of(), movie.warnings(), "FFmpeg decodes it without a warning");
        assertEquals(ffmpegName, info.codec());
        assertEquals(WIDTH, info.width());
        assertEquals(HEIGHT, info.height());
        assertEquals(new MovieReader.Rational(30, 1), info.frameRate());
        assertEquals(decodedFormat, info.pixelFormat());
        assertEquals(decodedFormat, movie.frames().get(0).pixelFormat());
        assertEquals(FRAMES, movie.frameCount());
        assertEquals("My zoom", info.metadata().get("title"));
        assertEquals("made by reel", info.metadata().get("comment"));
        assertEquals(keyframes ? List.of(0, 10, 20) : IntStream.range(0, FRAMES).boxed().toList(), movie.keyFrames());
        double psnr = TestMovies.psnr(movie, WIDTH, HEIGHT);
        assertTrue(psnr >= minPsnr, codec + " PSNR " + psnr + " dB, expected at least " + minPsnr);
    }

    @Test
    void h264GroupsOfPicturesAreClosed() throws Exception {
        Path out = dir.resolve("gops.mp4");
        // B-frames on, so an open group would reference the previous one.
        TestMovies.encode(EncoderSettings.DEFAULTS.withCrf(18).withKeyframeInterval(10)
                .withOptions(Map.of("bf", "3")), new VideoFormat(WIDTH, HEIGHT, 30), out, FRAMES);
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(0, 10, 20), movie.keyFrames());
        assertTrue(movie.info().videoDelay() > 0, "B-frames are in use");
        for (int g = 0; g < 3; g++) {
            // Decoded alone, each group gives exactly its own ten frames, identical to the full decode.
            MovieReader.Movie group = MovieReader.readGroup(out, g);
            assertEquals(10, group.frameCount(), "group " + g);
            assertEquals(List.of(), group.warnings(), "group " + g);
            assertEquals(List.of(0), group.keyFrames(), "group " + g);
            assertEquals(Double.POSITIVE_INFINITY, Psnr.of(movie.rgb().subList(10 * g, 10 * g + 10), group.rgb()));
        }
    }

    @Test
    void ffv1IsLosslessInItsDefaultRgbFormat() throws Exception {
        Path out = dir.resolve("lossless.mkv");
        TestMovies.encode(EncoderSettings.DEFAULTS.withCodec("ffv1").withKeyframeInterval(10)
                .withMetadata(Map.of("title", "My zoom")), new VideoFormat(WIDTH, HEIGHT, 30), out, FRAMES);
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        assertEquals("ffv1", movie.info().codec());
        assertEquals("bgr0", movie.info().pixelFormat());
        assertEquals(FRAMES, movie.frameCount());
        assertEquals(List.of(0, 10, 20), movie.keyFrames());
        assertEquals("My zoom", movie.info().metadata().get("title"));
        // Bit for bit: every frame decodes to exactly the RGB that was drawn.
        assertEquals(Double.POSITIVE_INFINITY, TestMovies.psnr(movie, WIDTH, HEIGHT));
    }

    @Test
    void gifInBothPaletteModes() throws Exception {
        // GIF times frames in hundredths of a second: 25 fps is 4/100 s exactly.
        VideoFormat format = new VideoFormat(160, 120, 25);
        double[] psnr = new double[2];
        String[] formats = {"rgb8", "pal8"};
        for (int i = 0; i < 2; i++) {
            Path out = dir.resolve(formats[i] + ".gif");
            TestMovies.encode(EncoderSettings.DEFAULTS.withCodec("gif").withPixelFormat(formats[i]), format, out, 20);
            MovieReader.Movie movie = MovieReader.read(out);
            assertEquals(List.of(), movie.warnings());
            assertEquals("gif", movie.info().codec());
            assertEquals(160, movie.info().width());
            assertEquals(20, movie.frameCount());
            assertEquals(25, movie.info().frameRate().value(), 1e-9);
            psnr[i] = TestMovies.psnr(movie, 160, 120);
        }
        // 256 colours chosen for each frame beat the fixed 3-3-2 cube.
        assertTrue(psnr[0] > 18, "rgb8 PSNR " + psnr[0]);
        assertTrue(psnr[1] > psnr[0] + 3, "pal8 PSNR " + psnr[1] + " against rgb8 " + psnr[0]);
    }

    @ParameterizedTest(name = ".{0}")
    @CsvSource({"mp4", "mov", "mkv"})
    void everyMetadataKeyTheContainerListsIsKept(String extension) throws Exception {
        Container container = Container.forExtension(extension).orElseThrow();
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        for (String key : container.metadataKeys()) {
            metadata.put(key, "value of " + key);
        }
        if (container.keepsAnyMetadata()) {
            metadata.put("camera_path", "value of camera_path");
        }
        Path out = dir.resolve("tags." + extension);
        TestMovies.encode(EncoderSettings.DEFAULTS.withMetadata(metadata), new VideoFormat(64, 48, 30), out, 2);
        Map<String, String> read = MovieReader.read(out).info().metadata();
        metadata.forEach((key, value) -> assertEquals(value, read.get(key), "metadata " + key + " in ." + extension));
    }

    @Test
    void ntscFrameRateIsWrittenAsItsFraction() throws Exception {
        Path out = dir.resolve("ntsc.mp4");
        TestMovies.encode(EncoderSettings.DEFAULTS, new VideoFormat(160, 120, 29.97), out, 10);
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        assertEquals(new MovieReader.Rational(30000, 1001), movie.info().frameRate());
        assertEquals(10, movie.frameCount());
    }
}
