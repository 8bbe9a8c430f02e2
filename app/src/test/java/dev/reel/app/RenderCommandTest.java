package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.app.TestProviders.RawFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code reel render} end to end, with a test sequence type and a test encoder whose file is read back. */
@Timeout(60)
class RenderCommandTest {
    /** Two sequences: 10 frames over [0, 1) and 5 over [1, 1.5) at 10 fps, 8x4 pixels. */
    static final String SCRIPT = """
            width: 8
            height: 4
            fps: 10
            encoder: {name: raw, codec: rgb, crf: 10}
            sequences:
              - type: test-gradient
                t: [0, 1]
              - type: test-gradient
                t: [1, 1.5]
            """;

    @TempDir
    Path dir;

    private final ReelHarness reel = new ReelHarness();

    /** Movie times of the script's frames, from the timing rule of movie-script.md. */
    static List<Double> frameTimes() {
        List<Double> times = new ArrayList<>();
        int n1 = (int) ((1 - 0) * 10.0);
        for (int i = 0; i < n1; i++) {
            times.add(0 + (1.0 - 0) * i / n1);
        }
        int n2 = (int) ((1.5 - 1) * 10.0);
        for (int i = 0; i < n2; i++) {
            times.add(1 + (1.5 - 1) * i / n2);
        }
        return times;
    }

    static void assertFrame(double time, RawFrame frame) {
        assertEquals(8, frame.width());
        assertEquals(4, frame.height());
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(TestProviders.color(time, x, y), frame.get(x, y),
                        "frame " + frame.index() + " pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void rendersEveryFrameInOrderToTheScriptsNameWithTheEncodersExtension() throws IOException {
        Path script = Files.writeString(dir.resolve("movie.yaml"), SCRIPT);
        assertEquals(0, reel.run("render", script.toString(), "--threads", "3"), reel.err());

        Path movie = dir.resolve("movie.raw");
        List<RawFrame> frames = TestProviders.readRaw(movie);
        List<Double> times = frameTimes();
        assertEquals(15, times.size());
        assertEquals(times.size(), frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i, frames.get(i).index());
            assertFrame(times.get(i), frames.get(i));
        }
        assertTrue(reel.out().startsWith("wrote " + movie + ": frames 0:15 of " + script + ", 8x4 at 10 fps, in "),
                reel.out());
        assertEquals("[movie.raw, movie.yaml]", ReelHarness.list(dir), "no temporary file is left");
        assertEquals(1, reel.providers.raw.closed.get());
        // Not a terminal: plain lines, the last one for the last frame.
        String[] lines = reel.err().split(System.lineSeparator());
        assertTrue(lines[lines.length - 1].startsWith("rendered 15/15 frames (100.0%), "), reel.err());
    }

    @Test
    void aJsonScriptRendersToo() throws IOException {
        Path script = Files.writeString(dir.resolve("movie.json"), """
                {"width": 8, "height": 4, "fps": 10, "encoder": {"name": "raw"},
                 "sequences": [{"type": "test-gradient", "t": [0, 1]}, {"type": "test-gradient", "t": [1, 1.5]}]}
                """);
        Path out = dir.resolve("out.raw");
        assertEquals(0, reel.run("render", script.toString(), "-o", out.toString()), reel.err());
        List<RawFrame> frames = TestProviders.readRaw(out);
        assertEquals(15, frames.size());
        assertFrame(frameTimes().get(14), frames.get(14));
    }

    @Test
    void framesRendersOnlyTheRange() throws IOException {
        Path script = Files.writeString(dir.resolve("movie.yaml"), SCRIPT);
        Path out = dir.resolve("part.raw");
        assertEquals(0, reel.run("render", script.toString(), "--frames", "3:12", "-o", out.toString()), reel.err());
        List<RawFrame> frames = TestProviders.readRaw(out);
        List<Double> times = frameTimes();
        assertEquals(9, frames.size());
        for (int k = 0; k < frames.size(); k++) {
            assertEquals(3 + k, frames.get(k).index());
            assertFrame(times.get(3 + k), frames.get(k));
        }
        assertEquals(9, reel.providers.gradient.framesDrawn.get());
    }

    @Test
    void encoderOnTheCommandLineOverridesTheScript() throws IOException {
        Path script = Files.writeString(dir.resolve("movie.yaml"), SCRIPT.replace("name: raw", "name: offline"));
        assertEquals(0, reel.run("render", script.toString(), "--encoder", "raw"), reel.err());
        assertEquals(15, TestProviders.readRaw(dir.resolve("movie.raw")).size());
    }

    @Test
    void autoPicksTheAvailableEncoder() throws IOException {
        Path script = Files.writeString(dir.resolve("movie.yaml"), SCRIPT.replace("name: raw", "name: auto"));
        assertEquals(0, reel.run("render", script.toString()), reel.err());
        assertEquals(15, TestProviders.readRaw(dir.resolve("movie.raw")).size());
    }

