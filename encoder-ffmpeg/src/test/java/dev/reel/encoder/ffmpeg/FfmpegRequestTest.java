package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.EncoderSettings;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.UnsupportedSettingException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FfmpegRequestTest {

    private static FfmpegRequest request(String codec, String file) {
        return FfmpegRequest.of(codec, Path.of(file));
    }

    private static void assertRefused(FfmpegRequest request, String key, String message) {
        UnsupportedSettingException e = assertThrows(UnsupportedSettingException.class, request::validate);
        assertEquals(key, e.key());
        assertEquals(message, e.getMessage());
    }

    // --- what a valid request resolves to

    @Test
    void h264ToMp4WithEveryDefault() {
        FfmpegPlan plan = request("h264", "out.mp4").validate();
        assertEquals(new FfmpegPlan(FfmpegCodec.H264, Container.MP4, "yuv420p", OptionalInt.of(22),
                Optional.empty(), 0), plan);
        assertEquals("mp4", plan.muxer());
    }

    @Test
    void proresToMovGetsItsOwnPixelFormatAndNoCrf() {
        FfmpegPlan plan = request("prores", "edit.mov").validate();
        assertEquals(new FfmpegPlan(FfmpegCodec.PRORES, Container.MOV, "yuv422p10le", OptionalInt.empty(),
                Optional.empty(), 0), plan);
    }

    @Test
    void explicitSettingsAreKept() {
        FfmpegPlan plan = request("h265", "out.MKV").withPixelFormat("yuv420p10le").withCrf(18)
                .withPreset("slow").withKeyframeInterval(120).validate();
        assertEquals(new FfmpegPlan(FfmpegCodec.H265, Container.MKV, "yuv420p10le", OptionalInt.of(18),
                Optional.of("slow"), 120), plan);
        assertEquals("matroska", plan.muxer());
    }

    @Test
    void av1TakesSvtAv1PresetNumbers() {
        FfmpegPlan plan = request("av1", "out.webm").withPreset("8").validate();
        assertEquals(Container.WEBM, plan.container());
        assertEquals(Optional.of("8"), plan.preset());
        assertEquals(OptionalInt.of(22), plan.crf());
    }

    @ParameterizedTest
    @EnumSource(FfmpegCodec.class)
    void everyCodecValidatesWithDefaultsInItsDefaultContainer(FfmpegCodec codec) {
        FfmpegPlan plan = request(codec.scriptName(), "movie." + codec.defaultExtension()).validate();
        assertEquals(codec, plan.codec());
        assertEquals(codec.defaultContainer(), plan.container());
        assertEquals(codec.defaultPixelFormat(), plan.pixelFormat());
    }

    /** Every pair of the table, through the validation: accepted, or refused on the key codec. */
    @ParameterizedTest
    @CsvSource({
        "h264, mp4, true", "h264, mov, true", "h264, mkv, true", "h264, webm, false", "h264, gif, false",
        "h265, mp4, true", "h265, mov, true", "h265, mkv, true", "h265, webm, false", "h265, gif, false",
        "vp9, mp4, true", "vp9, mov, false", "vp9, mkv, true", "vp9, webm, true", "vp9, gif, false",
        "av1, mp4, true", "av1, mov, false", "av1, mkv, true", "av1, webm, true", "av1, gif, false",
        "prores, mp4, false", "prores, mov, true", "prores, mkv, true", "prores, webm, false", "prores, gif, false",
        "ffv1, mp4, false", "ffv1, mov, false", "ffv1, mkv, true", "ffv1, webm, false", "ffv1, gif, false",
        "gif, mp4, false", "gif, mov, false", "gif, mkv, false", "gif, webm, false", "gif, gif, true",
    })
    void containerAndCodecPairs(String codec, String extension, boolean accepted) {
        FfmpegRequest r = request(codec, "movie." + extension);
        if (accepted) {
            assertEquals(extension, r.validate().container().extension());
        } else {
            UnsupportedSettingException e = assertThrows(UnsupportedSettingException.class, r::validate);
            assertEquals("codec", e.key());
        }
    }

    // --- the errors, word for word

    @Test
    void unknownCodecListsTheKnownOnes() {
        assertRefused(request("x264", "out.mp4"), "codec",
                "ffmpeg encoder: unknown codec 'x264'; known: h264, h265, vp9, av1, prores, ffv1, gif");
    }

    @Test
    void theCodecIsCheckedBeforeTheFile() {
        assertRefused(request("hevc", "out.avi"), "codec",
                "ffmpeg encoder: unknown codec 'hevc'; known: h264, h265, vp9, av1, prores, ffv1, gif");
    }

    @Test
    void unknownExtensionListsTheKnownOnes() {
        assertRefused(request("h264", "movie.avi"), "output",
                "ffmpeg encoder: unknown output extension '.avi' in 'movie.avi'; known: .mp4, .mov, .mkv, .webm, .gif");
    }

    @Test
    void unknownExtensionIsQuotedAsWritten() {
        assertRefused(request("h264", "renders/MOVIE.M4V"), "output",
                "ffmpeg encoder: unknown output extension '.M4V' in 'MOVIE.M4V'; known: .mp4, .mov, .mkv, .webm, .gif");
    }

    @Test
    void aFileWithoutExtensionIsToldWhatFitsItsCodec() {
        assertRefused(FfmpegRequest.of("prores", Path.of("renders.v2", "movie")), "output",
                "ffmpeg encoder: output file 'movie' has no extension to choose its format by; "
                        + "for codec 'prores' use .mov or .mkv");
    }

    @Test
    void proresCannotGoToMp4() {
        assertRefused(request("prores", "out.mp4"), "codec",
                "ffmpeg encoder: codec 'prores' cannot be written to a .mp4 file; use .mov or .mkv");
    }

    @Test
    void incompatiblePairsListEveryContainerThatFits() {
        assertRefused(request("h264", "out.webm"), "codec",
                "ffmpeg encoder: codec 'h264' cannot be written to a .webm file; use .mp4, .mov or .mkv");
        assertRefused(request("gif", "OUT.MKV"), "codec",
                "ffmpeg encoder: codec 'gif' cannot be written to a .mkv file; use .gif");
        assertRefused(request("vp9", "out.mov"), "codec",
                "ffmpeg encoder: codec 'vp9' cannot be written to a .mov file; use .mp4, .mkv or .webm");
    }

    @Test
    void badPixelFormatListsTheCodecsOwn() {
        assertRefused(request("h264", "out.mp4").withPixelFormat("yuv420p10le"), "pixel-format",
                "ffmpeg encoder: pixel-format 'yuv420p10le' is not offered for codec 'h264'; "
                        + "use yuv420p, yuv422p or yuv444p");
        assertRefused(request("prores", "out.mov").withPixelFormat("yuv420p"), "pixel-format",
                "ffmpeg encoder: pixel-format 'yuv420p' is not offered for codec 'prores'; "
                        + "use yuv422p10le or yuv444p10le");
    }

    @Test
    void crfOnProresIsRefusedWithWhatSetsItsQuality() {
        assertRefused(request("prores", "out.mov").withCrf(22), "crf",
                "ffmpeg encoder: codec 'prores' takes no crf (its quality follows options.profile: "
                        + "proxy, lt, standard, hq, 4444 or 4444xq); crf applies to h264, h265, vp9 and av1");
    }

    @Test
    void crfOnLosslessCodecsIsRefused() {
        assertRefused(request("ffv1", "out.mkv").withCrf(0), "crf",
                "ffmpeg encoder: codec 'ffv1' takes no crf (it is lossless); crf applies to h264, h265, vp9 and av1");
        assertRefused(request("gif", "out.gif").withCrf(10), "crf",
                "ffmpeg encoder: codec 'gif' takes no crf (GIF has no quality setting); "
                        + "crf applies to h264, h265, vp9 and av1");
    }

    @Test
    void crfOutOfTheCodecsRange() {
        assertRefused(request("av1", "out.mp4").withCrf(0), "crf",
                "ffmpeg encoder: crf 0 is out of range for codec 'av1'; use 1 to 63");
        assertRefused(request("h264", "out.mp4").withCrf(52), "crf",
                "ffmpeg encoder: crf 52 is out of range for codec 'h264'; use 0 to 51");
    }

    @Test
    void presetOnVp9PointsToLibvpxsOwnOptions() {
        assertRefused(request("vp9", "out.webm").withPreset("medium"), "preset",
                "ffmpeg encoder: codec 'vp9' takes no preset (libvpx sets its speed with options.deadline: "
                        + "good, best or realtime, and options.cpu-used); preset applies to h264, h265 and av1");
    }

    @Test
    void presetOnProresIsRefused() {
        assertRefused(request("prores", "out.mov").withPreset("fast"), "preset",
                "ffmpeg encoder: codec 'prores' takes no preset; preset applies to h264, h265 and av1");
    }

    @Test
    void unknownPresetListsTheCodecsOwn() {
        assertRefused(request("h264", "out.mp4").withPreset("fastest"), "preset",
                "ffmpeg encoder: unknown preset 'fastest' for codec 'h264'; use ultrafast, superfast, "
                        + "veryfast, faster, fast, medium, slow, slower, veryslow or placebo");
        assertRefused(request("av1", "out.mkv").withPreset("medium"), "preset",
                "ffmpeg encoder: unknown preset 'medium' for codec 'av1'; use 13, 12, 11, 10, 9, 8, 7, 6, "
                        + "5, 4, 3, 2, 1 or 0");
    }

    @Test
    void keyframeIntervalOnIntraOnlyProresIsRefused() {
        assertRefused(request("prores", "out.mov").withKeyframeInterval(60), "keyframe-interval",
                "ffmpeg encoder: codec 'prores' takes no keyframe-interval (every ProRes frame is a key frame); "
                        + "keyframe-interval applies to h264, h265, vp9, av1 and ffv1");
    }

    @Test
    void keyframeIntervalZeroMeansTheEncodersDefaultAndFitsEveryCodec() {
        assertEquals(0, request("gif", "out.gif").withKeyframeInterval(0).validate().keyframeInterval());
    }

    @Test
    void negativeKeyframeIntervalIsAProgrammingError() {
        FfmpegRequest r = request("h264", "out.mp4");
        assertThrows(IllegalArgumentException.class, () -> r.withKeyframeInterval(-1));
    }

    // --- from a movie script's EncoderSettings

    @Test
    void defaultSettingsWithProresAreNotAnError() {
        FfmpegPlan plan = FfmpegRequest.fromSettings(EncoderSettings.DEFAULTS.withCodec("prores"),
                Path.of("out.mov")).validate();
        assertEquals("yuv422p10le", plan.pixelFormat());
        assertEquals(OptionalInt.empty(), plan.crf());
    }

    @Test
    void anExplicitDefaultValueStillCountsAsSet() {
        FfmpegRequest r = FfmpegRequest.fromSettings(EncoderSettings.DEFAULTS.withCodec("prores").withCrf(22),
                Path.of("out.mov"));
        assertRefused(r, "crf", "ffmpeg encoder: codec 'prores' takes no crf (its quality follows "
                + "options.profile: proxy, lt, standard, hq, 4444 or 4444xq); crf applies to h264, h265, vp9 and av1");
        FfmpegPlan yuv = FfmpegRequest.fromSettings(EncoderSettings.DEFAULTS.withCodec("ffv1").withPixelFormat("yuv420p"),
                Path.of("archive.mkv")).validate();
        assertEquals("yuv420p", yuv.pixelFormat());
    }

    @Test
    void settingsThatDifferFromTheDefaultsCountAsSet() {
        FfmpegRequest r = FfmpegRequest.fromSettings(EncoderSettings.DEFAULTS.withCodec("prores")
                .withCrf(30).withPreset("hq").withKeyframeInterval(12), Path.of("out.mov"));
        assertEquals(new FfmpegRequest("prores", Path.of("out.mov"), Optional.empty(), OptionalInt.of(30),
                Optional.of("hq"), 12), r);
        assertRefused(r, "crf", "ffmpeg encoder: codec 'prores' takes no crf (its quality follows "
                + "options.profile: proxy, lt, standard, hq, 4444 or 4444xq); crf applies to h264, h265, vp9 and av1");
    }

    @Test
    void defaultSettingsGiveH264WithCrf22() {
        FfmpegPlan plan = FfmpegRequest.fromSettings(EncoderSettings.DEFAULTS, Path.of("zoom.mp4")).validate();
        assertEquals(new FfmpegPlan(FfmpegCodec.H264, Container.MP4, "yuv420p", OptionalInt.of(22),
                Optional.empty(), 0), plan);
    }

    @Test
    void ffv1ByDefaultKeepsRgbFramesExact() {
        FfmpegPlan plan = FfmpegRequest.fromSettings(EncoderSettings.DEFAULTS.withCodec("ffv1"),
                Path.of("archive.mkv")).validate();
        assertEquals("bgr0", plan.pixelFormat());
    }

    // --- frame size against chroma subsampling

    @Test
    void oddSizesAreRefusedForSubsampledFormats() {
        FfmpegPlan plan = request("h264", "out.mp4").validate();
        UnsupportedSettingException e = assertThrows(UnsupportedSettingException.class,
                () -> plan.checkFrameSize(new VideoFormat(721, 480, 30)));
        assertEquals("pixel-format", e.key());
        assertEquals("ffmpeg encoder: pixel-format 'yuv420p' needs an even width and height, but the movie "
                + "is 721x480; make the size even, add the filter 'pad=ceil(iw/2)*2:ceil(ih/2)*2' (a black edge), "
                + "or use pixel-format yuv444p", e.getMessage());
    }

    @Test
    void yuv422NeedsAnEvenWidthOnly() {
        FfmpegPlan plan = request("prores", "out.mov").validate();
        plan.checkFrameSize(new VideoFormat(720, 481, 24));
        UnsupportedSettingException e = assertThrows(UnsupportedSettingException.class,
                () -> plan.checkFrameSize(new VideoFormat(719, 480, 24)));
        assertEquals("ffmpeg encoder: pixel-format 'yuv422p10le' needs an even width, but the movie "
                + "is 719x480; make the size even, add the filter 'pad=ceil(iw/2)*2:ih' (a black edge), "
                + "or use pixel-format yuv444p10le", e.getMessage());
    }

    @Test
    void av1HasNoFullChromaFormatToSuggest() {
        FfmpegPlan plan = request("av1", "out.mp4").validate();
        UnsupportedSettingException e = assertThrows(UnsupportedSettingException.class,
                () -> plan.checkFrameSize(new VideoFormat(640, 361, 30)));
        assertEquals("ffmpeg encoder: pixel-format 'yuv420p' needs an even width and height, but the movie "
                + "is 640x361; make the size even, or add the filter 'pad=ceil(iw/2)*2:ceil(ih/2)*2' (a black edge)",
                e.getMessage());
    }

    @Test
    void fullChromaFormatsTakeAnySize() {
        request("h264", "out.mp4").withPixelFormat("yuv444p").validate()
                .checkFrameSize(new VideoFormat(721, 481, 30));
        request("ffv1", "out.mkv").validate().checkFrameSize(new VideoFormat(721, 481, 30));
        request("gif", "out.gif").validate().checkFrameSize(new VideoFormat(101, 99, 10));
    }
}
