package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.EncoderSettings;
import dev.reel.api.EncoderSettings.Hardware;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.Availability;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.api.spi.UnsupportedSettingException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider's self-description and every refusal in check(), with the real natives. */
class FfmpegEncoderProviderTest {
    private static final FfmpegEncoderProvider PROVIDER = TestMovies.PROVIDER;
    private static final VideoFormat SD = new VideoFormat(720, 480, 30);
    private static final EncoderSettings H264 = EncoderSettings.DEFAULTS;

    @TempDir
    Path dir;

    private UnsupportedSettingException refused(EncoderSettings settings, VideoFormat format, String file) {
        Path out = dir.resolve(file);
        UnsupportedSettingException e = assertThrows(UnsupportedSettingException.class,
                () -> PROVIDER.check(settings, format, out));
        assertFalse(Files.exists(out), "check() must not touch the file");
        return e;
    }

    // --- self-description

    @Test
    void describesItself() {
        assertEquals("ffmpeg", PROVIDER.name());
        assertEquals(Availability.AVAILABLE, PROVIDER.availability());
        assertEquals(List.of("h264", "h265", "vp9", "av1", "prores", "ffv1", "gif"), List.copyOf(PROVIDER.codecs()));
        assertEquals("mp4", PROVIDER.defaultExtension("h264"));
        assertEquals("webm", PROVIDER.defaultExtension("vp9"));
        assertEquals("mov", PROVIDER.defaultExtension("prores"));
        assertEquals("mkv", PROVIDER.defaultExtension("ffv1"));
        assertEquals("gif", PROVIDER.defaultExtension("gif"));
    }

