package dev.reel.encoder.jcodec;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.EncoderSettings;
import dev.reel.api.EncoderSettings.Hardware;
import dev.reel.api.Registry;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.UnsupportedSettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JcodecEncoderProviderTest {
    private static final VideoFormat FORMAT = new VideoFormat(320, 240, 30);
    private static final Path OUT = Path.of("movie.mp4");
    private final JcodecEncoderProvider provider = new JcodecEncoderProvider();

    @Test
    void describesItselfAndIsFoundAsABuiltInEncoder() {
        assertAll(
                () -> assertEquals("jcodec", provider.name()),
                () -> assertTrue(provider.availability().available()),
                () -> assertEquals(Set.of("h264"), provider.codecs()),
                () -> assertEquals("mp4", provider.defaultExtension("h264")),
                () -> assertFalse(provider.description().isBlank()),
                () -> assertInstanceOf(JcodecEncoderProvider.class, Registry.builtIn().encoder("jcodec")));
    }

    @Test
    void defaultsAreResolved() {
        JcodecPlan plan = JcodecEncoderProvider.plan(EncoderSettings.DEFAULTS, new VideoFormat(640, 360, 29.97), OUT);
        assertAll(
                () -> assertEquals(22, plan.crf()),
                () -> assertEquals(22, plan.qp()),
                () -> assertEquals(30, plan.keyframeInterval(), "the frame rate, rounded"),
                () -> assertEquals(Runtime.getRuntime().availableProcessors(), plan.threads()),
                () -> assertEquals(ColorMatrix.BT601, plan.matrix(), "below 1280x720"),
                () -> assertEquals(new FrameRate(2997, 100), plan.frameRate()),
                () -> assertFalse(plan.exactReference()),
                () -> assertTrue(plan.metadata().isEmpty()));
        assertEquals(ColorMatrix.BT709,
                JcodecEncoderProvider.plan(EncoderSettings.DEFAULTS, new VideoFormat(1280, 720, 25), OUT).matrix());
        assertEquals(13, JcodecEncoderProvider.plan(EncoderSettings.DEFAULTS, new VideoFormat(64, 64, 12.5), OUT)
                .keyframeInterval(), "12.5 rounds to 13");
        assertEquals(1, JcodecEncoderProvider.plan(EncoderSettings.DEFAULTS, new VideoFormat(64, 64, 0.2), OUT)
                .keyframeInterval(), "at least every frame");
    }

    @Test
    void crfIsTheQuantiserFrom10To39() {
        for (int crf = 0; crf <= 51; crf++) {
            JcodecPlan plan = JcodecEncoderProvider.plan(EncoderSettings.DEFAULTS.withCrf(crf), FORMAT, OUT);
            assertEquals(crf < 10 ? 10 : Math.min(crf, 39), plan.qp(), "crf " + crf);
        }
    }

    @Test
    void acceptsWhatItCanHonour() {
        EncoderSettings settings = EncoderSettings.DEFAULTS.withCrf(18).withPixelFormat("yuv420p").withPreset("veryslow")
                .withKeyframeInterval(48).withHardware(Hardware.IF_POSSIBLE).withFilters("  ")
                .withOptions(Map.of("threads", "3", "color-matrix", "bt709", "exact-reference", "true"))
                .withMetadata(Map.of("title", "Zoom", "Comment", "made with reel", "copyright", "(c) me"));
        JcodecPlan plan = JcodecEncoderProvider.plan(settings, FORMAT, Path.of("dir.with.dots", "MOVIE.MP4"));
        assertAll(
                () -> assertEquals(18, plan.qp()),
                () -> assertEquals(48, plan.keyframeInterval()),
                () -> assertEquals(3, plan.threads()),
                () -> assertEquals(ColorMatrix.BT709, plan.matrix()),
                () -> assertTrue(plan.exactReference()),
                () -> assertEquals(List.of(Mp4MetadataKey.TITLE, Mp4MetadataKey.COMMENT, Mp4MetadataKey.COPYRIGHT),
                        List.copyOf(plan.metadata().keySet()), "written in a fixed order"));
        for (String preset : JcodecPlan.PRESETS) {
            assertDoesNotThrow(() -> provider.check(EncoderSettings.DEFAULTS.withPreset(preset), FORMAT, OUT));
        }
    }

    static Stream<Arguments> refusals() {
        EncoderSettings d = EncoderSettings.DEFAULTS;
        return Stream.of(
                Arguments.of(d.withCodec("h265"), FORMAT, OUT, "codec", "codec 'h265'", "h264"),
                Arguments.of(d, FORMAT, Path.of("movie.mkv"), "output", "'movie.mkv'", ".mp4"),
                Arguments.of(d, FORMAT, Path.of("movie"), "output", "'movie'", ".mp4"),
                Arguments.of(d.withPixelFormat("yuv444p"), FORMAT, OUT, "pixel-format", "'yuv444p'", "yuv420p"),
                Arguments.of(d, new VideoFormat(721, 480, 30), OUT, "pixel-format", "721x480", "even"),
                Arguments.of(d, new VideoFormat(720, 481, 30), OUT, "pixel-format", "720x481", "even"),
                Arguments.of(d, new VideoFormat(20000, 20000, 30), OUT, "codec", "20000x20000", "139264 macroblocks"),
                Arguments.of(d, new VideoFormat(64, 64, 1e12), OUT, "fps", "1.0E12", "time scale"),
                Arguments.of(d.withPreset("turbo"), FORMAT, OUT, "preset", "'turbo'", "veryslow"),
                Arguments.of(d.withOptions(Map.of("tune", "film")), FORMAT, OUT, "options.tune", "'tune'", "threads"),
                Arguments.of(d.withOptions(Map.of("threads", "0")), FORMAT, OUT, "options.threads", "'0'", "1 to 1024"),
                Arguments.of(d.withOptions(Map.of("threads", "two")), FORMAT, OUT, "options.threads", "'two'", "1 to 1024"),
                Arguments.of(d.withOptions(Map.of("color-matrix", "bt2020")), FORMAT, OUT, "options.color-matrix",
                        "'bt2020'", "bt601"),
                Arguments.of(d.withOptions(Map.of("exact-reference", "yes")), FORMAT, OUT, "options.exact-reference",
                        "'yes'", "true or false"),
                Arguments.of(d.withMetadata(Map.of("rating", "5")), FORMAT, OUT, "metadata.rating", "'rating'", "title"),
                Arguments.of(d.withMetadata(Map.of("title", "a", "TITLE", "b")), FORMAT, OUT, "metadata.title",
                        "'title'", "twice"),
                Arguments.of(d.withHardware(Hardware.REQUIRED), FORMAT, OUT, "hardware", "required", "software"),
                Arguments.of(d.withFilters("scale=640:-2"), FORMAT, OUT, "filters", "filter", "ffmpeg encoder"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWhatItCannotHonourWithTheKeyAndWhatItAccepts(EncoderSettings settings, VideoFormat format,
            Path output, String key, String names, String accepts) {
        UnsupportedSettingException e = assertThrows(UnsupportedSettingException.class,
                () -> provider.check(settings, format, output));
        assertAll(
                () -> assertEquals(key, e.key()),
                () -> assertTrue(e.getMessage().startsWith("jcodec encoder: "), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(names), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(accepts), e.getMessage()),
                () -> assertFalse(e.getMessage().contains("\n"), "one line"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"movie.mkv", "odd"})
    void openRefusesBeforeTouchingTheFile(String name, @TempDir Path dir) {
        Path output = dir.resolve(name.equals("odd") ? "odd.mp4" : name);
        VideoFormat format = name.equals("odd") ? new VideoFormat(99, 64, 30) : FORMAT;
        assertThrows(UnsupportedSettingException.class, () -> provider.open(output, EncoderSettings.DEFAULTS, format));
        assertFalse(Files.exists(output));
    }
}
