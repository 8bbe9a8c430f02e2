package dev.reel.encoder.jcodec;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.Picture;
import dev.reel.api.VideoFormat;
import dev.reel.testkit.MovieReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The encoder's files, checked with the real FFmpeg (its demuxers and decoders, in-process through
 * the testkit): what it decodes (frames, size, rate, timing, colours, quality), what the stream and
 * container say, and that FFmpeg has nothing to warn about, for movies rendered by the real renderer.
 */
class JcodecH264EncoderTest {
    @TempDir
    Path dir;

    private final JcodecEncoderProvider provider = new JcodecEncoderProvider();

    @Test
    void renderedMovieDecodesCleanlyWithTheRequestedSizeRateAndFrames() throws IOException {
        // 200x120 is no multiple of 16: the stream codes 208x128 and crops.
        TestFootage footage = new TestFootage(200, 120, 50, 6, 1);
        Path out = dir.resolve("movie.mp4");
        FootageMovie.render(footage, 50, 24, EncoderSettings.DEFAULTS, out);

        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        MovieReader.Info info = movie.info();
        assertAll(
                () -> assertEquals("h264", info.codec()),
                () -> assertEquals("Constrained Baseline", info.profile()),
                () -> assertEquals(11, info.level(), "104 macroblocks at 24 fps: level 1.1"),
                () -> assertEquals(200, info.width()),
                () -> assertEquals(120, info.height()),
                () -> assertEquals("yuv420p", info.pixelFormat()),
                () -> assertEquals("24/1", info.baseFrameRate().toString()),
                () -> assertEquals("24/1", info.frameRate().toString()),
                () -> assertEquals(50, info.containerFrameCount()),
                () -> assertEquals(50, movie.frameCount()),
                () -> assertEquals(50 / 24.0, info.duration(), 1e-3),
                () -> assertEquals("tv", info.colorRange()),
                () -> assertEquals("smpte170m", info.colorSpace(), "BT.601 below 1280x720"),
                () -> assertEquals("bt709", info.colorPrimaries()),
                () -> assertEquals("bt709", info.colorTransfer()),
                () -> assertEquals("center", info.chromaLocation()),
                () -> assertEquals(0, info.videoDelay()));
        assertEquals(keyFramesEvery(24, 50), frameTypes(movie), "an IDR frame every second");
        assertEquals(List.of(0, 24, 48), movie.keyFrames(), "the container's sync samples are the IDR frames");
        for (int i = 0; i < 50; i++) {
            MovieReader.Frame frame = movie.frames().get(i);
            assertEquals(3 * 200 * 120, frame.rgb().length);
            // Frame i is shown at exactly i/24 s.
            assertEquals((long) i * info.timeBase().den(), frame.pts() * info.timeBase().num() * 24, "frame " + i);
        }
    }

    @Test
    void qualityAtTheDefaultCrfIsAtLeast35DbAndRisesAsCrfFalls() throws IOException {
        TestFootage footage = new TestFootage(320, 240, 60, 6, 2);
        double[] psnr = new double[3];
        long[] size = new long[3];
        int[] crfs = {32, 22, 12};
        for (int k = 0; k < crfs.length; k++) {
            Path out = dir.resolve("crf" + crfs[k] + ".mp4");
            EncoderSettings settings = crfs[k] == 22 ? EncoderSettings.DEFAULTS : EncoderSettings.DEFAULTS.withCrf(crfs[k]);
            FootageMovie.render(footage, 60, 30, settings, out);
            MovieReader.Movie movie = MovieReader.read(out);
            assertEquals(List.of(), movie.warnings(), "crf " + crfs[k]);
            psnr[k] = footage.psnr(movie, 60);
            size[k] = Files.size(out);
        }
        String report = "PSNR " + psnr[0] + ", " + psnr[1] + ", " + psnr[2] + " dB; " + size[0] + ", " + size[1]
                + ", " + size[2] + " bytes for crf 32, 22, 12";
        assertTrue(psnr[1] >= 35, report);
        assertTrue(psnr[0] < psnr[1] && psnr[1] < psnr[2], report);
        assertTrue(size[0] < size[1] && size[1] < size[2], report);
    }