    @Test
    void isRegisteredAsAServiceBothWays() throws IOException {
        ModuleDescriptor descriptor = FfmpegEncoderProvider.class.getModule().getDescriptor();
        assertTrue(descriptor.provides().stream().anyMatch(p -> p.service().equals(EncoderProvider.class.getName())
                && p.providers().equals(List.of(FfmpegEncoderProvider.class.getName()))));
        try (InputStream in = FfmpegEncoderProvider.class.getModule()
                .getResourceAsStream("META-INF/services/" + EncoderProvider.class.getName())) {
            assertEquals(FfmpegEncoderProvider.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void everyCodecPassesTheCheckWithItsDefaults() {
        for (String codec : PROVIDER.codecs()) {
            Path out = dir.resolve("movie." + PROVIDER.defaultExtension(codec));
            PROVIDER.check(H264.withCodec(codec), SD, out);
            assertFalse(Files.exists(out));
        }
    }

    // --- the failures the issue names

    @Test
    void unknownOptionIsNamedWithASuggestion() {
        UnsupportedSettingException e = refused(H264.withOptions(Map.of("tunee", "film")), SD, "a.mp4");
        assertEquals("options.tunee", e.key());
        assertEquals("ffmpeg encoder: unknown option 'tunee' for libx264; did you mean 'tune'?", e.getMessage());
    }

    @Test
    void invalidOptionValueIsNamedWithTheAcceptedValues() {
        UnsupportedSettingException e = refused(H264.withCodec("vp9").withOptions(Map.of("deadline", "fast")), SD,
                "a.webm");
        assertEquals("options.deadline", e.key());
        assertTrue(e.getMessage().startsWith("ffmpeg encoder: invalid value 'fast' for option 'deadline' of libvpx-vp9: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; use best, good, realtime"), e.getMessage());

        e = refused(H264.withOptions(Map.of("tune", "filmm")), SD, "a.mp4");
        assertEquals("options.tune", e.key());
        assertEquals("ffmpeg encoder: invalid value 'filmm' for option 'tune' of libx264; use film, animation, grain, "
                + "stillimage, psnr, ssim, fastdecode, zerolatency", e.getMessage());

        e = refused(H264.withOptions(Map.of("bf", "-7")), SD, "a.mp4");
        assertEquals("options.bf", e.key());
        assertTrue(e.getMessage().contains("out of range") && e.getMessage().endsWith("; use -1 to 2147483647"),
                e.getMessage());
    }

    @Test
    void optionsTheEncoderWouldIgnoreAreRefused() {
        UnsupportedSettingException e = refused(H264.withOptions(Map.of("lowres", "1")), SD, "a.mp4");
        assertEquals("options.lowres", e.key());
        assertEquals("ffmpeg encoder: option 'lowres' is not a video encoding option, so libx264 would ignore it",
                e.getMessage());
        // x264-params only warns about what it cannot parse; reel refuses it.
        e = refused(H264.withOptions(Map.of("x264-params", "nonsense=3")), SD, "a.mp4");
        assertEquals("options.x264-params", e.key());
        assertTrue(e.getMessage().contains("Error parsing option 'nonsense = 3'"), e.getMessage());
        e = refused(H264.withCodec("h265").withOptions(Map.of("x265-params", "nonsense=3")), SD, "a.mp4");
        assertEquals("options.x265-params", e.key());
    }

    @Test
    void goodOptionsPass() {
        PROVIDER.check(H264.withOptions(Map.of("tune", "film", "bf", "2", "x264-params", "aq-mode=2")), SD,
                dir.resolve("a.mp4"));
        PROVIDER.check(H264.withCodec("prores").withOptions(Map.of("profile", "hq")), SD, dir.resolve("a.mov"));
    }

    @Test
    void settingsWithReelKeysAreRefusedAsOptions() {
        UnsupportedSettingException e = refused(H264.withOptions(Map.of("crf", "20")), SD, "a.mp4");
        assertEquals("options.crf", e.key());
        assertEquals("ffmpeg encoder: set crf with the encoder's own 'crf' key, not options.crf: reel translates it "
                + "for each encoder", e.getMessage());
        e = refused(H264.withCrf(20).withOptions(Map.of("b", "2M")), SD, "a.mp4");
        assertEquals("options.b", e.key());
    }

    @Test
    void unknownCodec() {
        UnsupportedSettingException e = refused(H264.withCodec("mpeg2"), SD, "a.mp4");
        assertEquals("codec", e.key());
        assertEquals("ffmpeg encoder: unknown codec 'mpeg2'; known: h264, h265, vp9, av1, prores, ffv1, gif",
                e.getMessage());
    }

    @Test
    void codecTheContainerCannotHold() {
        UnsupportedSettingException e = refused(H264.withCodec("vp9"), SD, "a.mov");
        assertEquals("codec", e.key());
        assertEquals("ffmpeg encoder: codec 'vp9' cannot be written to a .mov file; use .mp4, .mkv or .webm",
                e.getMessage());
    }

    @Test
    void hardwareRequiredWithoutADevice() {
        // No NVIDIA driver and no /dev/dri on the build machines: both hardware encoders fail.
        UnsupportedSettingException e = refused(H264.withHardware(Hardware.REQUIRED), SD, "a.mp4");
        assertEquals("hardware", e.key());
        assertTrue(e.getMessage().startsWith("ffmpeg encoder: hardware: required, but no hardware encoder for h264 "
                + "works here (h264_nvenc: "), e.getMessage());
        assertTrue(e.getMessage().contains("; h264_vaapi: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; use hardware: if-possible or disabled"), e.getMessage());

        e = refused(H264.withCodec("ffv1").withHardware(Hardware.REQUIRED), SD, "a.mkv");
        assertEquals("ffmpeg encoder: hardware: required, but codec 'ffv1' has no hardware encoder; use hardware: "
                + "if-possible or disabled", e.getMessage());
    }

    @Test
    void badFilters() {
        UnsupportedSettingException e = refused(H264.withFilters("nosuchfilter"), SD, "a.mp4");
        assertEquals("filters", e.key());
        assertTrue(e.getMessage().startsWith("ffmpeg encoder: FFmpeg refuses filters 'nosuchfilter': "), e.getMessage());
        assertTrue(e.getMessage().contains("No such filter: 'nosuchfilter'"), e.getMessage());

        e = refused(H264.withFilters("scale=320:240[,"), SD, "a.mp4");
        assertEquals("filters", e.key());
        assertTrue(e.getMessage().contains("Mismatched '['"), e.getMessage());
    }

    @Test
    void metadataTheContainerWouldDrop() {
        UnsupportedSettingException e = refused(H264.withMetadata(Map.of("foo", "x")), SD, "a.mp4");
        assertEquals("metadata.foo", e.key());
        assertTrue(e.getMessage().startsWith("ffmpeg encoder: a .mp4 file does not store metadata 'foo' (FFmpeg would "
                + "drop it); it stores title, artist,"), e.getMessage());
        e = refused(H264.withCodec("gif").withMetadata(Map.of("title", "x")), SD, "a.gif");
        assertEquals("metadata.title", e.key());
        PROVIDER.check(H264.withMetadata(Map.of("foo", "x")), SD, dir.resolve("a.mkv"));
    }

    @Test
    void oddSizesWith420AreAClearError() {
        UnsupportedSettingException e = refused(H264, new VideoFormat(721, 480, 30), "a.mp4");
        assertEquals("pixel-format", e.key());
        assertEquals("ffmpeg encoder: pixel-format 'yuv420p' needs an even width and height, but the movie is 721x480; "
                + "make the size even, add the filter 'pad=ceil(iw/2)*2:ceil(ih/2)*2' (a black edge), or use "
                + "pixel-format yuv444p", e.getMessage());
        // The filter the message suggests does make it work.
        PROVIDER.check(H264.withFilters("pad=ceil(iw/2)*2:ceil(ih/2)*2"), new VideoFormat(721, 481, 30),
                dir.resolve("a.mp4"));
        PROVIDER.check(H264.withPixelFormat("yuv444p"), new VideoFormat(721, 481, 30), dir.resolve("a.mp4"));
        // An odd size made by the filters is caught too.
        e = refused(H264.withFilters("scale=321:240"), SD, "a.mp4");
        assertTrue(e.getMessage().contains("but the filters' output is 321x240"), e.getMessage());
    }

    @Test
    void sizesTheEncoderCannotTakeAreRefusedByName() {
        UnsupportedSettingException e = refused(H264, new VideoFormat(16384, 16384, 30), "a.mp4");
        assertEquals("codec", e.key());
        assertTrue(e.getMessage().startsWith("ffmpeg encoder: libx264 cannot encode 16384x16384 yuv420p at 30 fps"),
                e.getMessage());
    }
}
