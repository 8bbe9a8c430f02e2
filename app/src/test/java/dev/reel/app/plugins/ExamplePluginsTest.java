package dev.reel.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.EncoderSettings;
import dev.reel.api.FrameSource;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Registry;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.api.spi.SequenceContext;
import dev.reel.api.spi.SequenceSpec;
import dev.reel.app.plugins.PluginInfo.Provided;
import dev.reel.app.plugins.PluginInfo.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plugins under examples/, as the reactor built them, dropped into a plugins directory. */
class ExamplePluginsTest {
    @TempDir
    Path dir;
    Path plugins;
    Path y4mJar;
    Path fadeJar;

    @BeforeEach
    void dropTheBuiltExamplesIntoAPluginsDirectory() throws IOException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        y4mJar = Files.copy(TestPlugins.exampleJar("encoder-plugin"), plugins.resolve("y4m.jar"));
        fadeJar = Files.copy(TestPlugins.exampleJar("sequence-plugin"), plugins.resolve("color-fade.jar"));
    }

    @Test
    void bothExamplesStartInTheirOwnLayersWithTheirProviders() {
        Plugins loaded = Plugins.load(new PluginsLocation(plugins, "test", true));
        String version = System.getProperty("reel.version");
        assertEquals(List.of(
                new PluginInfo("color-fade-sequence", version, State.STARTED, fadeJar, List.of(new Provided(
                        "sequence type", "color-fade", "the whole frame in one colour, fading from one colour to another")),
                        List.of()),
                new PluginInfo("y4m-encoder", version, State.STARTED, y4mJar, List.of(new Provided(
                        "encoder", "y4m", "uncompressed YUV4MPEG2 video (.y4m) for other tools to read")), List.of())),
                loaded.plugins());
        assertEquals(List.of(), loaded.warnings());

        Registry registry = loaded.registry();
        EncoderProvider y4m = registry.chooseEncoder("y4m");
        ModuleLayer layer = loaded.layer("y4m-encoder").orElseThrow();
        assertEquals(layer, y4m.getClass().getModule().getLayer());
        assertEquals("dev.reel.example.y4m", y4m.getClass().getModule().getName());
        assertEquals(List.of(ModuleLayer.boot()), layer.parents());
        assertEquals("y4m-encoder", registry.encoders().stream().filter(e -> e.name().equals("y4m"))
                .findFirst().orElseThrow().origin());
        assertTrue(ModuleLayer.boot().findModule("dev.reel.example.y4m").isEmpty(), "not on reel's module path");
    }

    /** A movie from the plugin sequence, encoded by the plugin encoder, read back and checked pixel by pixel. */
    @Test
    void aMovieMadeWithBothPluginsHasTheFadeItAskedFor() throws Exception {
        Registry registry = Plugins.load(new PluginsLocation(plugins, "test", true)).registry();
        VideoFormat format = new VideoFormat(6, 4, 10);
        SequenceContext context = new SequenceContext() {
            @Override
            public VideoFormat format() {
                return format;
            }

            @Override
            public FrameSource openSource(Map<String, Path> files) throws IOException {
                return registry.openSource(files);
            }
        };
        Sequence fade = registry.sequenceType("color-fade").create(new SequenceSpec("movie.yaml: sequences[0]", dir,
                Map.of("type", "color-fade", "start", 0, "end", 1, "from", "#000000", "to", "#ff8040")), context);
        Movie movie = new Movie(format, List.of(fade));
        EncoderProvider y4m = registry.chooseEncoder("y4m");
        Path out = dir.resolve("fade.y4m");
        y4m.check(EncoderSettings.DEFAULTS, format, out);
        OrderedRenderer.builder().threads(2).build().render(movie, y4m.open(out, EncoderSettings.DEFAULTS, format));
        assertFade(out);
    }

    /** The same movie from a script, by the real {@code reel render} command with the plugins directory. */
    @Test
    void reelRenderUsesBothPluginsFromAScript() throws Exception {
        Path script = Files.writeString(dir.resolve("movie.yaml"), """
                width: 6
                height: 4
                fps: 10
                encoder: {name: y4m}
                sequences:
                  - type: color-fade
                    start: 0
                    end: 1
                    from: "#000000"
                    to: "#ff8040"
                """);
        Path out = dir.resolve("fade.y4m");
        TestPlugins.Run run = TestPlugins.reel("render", script.toString(), "--plugins", plugins.toString(), "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("wrote " + out + ": frames 0:10"), run.out());
        assertFade(out);
    }

    /** A 6x4 y4m movie of 10 frames fading linearly from black to #ff8040 in one second. */
    private static void assertFade(Path out) throws IOException {
        byte[] file = Files.readAllBytes(out);
        String header = "YUV4MPEG2 W6 H4 F10:1 Ip A1:1 C420jpeg XCOLORRANGE=LIMITED\n";
        assertEquals(header, new String(file, 0, header.length(), StandardCharsets.US_ASCII));
        int frameBytes = "FRAME\n".length() + 6 * 4 + 2 * 3 * 2;
        assertEquals(header.length() + 10 * frameBytes, file.length);
        for (int i = 0; i < 10; i++) {
            int at = header.length() + i * frameBytes;
            assertEquals("FRAME\n", new String(file, at, 6, StandardCharsets.US_ASCII));
            int[] yuv = {file[at + 6] & 0xff, file[at + 6 + 24] & 0xff, file[at + 6 + 30] & 0xff};
            // Every pixel of a frame is the same colour: all Y, all U and all V bytes agree.
            for (int[] plane : new int[][] {{at + 6, 24}, {at + 30, 6}, {at + 36, 6}}) {
                for (int k = 1; k < plane[1]; k++) {
                    assertEquals(file[plane[0]], file[plane[0] + k], "frame " + i + " byte " + (plane[0] + k - at));
                }
            }
            // Back to RGB with the inverse BT.601 video-range matrix; the fade is linear in time.
            double f = i / 10.0;
            double[] expected = {255 * f, 128 * f, 64 * f};
            double y = 1.164383 * (yuv[0] - 16);
            double[] rgb = {y + 1.596027 * (yuv[2] - 128), y - 0.391762 * (yuv[1] - 128) - 0.812968 * (yuv[2] - 128),
                y + 2.017232 * (yuv[1] - 128)};
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[c], rgb[c], 2.5, "frame " + i + " channel " + c + " from YUV " + Arrays.toString(yuv));
            }
        }
    }

    @Test
    void reelPluginsListsThemInProcess() {
        TestPlugins.Run run = TestPlugins.reel("plugins", "--plugins", plugins.toString());
        String v = System.getProperty("reel.version");
        assertEquals(0, run.status(), run.err());
        assertEquals(String.join(System.lineSeparator(),
                "plugins in " + plugins + " (from --plugins):",
                "color-fade-sequence " + v + "  started  " + fadeJar,
                "    sequence type color-fade: the whole frame in one colour, fading from one colour to another",
                "y4m-encoder " + v + "  started  " + y4mJar,
                "    encoder y4m: uncompressed YUV4MPEG2 video (.y4m) for other tools to read", ""), run.out());
        assertEquals("", run.err());
    }

    @Test
    void reelPluginsListsThemInAChildJvmAsTheLauncherRunsIt() throws Exception {
        TestPlugins.Run run = TestPlugins.reelProcess(List.of(), "plugins", "--plugins", plugins.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("color-fade-sequence " + System.getProperty("reel.version") + "  started  " + fadeJar),
                run.out());
        assertTrue(run.out().contains("    encoder y4m: "), run.out());
        // PF4J logs through SLF4J: with its binding on the module path nothing reaches stderr.
        assertEquals("", run.err());
    }

    @Test
    void anExplicitDirectoryThatDoesNotExistIsAUsageError() {
        TestPlugins.Run run = TestPlugins.reel("plugins", "--plugins", dir.resolve("nowhere").toString());
        assertEquals(2, run.status(), run.out() + run.err());
        assertTrue(run.err().startsWith("plugins directory " + dir.resolve("nowhere") + " (from --plugins) does not exist"),
                run.err());
    }
}