    @Test
    void aFailureMidRenderLeavesNoOutputAndKeepsTheOlderFile() throws IOException {
        Path script = Files.writeString(dir.resolve("movie.yaml"), SCRIPT.replace("t: [0, 1]", "t: [0, 1]\n    fail-at: 0.5"));
        Path movie = dir.resolve("movie.raw");
        Files.writeString(movie, "an older movie");

        assertEquals(1, reel.run("render", script.toString()));
        assertEquals(script + ": frame 5 (sequence 1, test-gradient, t = 0.5000 s): paint failed at t = 0.5"
                + System.lineSeparator(), lastLine(reel.err()));
        assertEquals("an older movie", Files.readString(movie));
        assertEquals("[movie.raw, movie.yaml]", ReelHarness.list(dir), "the temporary file is gone");
        assertEquals(1, reel.providers.raw.aborted.get());
        assertEquals(0, reel.providers.raw.closed.get());
        assertTrue(!reel.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void ctrlCStopsTheRenderRemovesTheTemporaryFileAndKeepsTheOlderFile() throws Exception {
        Files.writeString(dir.resolve("db.testdb"), "");
        Path script = Files.writeString(dir.resolve("movie.yaml"),
                SCRIPT.replace("t: [0, 1]", "t: [0, 1]\n    db: db.testdb\n    block-at: 0.3"));
        Path movie = dir.resolve("movie.raw");
        Files.writeString(movie, "an older movie");

        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> reel.run("render", script.toString(),
                "--threads", "2"));
        assertTrue(reel.providers.gradient.blocked.await(30, TimeUnit.SECONDS), "the render reached frame 3");
        // What the shutdown hook does on Ctrl-C: cancel, then wait for the clean-up.
        CancelSignal.Cancellable target = reel.cancel.target.get();
        assertNotNull(target, "the render listens for Ctrl-C while it runs");
        // Frames are drawn as soon as the job starts, a moment before the command learns of the
        // job; a cancel in that moment is applied when it does, and would let more frames through.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!((RenderCommand.RenderRun) target).hasJob() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        target.cancel();
        assertEquals(1, listTemporary().size(), "the movie is being written under a temporary name");
        reel.providers.gradient.release.countDown();
        target.awaitCleanup(Duration.ofSeconds(30));

        assertEquals(130, status.get(30, TimeUnit.SECONDS));
        assertEquals("render cancelled; nothing was written to " + movie + System.lineSeparator(), lastLine(reel.err()));
        assertEquals("an older movie", Files.readString(movie));
        assertEquals("[db.testdb, movie.raw, movie.yaml]", ReelHarness.list(dir));
        assertEquals(1, reel.providers.raw.aborted.get());
        assertEquals(1, reel.providers.sources.closed.get(), "the frame source is closed");
        assertTrue(reel.providers.gradient.framesDrawn.get() < 15, "frames drawn: " + reel.providers.gradient.framesDrawn.get());
        assertEquals(null, reel.cancel.target.get(), "the command stopped listening for Ctrl-C");
    }

    @Test
    void frameSourcesAreSharedAndClosedAfterTheRender() throws IOException {
        Files.writeString(dir.resolve("db.testdb"), "");
        Path script = Files.writeString(dir.resolve("movie.yaml"), SCRIPT
                .replace("t: [0, 1]", "t: [0, 1]\n    db: db.testdb")
                .replace("t: [1, 1.5]", "t: [1, 1.5]\n    db: ./db.testdb"));
        assertEquals(0, reel.run("render", script.toString()), reel.err());
        assertEquals(1, reel.providers.sources.opened.get(), "one source for both sequences over one file");
        assertEquals(1, reel.providers.sources.closed.get());
    }

    @Test
    void anOutputInAMissingFolderIsAFailureNamingIt() throws IOException {
        Path script = Files.writeString(dir.resolve("movie.yaml"), SCRIPT);
        Path out = dir.resolve("no/such/folder/movie.raw");
        assertEquals(1, reel.run("render", script.toString(), "-o", out.toString()));
        assertEquals("cannot write " + out + ": the folder " + out.getParent() + " does not exist"
                + System.lineSeparator(), reel.err());
    }

    @Test
    void defaultOutputIsBesideTheScript() {
        assertEquals(Path.of("movies/zoom.mp4"), RenderCommand.defaultOutput(Path.of("movies/zoom.yaml"), "mp4"));
        assertEquals(Path.of("zoom.mov"), RenderCommand.defaultOutput(Path.of("zoom"), "mov"));
        assertArrayEquals(new int[] {0, 120}, RenderCommand.parseFrames("0:120"));
    }

    private List<Path> listTemporary() throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".reel-movie-")).toList();
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split(System.lineSeparator());
        return lines[lines.length - 1] + System.lineSeparator();
    }
}
