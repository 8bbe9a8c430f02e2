package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings.Hardware;
import dev.reel.api.EncoderSettings;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import dev.reel.testkit.MovieReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Encoder contract: threads, pooled pictures, close and abort. */
class EncoderLifecycleTest {
    private static final VideoFormat FORMAT = new VideoFormat(320, 240, 30);

    @TempDir
    Path dir;

    @Test
    void theRendererDrivesItWithSeveralThreads() throws Exception {
        Path out = dir.resolve("rendered.mp4");
        EncoderSettings settings = EncoderSettings.DEFAULTS.withCrf(18);
        // One second at 30 fps; frame i is at i/30 s and draws TestMovies frame i.
        Sequence sequence = new Sequence() {
            @Override
            public double startTime() {
                return 0;
            }

            @Override
            public double endTime() {
                return 1;
            }

            @Override
            public void render(double time, Picture target) {
                TestMovies.draw(target, (int) Math.round(time * 30));
            }
        };
        Movie movie = new Movie(FORMAT, List.of(sequence));
        TestMovies.PROVIDER.check(settings, FORMAT, out);
        Encoder encoder = TestMovies.PROVIDER.open(out, settings, FORMAT);
        OrderedRenderer.builder().threads(3).window(5).build().render(movie, encoder);

        MovieReader.Movie written = MovieReader.read(out);
        assertEquals(List.of(), written.warnings());
        assertEquals(30, written.frameCount());
        double psnr = TestMovies.psnr(written, 320, 240);
        assertTrue(psnr >= 40, "PSNR " + psnr);
    }

    @Test
    void encodeWithoutPrepareStillConverts() throws Exception {
        Path out = dir.resolve("unprepared.mp4");
        EncoderSettings settings = EncoderSettings.DEFAULTS.withCrf(18);
        Encoder encoder = TestMovies.PROVIDER.open(out, settings, FORMAT);
        Picture picture = new Picture(320, 240);
        for (int i = 0; i < 10; i++) {
            TestMovies.draw(picture, i);
            encoder.encode(picture, i);
        }
        encoder.close();
        MovieReader.Movie written = MovieReader.read(out);
        assertEquals(List.of(), written.warnings());
        assertEquals(10, written.frameCount());
        assertTrue(TestMovies.psnr(written, 320, 240) >= 40);
    }

    @Test
    void abortRemovesThePartialFileAndThePicturesServeTheNextEncoder() throws Exception {
        Path out = dir.resolve("aborted.mp4");
        Picture picture = new Picture(320, 240);
        Encoder first = TestMovies.PROVIDER.open(out, EncoderSettings.DEFAULTS, FORMAT);
        for (int i = 0; i < 5; i++) {
            TestMovies.draw(picture, i);
            first.prepare(picture, i);
            first.encode(picture, i);
        }
        assertTrue(Files.exists(out));
        first.abort();
        assertFalse(Files.exists(out));
        first.abort();
        assertThrows(IllegalStateException.class, () -> first.encode(picture, 5));

        // The picture still carries the first encoder's (freed) frames; the next one replaces them.
        Path next = dir.resolve("next.mp4");
        Encoder second = TestMovies.PROVIDER.open(next, EncoderSettings.DEFAULTS.withCrf(18), FORMAT);
        for (int i = 0; i < 5; i++) {
            TestMovies.draw(picture, i);
            second.prepare(picture, i);
            second.encode(picture, i);
        }
        second.close();
        second.close();
        MovieReader.Movie written = MovieReader.read(next);
        assertEquals(List.of(), written.warnings());
        assertEquals(5, written.frameCount());
        assertTrue(TestMovies.psnr(written, 320, 240) >= 40);
    }

    @Test
    void hardwareIfPossibleFallsBackToSoftware() throws Exception {
        Path out = dir.resolve("fallback.mp4");
        TestMovies.encode(EncoderSettings.DEFAULTS.withHardware(Hardware.IF_POSSIBLE), FORMAT, out, 5);
        MovieReader.Movie written = MovieReader.read(out);
        assertEquals(List.of(), written.warnings());
        assertEquals("h264", written.info().codec());
        assertEquals(5, written.frameCount());
        try (EncoderSetup setup = EncoderSetup.open(EncoderSettings.DEFAULTS.withHardware(Hardware.IF_POSSIBLE),
                FORMAT, out)) {
            assertEquals("libx264", setup.encoder());
            assertTrue(setup.notice().startsWith("ffmpeg encoder: no hardware encoder for h264 works here ("),
                    setup.notice());
            assertTrue(setup.notice().endsWith("); encoding with libx264 instead"), setup.notice());
        }
    }

    @Test
    void aFileThatCannotBeCreatedIsAnIoErrorNamingIt() {
        Path out = dir.resolve("no such folder").resolve("movie.mp4");
        IOException e = assertThrows(IOException.class,
                () -> TestMovies.PROVIDER.open(out, EncoderSettings.DEFAULTS, FORMAT));
        assertTrue(e.getMessage().startsWith("ffmpeg encoder: cannot create the file (" + out + "): "), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
