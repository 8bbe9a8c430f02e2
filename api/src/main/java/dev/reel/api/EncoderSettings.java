package dev.reel.api;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The encoder section of a movie script, with its defaults. Which values an encoder accepts is its
 * own business: {@link dev.reel.api.spi.EncoderProvider#check} rejects what it cannot honour
 * before any file is touched.
 *
 * <p>A setting the script leaves out is {@code null} (or 0, or empty), not its default value, so
 * that an encoder can tell "not set" from "set": {@code crf: 22} on a codec without a crf is an
 * error, a missing crf is not. {@link #crfOrDefault()} and {@link #pixelFormatOrDefault()} give
 * the documented defaults.
 *
 * @param codec the codec by the name users know: {@code h264} (default), {@code h265}, {@code vp9}...
 * @param crf constant rate factor, 0 to 51, lower is better; {@code null} when not set (then 22,
 *     or the codec's own default where 22 means nothing)
 * @param preset encoder speed/size trade-off, or {@code null} for the encoder's default
 * @param pixelFormat {@code yuv420p}, {@code yuv444p}, ...; {@code null} when not set (then
 *     {@code yuv420p}, or the codec's own default, e.g. 10-bit 4:2:2 for ProRes)
 * @param keyframeInterval frames between key frames, or 0 for the encoder's default
 * @param options encoder-specific extra options, validated by the encoder
 * @param metadata container metadata such as {@code title}
 * @param hardware whether to use a hardware encoder
 * @param filters an FFmpeg filter chain applied before encoding, or empty
 */
public record EncoderSettings(String codec, Integer crf, String preset, String pixelFormat,
        int keyframeInterval, Map<String, String> options, Map<String, String> metadata,
        Hardware hardware, String filters) {

    public static final String DEFAULT_CODEC = "h264";
    public static final int DEFAULT_CRF = 22;
    public static final String DEFAULT_PIXEL_FORMAT = "yuv420p";

    /** Nothing set: every encoder uses its defaults for the h264 codec. */
    public static final EncoderSettings DEFAULTS = new EncoderSettings(DEFAULT_CODEC, null,
            null, null, 0, Map.of(), Map.of(), Hardware.DISABLED, "");

    public EncoderSettings {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(filters, "filters");
        if (crf != null && (crf < 0 || crf > 51)) {
            throw new IllegalArgumentException("crf must be between 0 and 51, got " + crf);
        }
        if (keyframeInterval < 0) {
            throw new IllegalArgumentException(
                    "keyframe-interval must be a positive number of frames, got " + keyframeInterval);
        }
        options = Map.copyOf(options);
        metadata = Map.copyOf(metadata);
    }

    /** The crf, or 22 when not set. */
    public int crfOrDefault() {
        return crf != null ? crf : DEFAULT_CRF;
    }

    /** The pixel format, or {@code yuv420p} when not set. */
    public String pixelFormatOrDefault() {
        return pixelFormat != null ? pixelFormat : DEFAULT_PIXEL_FORMAT;
    }

    public EncoderSettings withCodec(String codec) {
        return new EncoderSettings(codec, crf, preset, pixelFormat, keyframeInterval, options, metadata, hardware, filters);
    }

    public EncoderSettings withCrf(Integer crf) {
        return new EncoderSettings(codec, crf, preset, pixelFormat, keyframeInterval, options, metadata, hardware, filters);
    }

    public EncoderSettings withPreset(String preset) {
        return new EncoderSettings(codec, crf, preset, pixelFormat, keyframeInterval, options, metadata, hardware, filters);
    }

    public EncoderSettings withPixelFormat(String pixelFormat) {
        return new EncoderSettings(codec, crf, preset, pixelFormat, keyframeInterval, options, metadata, hardware, filters);
    }

    public EncoderSettings withKeyframeInterval(int keyframeInterval) {
        return new EncoderSettings(codec, crf, preset, pixelFormat, keyframeInterval, options, metadata, hardware, filters);
    }

    public EncoderSettings withOptions(Map<String, String> options) {
        return new EncoderSettings(codec, crf, preset, pixelFormat, keyframeInterval, options, metadata, hardware, filters);
    }

    public EncoderSettings withMetadata(Map<String, String> metadata) {
        return new EncoderSettings(codec, crf, preset, pixelFormat, keyframeInterval, options, metadata, hardware, filters);
    }

    public EncoderSettings withHardware(Hardware hardware) {
        return new EncoderSettings(codec, crf, preset, pixelFormat, keyframeInterval, options, metadata, hardware, filters);
    }

    public EncoderSettings withFilters(String filters) {
        return new EncoderSettings(codec, crf, preset, pixelFormat, keyframeInterval, options, metadata, hardware, filters);
    }

    /** Use of hardware encoders, as the script's {@code hardware:} key says it. */
    public enum Hardware {
        /** Software encoding only (the default). */
        DISABLED,
        /** A hardware encoder when one works here, software otherwise. */
        IF_POSSIBLE,
        /** A hardware encoder or an error. */
        REQUIRED;

        /** The script spelling: {@code disabled}, {@code if-possible}, {@code required}. */
        public String scriptName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * Parses the script spelling.
         *
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Hardware parse(String text) {
            for (Hardware h : values()) {
                if (h.scriptName().equals(text)) {
                    return h;
                }
            }
            throw new IllegalArgumentException(
                    "hardware must be one of disabled, if-possible, required; got '" + text + "'");
        }
    }
}
