package dev.reel.encoder.ffmpeg;

import dev.reel.api.EncoderSettings;
import dev.reel.api.spi.UnsupportedSettingException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * What a movie asks of the ffmpeg encoder, before any default is applied: an empty value means the
 * movie did not set it. {@link #validate()} checks it against the catalogue ({@link FfmpegCodec},
 * {@link Container}) without touching a file, and resolves the defaults.
 *
 * <p>"Not set" is kept apart from every value on purpose: a crf of 22 on ProRes is an error when
 * the movie asked for it, and nothing at all when it is merely the api's default; the same goes
 * for a {@code yuv420p} on a codec that does not offer it.
 *
 * @param codec the codec by its script name, as written ({@code h264}...); checked by {@link #validate()}
 * @param output the target file; only the extension of its name is looked at
 * @param pixelFormat FFmpeg's pixel format name, or empty for the codec's default
 * @param crf the constant rate factor, or empty when the movie did not set one
 * @param preset the preset, or empty for the encoder's own default
 * @param keyframeInterval frames between key frames, or 0 for the encoder's own default
 */
public record FfmpegRequest(String codec, Path output, Optional<String> pixelFormat,
        OptionalInt crf, Optional<String> preset, int keyframeInterval) {

    /** Every message starts with this, so a user knows which encoder speaks. */
    static final String PREFIX = "ffmpeg encoder: ";

    // Script keys, relative to the encoder: section, as UnsupportedSettingException#key wants.
    static final String CODEC = "codec";
    static final String OUTPUT = "output";
    static final String PIXEL_FORMAT = "pixel-format";
    static final String CRF = "crf";
    static final String PRESET = "preset";
    static final String KEYFRAME_INTERVAL = "keyframe-interval";

    /**
     * @throws IllegalArgumentException if {@code keyframeInterval} is negative
     */
    public FfmpegRequest {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        Objects.requireNonNull(crf, "crf");
        Objects.requireNonNull(preset, "preset");
        if (keyframeInterval < 0) {
            throw new IllegalArgumentException(
                    "keyframe-interval must be a positive number of frames, got " + keyframeInterval);
        }
    }

    /** A codec and an output file, every other setting left to its default. */
    public static FfmpegRequest of(String codec, Path output) {
        return new FfmpegRequest(codec, output, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), 0);
    }

    /**
     * The request a movie's {@link EncoderSettings} make. Settings the script left out are
     * {@code null} there and stay unset here, so {@code codec: prores} alone gets ProRes's own
     * pixel format, while an explicit {@code crf: 22} on ProRes is refused.
     */
    public static FfmpegRequest fromSettings(EncoderSettings settings, Path output) {
        Optional<String> pixelFormat = Optional.ofNullable(settings.pixelFormat());
        OptionalInt crf = settings.crf() == null ? OptionalInt.empty() : OptionalInt.of(settings.crf());
        return new FfmpegRequest(settings.codec(), output, pixelFormat, crf,
                Optional.ofNullable(settings.preset()), settings.keyframeInterval());
    }

    /** This request with a pixel format set. */
    public FfmpegRequest withPixelFormat(String pixelFormat) {
        return new FfmpegRequest(codec, output, Optional.of(pixelFormat), crf, preset, keyframeInterval);
    }

    /** This request with a crf set. */
    public FfmpegRequest withCrf(int crf) {
        return new FfmpegRequest(codec, output, pixelFormat, OptionalInt.of(crf), preset, keyframeInterval);
    }

    /** This request with a preset set. */
    public FfmpegRequest withPreset(String preset) {
        return new FfmpegRequest(codec, output, pixelFormat, crf, Optional.of(preset), keyframeInterval);
    }

    /** This request with a keyframe interval set (0: the encoder's default). */
    public FfmpegRequest withKeyframeInterval(int keyframeInterval) {
        return new FfmpegRequest(codec, output, pixelFormat, crf, preset, keyframeInterval);
    }

    /**
     * Checks every setting against the catalogue, in script order (codec, output extension,
     * pixel-format, crf, preset, keyframe-interval), and resolves the defaults.
     *
     * @return what the encoder will write
     * @throws UnsupportedSettingException for the first setting that does not fit, with its key
     *     ({@code codec}, {@code output}, {@code pixel-format}, {@code crf}, {@code preset},
     *     {@code keyframe-interval}) and a one-line message saying what is accepted
     */
    public FfmpegPlan validate() {
        FfmpegCodec c = FfmpegCodec.forName(codec).orElseThrow(() -> unsupported(CODEC,
                "unknown codec '" + codec + "'; known: " + String.join(", ", FfmpegCodec.names())));
        Container container = containerFor(c);
        String pixels = pixelFormat.orElse(c.defaultPixelFormat());
        if (!c.offersPixelFormat(pixels)) {
            throw unsupported(PIXEL_FORMAT, "pixel-format '" + pixels + "' is not offered for codec '"
                    + c + "'; use " + either(c.pixelFormats()));
        }
        OptionalInt resolvedCrf = resolveCrf(c);
        preset.ifPresent(p -> checkPreset(c, p));
        if (keyframeInterval > 0 && !c.hasKeyframeInterval()) {
            throw unsupported(KEYFRAME_INTERVAL, takesNo(c, KEYFRAME_INTERVAL,
                    c.whyNoKeyframeInterval(), FfmpegCodec::hasKeyframeInterval));
        }
        return new FfmpegPlan(c, container, pixels, resolvedCrf, preset, keyframeInterval);
    }

    private Container containerFor(FfmpegCodec c) {
        Path name = output.getFileName();
        String fileName = name == null ? output.toString() : name.toString();
        String extension = Container.extensionOf(fileName).orElseThrow(() -> unsupported(OUTPUT,
                "output file '" + fileName + "' has no extension to choose its format by; for codec '"
                        + c + "' use " + dotted(holders(c))));
        Container container = Container.forExtension(extension).orElseThrow(() -> unsupported(OUTPUT,
                "unknown output extension '." + extension + "' in '" + fileName + "'; known: "
                        + String.join(", ", withDots(Container.extensions()))));
        if (!container.holds(c)) {
            throw unsupported(CODEC, "codec '" + c + "' cannot be written to a ." + container.extension()
                    + " file; use " + dotted(holders(c)));
        }
        return container;
    }

    private OptionalInt resolveCrf(FfmpegCodec c) {
        if (!c.hasCrf()) {
            if (crf.isPresent()) {
                throw unsupported(CRF, takesNo(c, CRF, c.whyNoCrf(), FfmpegCodec::hasCrf));
            }
            return OptionalInt.empty();
        }
        int value = crf.orElse(EncoderSettings.DEFAULT_CRF);
        if (!c.acceptsCrf(value)) {
            throw unsupported(CRF, "crf " + value + " is out of range for codec '" + c + "'; use "
                    + c.minCrf() + " to " + c.maxCrf());
        }
        return OptionalInt.of(value);
    }

    private static void checkPreset(FfmpegCodec c, String p) {
        if (c.presets().isEmpty()) {
            throw unsupported(PRESET, takesNo(c, PRESET, c.whyNoPreset(), x -> !x.presets().isEmpty()));
        }
        if (!c.acceptsPreset(p)) {
            throw unsupported(PRESET, "unknown preset '" + p + "' for codec '" + c + "'; use "
                    + either(c.presets()));
        }
    }

    // "codec 'prores' takes no crf (why); crf applies to h264, h265, vp9 and av1"
    private static String takesNo(FfmpegCodec c, String key, String why, Predicate<FfmpegCodec> has) {
        List<String> with = Arrays.stream(FfmpegCodec.values()).filter(has)
                .map(FfmpegCodec::scriptName).toList();
        return "codec '" + c + "' takes no " + key + (why.isEmpty() ? "" : " (" + why + ")")
                + "; " + key + " applies to " + both(with);
    }

    private static List<String> holders(FfmpegCodec c) {
        return Arrays.stream(Container.values()).filter(k -> k.holds(c))
                .map(Container::extension).toList();
    }

    private static String dotted(List<String> extensions) {
        return either(withDots(extensions));
    }

    private static List<String> withDots(List<String> extensions) {
        return extensions.stream().map(e -> "." + e).toList();
    }

    // "a", "a or b", "a, b or c": for the values a user may choose from.
    private static String either(List<String> words) {
        return joinLast(words, " or ");
    }

    // "a", "a and b", "a, b and c": for the codecs a setting applies to.
    private static String both(List<String> words) {
        return joinLast(words, " and ");
    }

    private static String joinLast(List<String> words, String last) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + last + words.get(words.size() - 1);
    }

    private static UnsupportedSettingException unsupported(String key, String message) {
        return new UnsupportedSettingException(key, PREFIX + message);
    }
}
