package dev.reel.encoder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_FLAG_DEPRECATED;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_FLAG_ENCODING_PARAM;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_FLAG_READONLY;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_FLAG_VIDEO_PARAM;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_CHILDREN;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_TYPE_CONST;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_TYPE_DOUBLE;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_TYPE_FLOAT;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_TYPE_INT;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_TYPE_INT64;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_TYPE_UINT;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_find;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_next;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;

import dev.reel.api.spi.UnsupportedSettingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVOption;
import org.bytedeco.javacpp.Pointer;

/**
 * Sets options on a codec context that is not open yet, each one checked against what the encoder
 * declares (its private options, then the generic encoding options of every codec), so that a
 * misspelt or meaningless option is an error that names it instead of being ignored.
 *
 * <p>Stateless; each call works on the context it is given, on the calling thread.
 */
final class CodecOptions {

    private CodecOptions() {
    }

    /**
     * Sets one option.
     *
     * @param context an allocated, unopened codec context for {@code encoder}
     * @param encoder the encoder's name, for messages
     * @param name FFmpeg's option name, as a script writes it under {@code options:}
     * @param value its value, as text, as on FFmpeg's command line
     * @param key the script key to blame, e.g. {@code options.tune} or {@code crf}
     * @throws UnsupportedSettingException naming {@code key}: unknown option, an option that is not
     *     for video encoding, a read-only one, or a value FFmpeg refuses (with the values it takes)
     */
    static void set(AVCodecContext context, String encoder, String name, String value, String key) {
        AVOption option = av_opt_find(context, name, null, 0, AV_OPT_SEARCH_CHILDREN);
        if (option == null) {
            throw refuse(key, "unknown option '" + name + "' for " + encoder + suggestion(context, name));
        }
        int flags = option.flags();
        if ((flags & AV_OPT_FLAG_ENCODING_PARAM) == 0 || (flags & AV_OPT_FLAG_VIDEO_PARAM) == 0) {
            throw refuse(key, "option '" + name + "' is not a video encoding option, so " + encoder
                    + " would ignore it");
        }
        if ((flags & AV_OPT_FLAG_READONLY) != 0) {
            throw refuse(key, "option '" + name + "' of " + encoder + " is read-only");
        }
        if ((flags & AV_OPT_FLAG_DEPRECATED) != 0) {
            FfmpegLogger.get().log(System.Logger.Level.WARNING,
                    FfmpegRequest.PREFIX + "option '" + name + "' of " + encoder + " is deprecated");
        }
        checkLibraryWords(encoder, name, value, key);
        try (FfmpegLog.Capture log = FfmpegLog.capture()) {
            int result = av_opt_set(context, name, value, AV_OPT_SEARCH_CHILDREN);
            if (result < 0) {
                throw refuse(key, "invalid value '" + value + "' for option '" + name + "' of " + encoder
                        + ": " + FfmpegErrors.describe(result, log) + accepted(owner(context, name), option));
            }
        }
    }

    /**
     * x264's tune and profile are plain strings to FFmpeg; x264 checks them only when the encoder
     * opens, and then prints to stderr itself. Checked here first, with x264's own lists.
     */
    private static void checkLibraryWords(String encoder, String name, String value, String key) {
        if (!encoder.equals("libx264")) {
            return;
        }
        List<String> words = switch (name) {
            case "tune" -> X264_TUNES;
            case "profile" -> X264_PROFILES;
            default -> List.of();
        };
        if (words.isEmpty()) {
            return;
        }
        // Tunes combine: "film,fastdecode" or "film+zerolatency".
        for (String word : name.equals("tune") ? value.split("[,+]") : new String[] {value}) {
            if (!words.contains(word)) {
                throw refuse(key, "invalid value '" + value + "' for option '" + name + "' of " + encoder
                        + "; use " + String.join(", ", words));
            }
        }
    }

    private static final List<String> X264_TUNES = List.of("film", "animation", "grain", "stillimage", "psnr",
            "ssim", "fastdecode", "zerolatency");
    private static final List<String> X264_PROFILES = List.of("baseline", "main", "high", "high10", "high422",
            "high444");

    // The object that declares an option: the encoder's private options, else the generic ones.
    private static Pointer owner(AVCodecContext context, String name) {
        Pointer priv = context.priv_data();
        if (priv != null && !priv.isNull() && av_opt_find(priv, name, null, 0, 0) != null) {
            return priv;
        }
        return context;
    }

    private static UnsupportedSettingException refuse(String key, String message) {
        return new UnsupportedSettingException(key, FfmpegRequest.PREFIX + message);
    }

    // "; use film, animation, grain..." for options with named values, "; use 0 to 51" for numbers.
    private static String accepted(Pointer owner, AVOption option) {
        String unit = option.unit() == null ? null : option.unit().getString();
        if (unit != null && owner != null) {
            Set<String> names = new LinkedHashSet<>();
            for (AVOption o = av_opt_next(owner, null); o != null; o = av_opt_next(owner, o)) {
                if (o.type() == AV_OPT_TYPE_CONST && o.unit() != null && unit.equals(o.unit().getString())) {
                    names.add(o.name().getString());
                }
            }
            if (!names.isEmpty()) {
                return "; use " + String.join(", ", names);
            }
        }
        int type = option.type();
        boolean numeric = type == AV_OPT_TYPE_INT || type == AV_OPT_TYPE_INT64 || type == AV_OPT_TYPE_UINT
                || type == AV_OPT_TYPE_FLOAT || type == AV_OPT_TYPE_DOUBLE;
        if (numeric && option.max() > option.min()) {
            return "; use " + number(option.min()) + " to " + number(option.max());
        }
        return "";
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%g", value);
    }

    // "; did you mean 'tune'?" when a private option is close, else the private options by name.
    private static String suggestion(AVCodecContext context, String name) {
        List<String> own = new ArrayList<>();
        Pointer priv = context.priv_data();
        if (priv != null && !priv.isNull()) {
            for (AVOption o = av_opt_next(priv, null); o != null; o = av_opt_next(priv, o)) {
                if (o.type() != AV_OPT_TYPE_CONST && (o.flags() & AV_OPT_FLAG_ENCODING_PARAM) != 0) {
                    own.add(o.name().getString());
                }
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String closest = own.stream()
                .min(Comparator.comparingInt(o -> distance(lower, o.toLowerCase(Locale.ROOT))))
                .filter(o -> distance(lower, o.toLowerCase(Locale.ROOT)) <= Math.max(1, name.length() / 3))
                .orElse(null);
        if (closest != null) {
            return "; did you mean '" + closest + "'?";
        }
        return own.isEmpty() ? "" : "; its own options are " + String.join(", ", new LinkedHashSet<>(own));
    }

    // Levenshtein distance, for "did you mean".
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
