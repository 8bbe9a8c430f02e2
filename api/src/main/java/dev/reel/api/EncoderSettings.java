package dev.reel.api;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The encoder section of a movie script, with its defaults. Which values an encoder accepts is its
 * own business: {@link dev.reel.api.spi.EncoderProvider#check} rejects what it cannot honour
 * before any file is touched.
 *
 * @param codec the codec by the name users know: {@code h264} (default), {@code h265}, {@code vp9}...
 * @param crf constant rate factor, 0 to 51, lower is better (default 22)
 * @param preset encoder speed/size trade-off, or {@code null} for the encoder's default
 * @param pixelFormat {@code yuv420p} (default), {@code yuv444p}, ...
 * @param keyframeInterval frames between key frames, or 0 for the encoder's default
 * @param options encoder-specific extra options, validated by the encoder
 * @param metadata container metadata such as {@code title}
 * @param hardware whether to use a hardware encoder
 * @param filters an FFmpeg filter chain applied before encoding, or empty
 */
public record EncoderSettings(String codec, int crf, String preset, String pixelFormat,
        int keyframeInterval, Map<String, String> options, Map<String, String> metadata,
        Hardware hardware, String filters) {

    public static final String DEFAULT_CODEC = "h264";
    public static final int DEFAULT_CRF = 22;
    public static final String DEFAULT_PIXEL_FORMAT = "yuv420p";

    /** Every setting at its default. */
    public static final EncoderSettings DEFAULTS = new EncoderSettings(DEFAULT_CODEC, DEFAULT_CRF,
            null, DEFAULT_PIXEL_FORMAT, 0, Map.of(), Map.of(), Hardware.DISABLED, "");

    public EncoderSettings {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(filters, "filters");
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be between 0 and 51, got " + crf);
        }
        if (keyframeInterval < 0) {
            throw new IllegalArgumentException(
                    "keyframe-interval must be a positive number of frames, got " + keyframeInterval);
        }
        options = Map.copyOf(options);
        metadata = Map.copyOf(metadata);
    }

    public EncoderSettings withCodec(String codec) {
        return new EncoderSettings(codec, crf, preset, pixelFormat, keyframeInterval, options, metadata, hardware, filters);
    }

    public EncoderSettings withCrf(int crf) {
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
