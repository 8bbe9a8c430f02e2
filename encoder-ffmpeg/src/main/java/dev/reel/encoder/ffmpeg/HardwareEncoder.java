package dev.reel.encoder.ffmpeg;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hardware encoders reel tries for a codec when a movie says {@code hardware: if-possible} or
 * {@code required}, in order of preference, and how reel's settings are said to each.
 *
 * <p>Hardware encoders take no {@code crf}; reel translates it into each one's constant-quality
 * mode: NVENC's {@code cq} (variable bit rate aiming at a quality, 1 to 51) and VAAPI's constant
 * {@code qp}. x264's preset names become NVENC's {@code p1} (fastest) to {@code p7} (best).
 * What cannot be translated makes the hardware encoder unusable for that movie.
 */
enum HardwareEncoder {
    /** NVIDIA NVENC H.264. */
    H264_NVENC("h264_nvenc", FfmpegCodec.H264, Kind.NVENC),
    /** VAAPI H.264 (Intel, AMD). */
    H264_VAAPI("h264_vaapi", FfmpegCodec.H264, Kind.VAAPI),
    /** NVIDIA NVENC H.265. */
    HEVC_NVENC("hevc_nvenc", FfmpegCodec.H265, Kind.NVENC),
    /** VAAPI H.265 (Intel, AMD). */
    HEVC_VAAPI("hevc_vaapi", FfmpegCodec.H265, Kind.VAAPI),
    /** NVIDIA NVENC AV1 (Ada and newer). */
    AV1_NVENC("av1_nvenc", FfmpegCodec.AV1, Kind.NVENC);

    /** The device API an encoder needs. */
    enum Kind {
        /** NVIDIA's encoder, fed frames in system memory; needs the driver's libcuda and an NVENC unit. */
        NVENC,
        /** Video Acceleration API, fed frames uploaded to a device ({@code /dev/dri/renderD128}). */
        VAAPI
    }

    /** x264's preset names, fastest first, to NVENC's p1 (fastest) .. p7 (slowest, best). */
    private static final Map<String, String> NVENC_PRESETS = Map.of(
            "ultrafast", "p1", "superfast", "p1", "veryfast", "p2", "faster", "p3", "fast", "p3",
            "medium", "p4", "slow", "p5", "slower", "p6", "veryslow", "p7", "placebo", "p7");

    private final String encoder;
    private final FfmpegCodec codec;
    private final Kind kind;

    HardwareEncoder(String encoder, FfmpegCodec codec, Kind kind) {
        this.encoder = encoder;
        this.codec = codec;
        this.kind = kind;
    }

    /** FFmpeg's encoder name, e.g. {@code h264_nvenc}. */
    String encoder() {
        return encoder;
    }

    /** The device API it needs. */
    Kind kind() {
        return kind;
    }

    /** The hardware encoders for a codec, the preferred first; empty when it has none. */
    static List<HardwareEncoder> forCodec(FfmpegCodec codec) {
        return Arrays.stream(values()).filter(h -> h.codec == codec).toList();
    }

    /**
     * The pixel format to hand this encoder (in system memory, before any upload) for a movie that
     * asks for {@code pixelFormat}, or empty when it cannot take that.
     */
    Optional<String> pixelFormat(String pixelFormat) {
        return switch (kind) {
            case NVENC -> switch (pixelFormat) {
                case "yuv420p", "yuv444p" -> Optional.of(pixelFormat);
                case "yuv420p10le" -> Optional.of("p010le");
                default -> Optional.empty();
            };
            case VAAPI -> switch (pixelFormat) {
                case "yuv420p" -> Optional.of("nv12");
                case "yuv420p10le" -> codec == FfmpegCodec.H265 ? Optional.of("p010le") : Optional.empty();
                default -> Optional.empty();
            };
        };
    }

    /** NVENC's preset for an x264 preset name or an SVT-AV1 preset number; empty when none fits. */
    Optional<String> preset(String preset) {
        if (kind != Kind.NVENC) {
            return Optional.empty();
        }
        if (codec == FfmpegCodec.AV1) {
            // SVT-AV1: 0 (slowest) .. 13 (fastest) onto p7 .. p1.
            int n = Integer.parseInt(preset);
            return Optional.of("p" + (7 - Math.round(n * 6f / 13)));
        }
        return Optional.ofNullable(NVENC_PRESETS.get(preset));
    }
}