    @Test
    void exactReferencesDecodeCleanlyAndAreAtLeastAsGood() throws IOException {
        TestFootage footage = new TestFootage(160, 96, 40, 6, 3);
        Path usual = dir.resolve("usual.mp4");
        Path exact = dir.resolve("exact.mp4");
        FootageMovie.render(footage, 40, 30, EncoderSettings.DEFAULTS, usual);
        FootageMovie.render(footage, 40, 30, EncoderSettings.DEFAULTS.withOptions(Map.of("exact-reference", "true")), exact);
        MovieReader.Movie exactMovie = MovieReader.read(exact);
        assertEquals(List.of(), exactMovie.warnings());
        double usualPsnr = footage.psnr(MovieReader.read(usual), 40);
        double exactPsnr = footage.psnr(exactMovie, 40);
        assertTrue(exactPsnr >= usualPsnr, exactPsnr + " dB exact, " + usualPsnr + " dB usual");
    }

    @Test
    void theBytesAreTheSameForOneTwoAndFourThreads() throws IOException {
        // 45 frames in groups of 7: six whole groups and a short last one.
        TestFootage footage = new TestFootage(160, 96, 45, 6, 4);
        List<Path> files = new ArrayList<>();
        for (int threads : new int[] {1, 2, 4}) {
            Path out = dir.resolve("threads" + threads + ".mp4");
            FootageMovie.render(footage, 45, 30, EncoderSettings.DEFAULTS.withKeyframeInterval(7)
                    .withOptions(Map.of("threads", String.valueOf(threads))), out);
            files.add(out);
        }
        assertEquals(-1, Files.mismatch(files.get(0), files.get(1)));
        assertEquals(-1, Files.mismatch(files.get(0), files.get(2)));
        MovieReader.Movie movie = MovieReader.read(files.get(0));
        assertEquals(keyFramesEvery(7, 45), frameTypes(movie));
        assertEquals(List.of(0, 7, 14, 21, 28, 35, 42), movie.keyFrames());
        assertEquals(List.of(), movie.warnings());
    }

    @Test
    void encodingWithoutThePrepareStepGivesTheSameBytes() throws IOException {
        TestFootage footage = new TestFootage(96, 64, 12, 6, 5);
        Path prepared = dir.resolve("prepared.mp4");
        Path unprepared = dir.resolve("unprepared.mp4");
        VideoFormat format = new VideoFormat(96, 64, 25);
        EncoderSettings settings = EncoderSettings.DEFAULTS.withKeyframeInterval(5);
        // Two pooled pictures in turn, as the renderer hands them round.
        Picture[] pool = {new Picture(96, 64), new Picture(96, 64)};
        try (Encoder e = provider.open(prepared, settings, format)) {
            for (int i = 0; i < 12; i++) {
                footage.draw(i, pool[i % 2]);
                e.prepare(pool[i % 2], i);
                e.encode(pool[i % 2], i);
            }
        }
        try (Encoder e = provider.open(unprepared, settings, format)) {
            for (int i = 0; i < 12; i++) {
                footage.draw(i, pool[i % 2]);
                e.encode(pool[i % 2], i);
            }
        }
        assertEquals(-1, Files.mismatch(prepared, unprepared));
    }

    /**
     * Flat patches of saturated and grey colours come back as drawn, within 4 levels (the rounding
     * of 8-bit limited-range YUV and of swscale's fixed-point conversion; crf 10 makes quantisation
     * negligible), where reading them with the other matrix or as full range would be 15 to 40
     * levels off: FFmpeg reads the matrix and range the stream signals.
     */
    @ParameterizedTest
    @CsvSource({"bt601, smpte170m", "bt709, bt709"})
    void coloursDecodeAsDrawn(String matrix, String colorSpace) throws IOException {
        int[] colours = {0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0x00ffff, 0xff00ff, 0xffffff, 0x000000,
            0x808080, 0xc06030, 0x3070b0, 0x20a040};
        int patch = 32;
        int width = patch * 4;
        int height = patch * 3;
        Picture picture = new Picture(width, height);
        for (int c = 0; c < colours.length; c++) {
            for (int y = 0; y < patch; y++) {
                for (int x = 0; x < patch; x++) {
                    picture.set((c % 4) * patch + x, (c / 4) * patch + y, colours[c]);
                }
            }
        }
        Path out = dir.resolve(matrix + ".mp4");
        try (Encoder e = provider.open(out, EncoderSettings.DEFAULTS.withCrf(10).withOptions(Map.of("color-matrix", matrix)),
                new VideoFormat(width, height, 30))) {
            for (int i = 0; i < 3; i++) {
                e.prepare(picture, i);
                e.encode(picture, i);
            }
        }
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(colorSpace, movie.info().colorSpace());
        assertEquals(3, movie.frameCount());
        for (int frame = 0; frame < 3; frame++) {
            byte[] rgb = movie.frames().get(frame).rgb();
            for (int c = 0; c < colours.length; c++) {
                int x = (c % 4) * patch + patch / 2;
                int y = (c / 4) * patch + patch / 2;
                int i = 3 * (y * width + x);
                int expected = colours[c];
                for (int ch = 0; ch < 3; ch++) {
                    int want = (expected >> (16 - 8 * ch)) & 0xff;
                    int got = rgb[i + ch] & 0xff;
                    assertTrue(Math.abs(want - got) <= 4, String.format("frame %d colour %06x channel %d: %d, not %d",
                            frame, expected, ch, got, want));
                }
            }
        }
    }

