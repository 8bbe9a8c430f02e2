package dev.reel.encoder.ffmpeg;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The codecs the ffmpeg encoder writes, by the names users put in a movie script
 * ({@code codec: h264}), with what each one accepts.
 *
 * <p>This is a catalogue, not a probe: it says what reel offers for each codec, chosen so that
 * every combination it accepts works with the FFmpeg 8 build reel ships. The native encoder still
 * asks FFmpeg which of {@link #encoders()} it has when it opens a file.
 *
 * <p>Pixel formats are FFmpeg's own names ({@code yuv420p}, {@code yuv422p10le}, {@code bgr0}...),
 * so what a script says is what FFmpeg is told.
 */
public enum FfmpegCodec {

    /** H.264 through x264: plays everywhere. The default codec. */
    H264("h264", List.of("libx264"), "mp4",
            List.of("yuv420p", "yuv422p", "yuv444p"), "yuv420p",
            0, 51, "", Presets.X26X, "", true, ""),

    /** H.265 (HEVC) through x265: smaller files than H.264, slower to write and to decode. */
    H265("h265", List.of("libx265"), "mp4",
            List.of("yuv420p", "yuv422p", "yuv444p", "yuv420p10le"), "yuv420p",
            0, 51, "", Presets.X26X, "", true, ""),

    /** VP9 through libvpx: the open web codec, written to WebM by default. */
    VP9("vp9", List.of("libvpx-vp9"), "webm",
            List.of("yuv420p", "yuv422p", "yuv444p"), "yuv420p",
            0, 63, "", List.of(),
            "libvpx sets its speed with options.deadline: good, best or realtime, "
                    + "and options.cpu-used",
            true, ""),

    /**
     * AV1 through SVT-AV1, or libaom when SVT-AV1 is missing. Crf starts at 1 because SVT-AV1
     * reads crf 0 as "not set" and would silently use its own default quality.
     */
    AV1("av1", List.of("libsvtav1", "libaom-av1"), "mp4",
            List.of("yuv420p", "yuv420p10le"), "yuv420p",
            1, 63, "", Presets.SVT_AV1, "", true, ""),

    /** Apple ProRes through prores_ks: intra-only, for editing; written to QuickTime by default. */
    PRORES("prores", List.of("prores_ks"), "mov",
            List.of("yuv422p10le", "yuv444p10le"), "yuv422p10le",
            0, 0, "its quality follows options.profile: proxy, lt, standard, hq, 4444 or 4444xq",
            List.of(), "", false, "every ProRes frame is a key frame"),

    /**
     * FFV1, lossless: written to Matroska by default. Its default pixel format {@code bgr0} keeps
     * reel's 8-bit RGB frames bit for bit; the YUV formats are lossless only after the colour
     * conversion.
     */
    FFV1("ffv1", List.of("ffv1"), "mkv",
            List.of("bgr0", "yuv420p", "yuv422p", "yuv444p"), "bgr0",
            0, 0, "it is lossless", List.of(), "", true, ""),

    /**
     * Animated GIF: 256 colours at most, written to {@code .gif} only. {@code rgb8} is a fixed
     * 3-3-2 colour cube; {@code pal8} gives each frame its own palette of the 256 colours that suit
     * it best (FFmpeg's palettegen and paletteuse filters), and looks far better. GIF times frames
     * in hundredths of a second, so 25 or 50 fps play exactly and 30 fps plays at 33.3.
     */
    GIF("gif", List.of("gif"), "gif",
            List.of("rgb8", "pal8"), "rgb8",
            0, 0, "GIF has no quality setting", List.of(), "", false,
            "GIF frames have no key frames");

    private final String scriptName;
    private final List<String> encoders;
    private final String defaultExtension;
    private final List<String> pixelFormats;
    private final String defaultPixelFormat;
    private final int minCrf;
    private final int maxCrf;
    private final String whyNoCrf;
    private final List<String> presets;
    private final String whyNoPreset;
    private final boolean keyframeInterval;
    private final String whyNoKeyframeInterval;

    // minCrf == maxCrf == 0 means "no crf"; the why-not texts complete the error messages.
    FfmpegCodec(String scriptName, List<String> encoders, String defaultExtension,
            List<String> pixelFormats, String defaultPixelFormat, int minCrf, int maxCrf,
            String whyNoCrf, List<String> presets, String whyNoPreset, boolean keyframeInterval,
            String whyNoKeyframeInterval) {
        this.scriptName = scriptName;
        this.encoders = encoders;
        this.defaultExtension = defaultExtension;
        this.pixelFormats = pixelFormats;
        this.defaultPixelFormat = defaultPixelFormat;
        this.minCrf = minCrf;
        this.maxCrf = maxCrf;
        this.whyNoCrf = whyNoCrf;
        this.presets = presets;
        this.whyNoPreset = whyNoPreset;
        this.keyframeInterval = keyframeInterval;
        this.whyNoKeyframeInterval = whyNoKeyframeInterval;
    }

    /** The name scripts use: {@code h264}, {@code h265}, {@code vp9}, {@code av1}, {@code prores}, {@code ffv1}, {@code gif}. */
    public String scriptName() {
        return scriptName;
    }

    /** FFmpeg's encoder names for this codec, the preferred one first; never empty. */
    public List<String> encoders() {
        return encoders;
    }

    /** The extension, without the dot, of the container this codec is written to by default. */
    public String defaultExtension() {
        return defaultExtension;
    }

    /** The container this codec is written to by default; it always {@link Container#holds holds} it. */
    public Container defaultContainer() {
        // Looked up rather than stored: the two enums refer to each other.
        return Container.forExtension(defaultExtension).orElseThrow();
    }

    /** The pixel formats offered, by FFmpeg's names, the default first. */
    public List<String> pixelFormats() {
        return pixelFormats;
    }

    /** The pixel format used when the movie does not choose one. */
    public String defaultPixelFormat() {
        return defaultPixelFormat;
    }

    /** Whether this codec offers a pixel format, by FFmpeg's name (case-sensitive, as FFmpeg's). */
    public boolean offersPixelFormat(String pixelFormat) {
        return pixelFormats.contains(pixelFormat);
    }

    /** Whether a constant rate factor sets this codec's quality. */
    public boolean hasCrf() {
        return maxCrf > 0;
    }

    /** The smallest crf accepted; 0 when the codec has no crf. */
    public int minCrf() {
        return minCrf;
    }

    /** The largest crf accepted; 0 when the codec has no crf. */
    public int maxCrf() {
        return maxCrf;
    }

    /** Whether this codec takes this crf. */
    public boolean acceptsCrf(int crf) {
        return hasCrf() && crf >= minCrf && crf <= maxCrf;
    }

    /**
     * The presets of the preferred encoder, fastest first; empty when the codec has none. For
     * {@link #AV1} these are SVT-AV1's numbers, {@code 0} (slowest) to {@code 13} (fastest), the
     * reverse order of x264's names.
     */
    public List<String> presets() {
        return presets;
    }

    /** Whether this codec has this preset (case-sensitive, as FFmpeg's). */
    public boolean acceptsPreset(String preset) {
        return presets.contains(preset);
    }

    /** Whether the movie may choose the number of frames between key frames. */
    public boolean hasKeyframeInterval() {
        return keyframeInterval;
    }

    /** Why there is no crf, for error messages; empty when there is one. */
    String whyNoCrf() {
        return whyNoCrf;
    }

    /** Why there is no preset, for error messages; may be empty. */
    String whyNoPreset() {
        return whyNoPreset;
    }

    /** Why there is no keyframe interval, for error messages; empty when there is one. */
    String whyNoKeyframeInterval() {
        return whyNoKeyframeInterval;
    }

    /**
     * The codec scripts call {@code name}, exactly as written (names are lower case).
     *
     * @return empty for an unknown name, such as an FFmpeg encoder name like {@code libx264}
     */
    public static Optional<FfmpegCodec> forName(String name) {
        return Arrays.stream(values()).filter(c -> c.scriptName.equals(name)).findFirst();
    }

    /** Every codec's script name, in this catalogue's order (the default first). */
    public static List<String> names() {
        return Arrays.stream(values()).map(FfmpegCodec::scriptName).toList();
    }

    @Override
    public String toString() {
        return scriptName;
    }

    /** Preset lists shared by more than one codec. */
    private static final class Presets {
        static final List<String> X26X = List.of("ultrafast", "superfast", "veryfast",
                "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo");
        static final List<String> SVT_AV1 = List.of("13", "12", "11", "10", "9", "8", "7", "6",
                "5", "4", "3", "2", "1", "0");
    }
}
