package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FfmpegCodecTest {

    @Test
    void namesAreTheOnesUsersKnowWithTheDefaultFirst() {
        assertEquals(List.of("h264", "h265", "vp9", "av1", "prores", "ffv1", "gif"), FfmpegCodec.names());
    }

    @ParameterizedTest
    @EnumSource(FfmpegCodec.class)
    void lookupByScriptNameFindsEachCodec(FfmpegCodec codec) {
        assertEquals(Optional.of(codec), FfmpegCodec.forName(codec.scriptName()));
        assertEquals(codec.scriptName(), codec.toString());
    }

    @Test
    void lookupIsByScriptNameOnlyNotByFfmpegEncoderName() {
        assertEquals(Optional.empty(), FfmpegCodec.forName("x264"));
        assertEquals(Optional.empty(), FfmpegCodec.forName("libx264"));
        assertEquals(Optional.empty(), FfmpegCodec.forName("hevc"));
        assertEquals(Optional.empty(), FfmpegCodec.forName("H264"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            h264   | libx264              | mp4  | yuv420p
            h265   | libx265              | mp4  | yuv420p
            vp9    | libvpx-vp9           | webm | yuv420p
            av1    | libsvtav1 libaom-av1 | mp4  | yuv420p
            prores | prores_ks            | mov  | yuv422p10le
            ffv1   | ffv1                 | mkv  | bgr0
            gif    | gif                  | gif  | rgb8
            """)
    void encodersAndDefaults(String name, String encoders, String extension, String pixelFormat) {
        FfmpegCodec codec = FfmpegCodec.forName(name).orElseThrow();
        assertEquals(List.of(encoders.split(" ")), codec.encoders());
        assertEquals(extension, codec.defaultExtension());
        assertEquals(extension, codec.defaultContainer().extension());
        assertEquals(pixelFormat, codec.defaultPixelFormat());
    }

    @ParameterizedTest
    @EnumSource(FfmpegCodec.class)
    void everyDefaultContainerHoldsItsCodec(FfmpegCodec codec) {
        assertTrue(codec.defaultContainer().holds(codec), codec + " in ." + codec.defaultExtension());
    }

    @ParameterizedTest
    @EnumSource(FfmpegCodec.class)
    void theDefaultPixelFormatIsOfferedAndListedFirst(FfmpegCodec codec) {
        assertTrue(codec.offersPixelFormat(codec.defaultPixelFormat()));
        assertEquals(codec.defaultPixelFormat(), codec.pixelFormats().get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            h264   | yuv420p yuv422p yuv444p
            h265   | yuv420p yuv422p yuv444p yuv420p10le
            vp9    | yuv420p yuv422p yuv444p
            av1    | yuv420p yuv420p10le
            prores | yuv422p10le yuv444p10le
            ffv1   | bgr0 yuv420p yuv422p yuv444p
            gif    | rgb8 pal8
            """)
    void pixelFormatsOffered(String name, String formats) {
        assertEquals(List.of(formats.split(" ")), FfmpegCodec.forName(name).orElseThrow().pixelFormats());
    }

    @Test
    void pixelFormatNamesAreFfmpegsAndCaseSensitive() {
        assertFalse(FfmpegCodec.H264.offersPixelFormat("YUV420P"));
        assertFalse(FfmpegCodec.FFV1.offersPixelFormat("rgb24"));
        assertFalse(FfmpegCodec.PRORES.offersPixelFormat("yuv420p"));
    }

    @ParameterizedTest
    @CsvSource({
        "h264, true, 0, 51",
        "h265, true, 0, 51",
        "vp9, true, 0, 63",
        "av1, true, 1, 63",
        "prores, false, 0, 0",
        "ffv1, false, 0, 0",
        "gif, false, 0, 0",
    })
    void crfRanges(String name, boolean hasCrf, int min, int max) {
        FfmpegCodec codec = FfmpegCodec.forName(name).orElseThrow();
        assertEquals(hasCrf, codec.hasCrf());
        assertEquals(min, codec.minCrf());
        assertEquals(max, codec.maxCrf());
        assertFalse(codec.acceptsCrf(max + 1));
        assertEquals(hasCrf, codec.acceptsCrf(22));
    }

    @Test
    void av1RefusesCrfZeroWhichSvtAv1ReadsAsUnset() {
        assertFalse(FfmpegCodec.AV1.acceptsCrf(0));
        assertTrue(FfmpegCodec.AV1.acceptsCrf(1));
        assertTrue(FfmpegCodec.H264.acceptsCrf(0));
    }

    @Test
    void x264AndX265ShareTheirPresetsFastestFirst() {
        List<String> x26x = List.of("ultrafast", "superfast", "veryfast", "faster", "fast",
                "medium", "slow", "slower", "veryslow", "placebo");
        assertEquals(x26x, FfmpegCodec.H264.presets());
        assertEquals(x26x, FfmpegCodec.H265.presets());
        assertTrue(FfmpegCodec.H264.acceptsPreset("medium"));
        assertFalse(FfmpegCodec.H264.acceptsPreset("Medium"));
    }

    @Test
    void svtAv1PresetsAreNumbersThirteenToZero() {
        assertEquals(List.of("13", "12", "11", "10", "9", "8", "7", "6", "5", "4", "3", "2", "1", "0"),
                FfmpegCodec.AV1.presets());
        assertFalse(FfmpegCodec.AV1.acceptsPreset("14"));
        assertFalse(FfmpegCodec.AV1.acceptsPreset("-1"));
        assertFalse(FfmpegCodec.AV1.acceptsPreset("medium"));
    }

    @ParameterizedTest
    @EnumSource(value = FfmpegCodec.class, names = {"VP9", "PRORES", "FFV1", "GIF"})
    void codecsWithoutPresets(FfmpegCodec codec) {
        assertEquals(List.of(), codec.presets());
        assertFalse(codec.acceptsPreset("medium"));
    }

    @Test
    void keyframeIntervalAppliesToEveryCodecButIntraOnlyProresAndGif() {
        assertEquals(List.of("h264", "h265", "vp9", "av1", "ffv1"),
                Arrays.stream(FfmpegCodec.values()).filter(FfmpegCodec::hasKeyframeInterval)
                        .map(FfmpegCodec::scriptName).toList());
    }
}