    /**
     * Checkerboards of opposite colours in 16x16 macroblocks (black and white, blue and yellow, red
     * and cyan), each macroblock predicted from neighbours of the opposite colour, at crf 0 (QP 10,
     * the finest): the largest coefficients there are. They must come back as drawn; at QP 8,
     * JCodec's coding of such coefficients turns whole blocks to garbage.
     */
    @ParameterizedTest
    @CsvSource({"bt601", "bt709"})
    void theSharpestEdgesAtTheFinestQuantiserDecodeAsDrawn(String matrix) throws IOException {
        int[][] pairs = {{0x000000, 0xffffff}, {0x0000ff, 0xffff00}, {0xff0000, 0x00ffff}};
        int width = 128;
        int height = 96;
        Picture picture = new Picture(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] pair = pairs[y / 32];
                picture.set(x, y, pair[(x / 16 + y / 16) % 2]);
            }
        }
        Path out = dir.resolve("edges-" + matrix + ".mp4");
        try (Encoder e = provider.open(out, EncoderSettings.DEFAULTS.withCrf(0).withOptions(Map.of("color-matrix", matrix)),
                new VideoFormat(width, height, 30))) {
            for (int i = 0; i < 2; i++) {
                e.prepare(picture, i);
                e.encode(picture, i);
            }
        }
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        assertEquals(2, movie.frameCount());
        int worst = 0;
        for (byte[] rgb : movie.rgb()) {
            for (int i = 0; i < rgb.length; i++) {
                worst = Math.max(worst, Math.abs((rgb[i] & 0xff) - (picture.rgb()[i] & 0xff)));
            }
        }
        assertTrue(worst <= 8, "a sample is " + worst + " levels off");
    }

    @Test
    void metadataIsReadBackByFfmpeg() throws IOException {
        TestFootage footage = new TestFootage(64, 48, 3, 6, 6);
        Path out = dir.resolve("tagged.mp4");
        FootageMovie.render(footage, 3, 30, EncoderSettings.DEFAULTS.withMetadata(Map.of(
                "title", "Zoom \u00e0 Mandelbrot \u2013 \u03c0", "artist", "reel", "comment", "made by a test",
                "date", "2025")), out);
        Map<String, String> tags = MovieReader.read(out).info().metadata();
        assertAll(
                () -> assertEquals("Zoom \u00e0 Mandelbrot \u2013 \u03c0", tags.get("title")),
                () -> assertEquals("reel", tags.get("artist")),
                () -> assertEquals("made by a test", tags.get("comment")),
                () -> assertEquals("2025", tags.get("date")),
                () -> assertFalse(tags.containsKey("creation_time"), "no wall-clock time in the file"));
    }

    @Test
    void anNtscRateAndAnExplicitIntervalAreKept() throws IOException {
        TestFootage footage = new TestFootage(64, 48, 12, 6, 7);
        Path out = dir.resolve("ntsc.mp4");
        FootageMovie.render(footage, 12, 30000 / 1001.0, EncoderSettings.DEFAULTS.withKeyframeInterval(5), out);
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals("30000/1001", movie.info().frameRate().toString());
        assertEquals(12, movie.frameCount());
        assertEquals(keyFramesEvery(5, 12), frameTypes(movie));
        assertEquals(List.of(0, 5, 10), movie.keyFrames());
        MovieReader.Rational timeBase = movie.info().timeBase();
        for (int i = 0; i < 12; i++) {
            // Frame i is shown at exactly i * 1001/30000 s.
            assertEquals((long) i * 1001 * timeBase.den(), movie.frames().get(i).pts() * timeBase.num() * 30000,
                    "frame " + i);
        }
        assertEquals(List.of(), movie.warnings());
    }

    /** Every frame an IDR frame; and groups longer than 32 frames, whose frame_num needs 6 bits. */
    @ParameterizedTest
    @CsvSource({"1", "40"})
    void shortAndLongGroupsDecodeCleanly(int interval) throws IOException {
        TestFootage footage = new TestFootage(64, 48, 45, 6, 10);
        Path out = dir.resolve("interval" + interval + ".mp4");
        FootageMovie.render(footage, 45, 30, EncoderSettings.DEFAULTS.withKeyframeInterval(interval), out);
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        assertEquals(keyFramesEvery(interval, 45), frameTypes(movie));
        assertTrue(footage.psnr(movie, 45) > 30);
    }

    /** crf 0 on noise overflows JCodec's slice buffer: the frame is coded again, coarser. */
    @ParameterizedTest
    @CsvSource({"0, 128", "51, 6", "39, 6"})
    void extremeCrfsDecodeCleanly(int crf, int texture) throws IOException {
        TestFootage footage = new TestFootage(64, 48, 6, texture, 8);
        Path out = dir.resolve("crf" + crf + ".mp4");
        FootageMovie.render(footage, 6, 30, EncoderSettings.DEFAULTS.withCrf(crf), out);
        MovieReader.Movie movie = MovieReader.read(out);
        assertEquals(List.of(), movie.warnings());
        assertEquals(6, movie.frameCount());
    }

    @Test
    void abortDeletesTheFileAndStopsTheThreads() throws IOException, InterruptedException {
        TestFootage footage = new TestFootage(96, 64, 10, 6, 9);
        Path out = dir.resolve("aborted.mp4");
        Encoder e = provider.open(out, EncoderSettings.DEFAULTS.withKeyframeInterval(3), new VideoFormat(96, 64, 30));
        Picture p = new Picture(96, 64);
        for (int i = 0; i < 10; i++) {
            footage.draw(i, p);
            e.prepare(p, i);
            e.encode(p, i);
        }
        assertTrue(Files.exists(out));
        e.abort();
        e.abort();
        assertFalse(Files.exists(out));
        // The pool has terminated when abort returns; its threads are then leaving their run methods.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("reel-jcodec-")) {
                t.join(5000);
                assertFalse(t.isAlive(), t.getName() + " is still running");
            }
        }
    }

    @Test
    void closingWithoutFramesFailsClearly() throws IOException {
        Path out = dir.resolve("empty.mp4");
        Encoder e = provider.open(out, EncoderSettings.DEFAULTS, new VideoFormat(64, 48, 30));
        IOException x = assertThrows(IOException.class, e::close);
        assertTrue(x.getMessage().contains("no frame"), x.getMessage());
    }

    @Test
    void aPictureOfAnotherSizeIsRefused() throws IOException {
        Path out = dir.resolve("sizes.mp4");
        try (Encoder e = provider.open(out, EncoderSettings.DEFAULTS, new VideoFormat(64, 48, 30))) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> e.prepare(new Picture(48, 64), 0));
            assertTrue(x.getMessage().contains("48x64") && x.getMessage().contains("64x48"), x.getMessage());
            e.abort();
        }
    }

    /** "key_frame,pict_type" of each decoded frame, as ffprobe prints them: {@code 1,I} or {@code 0,P}. */
    private static List<String> frameTypes(MovieReader.Movie movie) {
        return movie.frames().stream().map(f -> (f.keyFrame() ? "1," : "0,") + f.pictureType()).toList();
    }

    /** The {@link #frameTypes} of frames in groups of {@code interval}: an IDR picture, then P pictures. */
    private static List<String> keyFramesEvery(int interval, int frames) {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            types.add(i % interval == 0 ? "1,I" : "0,P");
        }
        return types;
    }
}
