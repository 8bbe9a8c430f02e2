package dev.reel.encoder.jcodec;

import dev.reel.api.EncoderSettings;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.UnsupportedSettingException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the jcodec encoder will write, every default resolved: the result of {@link #validate}.
 * Everything in it is known to fit together.
 *
 * <p><b>crf.</b> JCodec's encoder has no rate control worth the name (its own keeps the quantiser
 * fixed, nudging it up only for oversized macroblocks), so crf maps to a fixed quantiser: every
 * macroblock of every frame is coded at QP = crf, the QP x264 gives P frames at that crf, within
 * the range JCodec codes correctly, {@value #MIN_QP} to {@value ChromaQp#MAX_EXACT_QP}: crf 0 to 9
 * all mean QP 10 (below it, sharp edges give coefficients that JCodec's CAVLC writer mis-codes, so
 * decoders would show garbage there) and crf 40 to 51 all mean QP 39 (above it, no
 * chroma_qp_index_offset lets decoders read JCodec's chroma back, see {@link ChromaQp}). Lower is
 * better; 6 steps double or halve the quantiser step. Quality is constant and the file size
 * follows the content.
 *
 * @param format the movie's size and frame rate; width and height even
 * @param frameRate {@code format.fps()} as the fraction the MP4 time scale holds
 * @param crf the constant rate factor, 0 to 51
 * @param keyframeInterval frames per group of pictures, each starting with an IDR frame; the
 *     parallel grain of the encoder
 * @param threads encoding threads, at least 1; never changes the output
 * @param matrix the RGB to Y'CbCr matrix, signalled in the stream and the container
 * @param level the H.264 level written to the stream
 * @param exactReference whether every P frame is predicted from the decoded previous frame
 *     ({@link DecodedReference}), not only the first after the IDR frame: up to 0.4 dB better
 *     (0.4 at crf 17, 0.2 at crf 22), at about 45% more encoding time
 * @param metadata the container metadata, in writing order
 */
record JcodecPlan(VideoFormat format, FrameRate frameRate, int crf, int keyframeInterval,
        int threads, ColorMatrix matrix, H264Level level, boolean exactReference,
        Map<Mp4MetadataKey, String> metadata) {

    /** Every message starts with this, so a user knows which encoder speaks. */
    static final String PREFIX = "jcodec encoder: ";

    /** The only codec: H.264 (Constrained Baseline profile, CAVLC, I and P frames). */
    static final String CODEC = "h264";
    /** The only container, chosen by the output's extension. */
    static final String EXTENSION = "mp4";
    /** The only pixel format: 8-bit 4:2:0. */
    static final String PIXEL_FORMAT = "yuv420p";
    /**
     * The finest quantiser JCodec codes correctly. JCodec 0.2.5 writes a CAVLC level above about
     * 2063 with a level_prefix of 16 or more, which Baseline does not allow, and miscomputes its
     * suffix (it uses level_prefix where the standard says 15), so decoders show garbage. At QP 10
     * the largest level, an Intra16x16 luma DC of a macroblock 219 levels away from its
     * prediction (16 * 16 * 219 / 2 = 28032 after the Hadamard transform, times 8192 / 2^17), is
     * 1752; at QP 8 it would be 2156.
     */
    static final int MIN_QP = 10;
    /** The most encoding threads an option may ask for. */
    static final int MAX_THREADS = 1024;
    /** x264's preset names: accepted, so that one script suits every encoder, and ignored. */
    static final List<String> PRESETS = List.of("ultrafast", "superfast", "veryfast", "faster",
            "fast", "medium", "slow", "slower", "veryslow", "placebo");

    // Script keys, relative to the encoder: section, as UnsupportedSettingException#key wants.
    static final String KEY_CODEC = "codec";
    static final String KEY_OUTPUT = "output";
    static final String KEY_PIXEL_FORMAT = "pixel-format";
    static final String KEY_PRESET = "preset";
    static final String KEY_HARDWARE = "hardware";
    static final String KEY_FILTERS = "filters";
    static final String KEY_FPS = "fps";
    static final String OPTION_THREADS = "threads";
    static final String OPTION_COLOR_MATRIX = "color-matrix";
    static final String OPTION_EXACT_REFERENCE = "exact-reference";

    JcodecPlan {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(frameRate, "frameRate");
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(level, "level");
        metadata = Collections.unmodifiableMap(metadata.isEmpty()
                ? new EnumMap<>(Mp4MetadataKey.class) : new EnumMap<>(metadata));
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be between 0 and 51, got " + crf);
        }
        if (keyframeInterval < 1 || threads < 1) {
            throw new IllegalArgumentException("keyframe interval and threads must be positive, got "
                    + keyframeInterval + " and " + threads);
        }
        if (format.width() % 2 != 0 || format.height() % 2 != 0) {
            throw new IllegalArgumentException("4:2:0 needs an even size, got " + format);
        }
    }

    /**
     * Checks a movie's settings against what the jcodec encoder can do, without touching a file, in
     * script order (codec, output, pixel-format and size, crf, preset, keyframe-interval, options,
     * metadata, hardware, filters), and resolves the defaults:
     * <ul>
     *   <li>keyframe-interval: the frame rate rounded (an IDR frame every second, at least every
     *       frame), which is also the grain of the parallel encoding;</li>
     *   <li>options.threads: {@code defaultThreads};</li>
     *   <li>options.color-matrix {@code auto}: BT.709 from 1280x720 up, BT.601 below, the matrix
     *       that players which ignore the signalling guess from the size;</li>
     *   <li>options.exact-reference {@code false}: see {@link DecodedReference};</li>
     *   <li>preset: any x264 preset name is accepted and ignored (JCodec has one speed).</li>
     * </ul>
     *
     * @param output the target file; only its name's extension is looked at
     * @param defaultThreads the threads when {@code options.threads} is not set
     * @throws UnsupportedSettingException for the first setting that does not fit, with its key and
     *     a one-line message saying what is accepted
     */
    static JcodecPlan validate(EncoderSettings settings, VideoFormat format, Path output,
            int defaultThreads) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(output, "output");
        if (!CODEC.equals(settings.codec())) {
            throw unsupported(KEY_CODEC, "codec '" + settings.codec() + "' is not one it writes; it"
                    + " writes " + CODEC + " only (use the ffmpeg encoder for other codecs)");
        }
        checkOutput(output);
        String pixels = settings.pixelFormatOrDefault();
        if (!PIXEL_FORMAT.equals(pixels)) {
            throw unsupported(KEY_PIXEL_FORMAT, "pixel-format '" + pixels + "' is not offered; use "
                    + PIXEL_FORMAT + " (JCodec encodes 8-bit 4:2:0 only)");
        }
        if (format.width() % 2 != 0 || format.height() % 2 != 0) {
            throw unsupported(KEY_PIXEL_FORMAT, "pixel-format '" + PIXEL_FORMAT + "' needs an even width"
                    + " and height, but the movie is " + format.width() + "x" + format.height()
                    + "; make the size even");
        }
        H264Level level = H264Level.lowestFor(format.width(), format.height(), format.fps())
                .orElseThrow(() -> unsupported(KEY_CODEC, "a " + format.width() + "x" + format.height()
                        + " frame is larger than H.264 allows: at most "
                        + H264Level.HIGHEST.maxFrameMacroblocks() + " macroblocks of 16x16 pixels"
                        + " (8192x4352, for one), and no side over "
                        + (int) Math.sqrt(8.0 * H264Level.HIGHEST.maxFrameMacroblocks()) + " macroblocks"));
        FrameRate frameRate;
        try {
            frameRate = FrameRate.of(format.fps());
        } catch (IllegalArgumentException e) {
            throw unsupported(KEY_FPS, e.getMessage());
        }
        if (settings.preset() != null && !PRESETS.contains(settings.preset())) {
            throw unsupported(KEY_PRESET, "unknown preset '" + settings.preset() + "'; JCodec has a"
                    + " single speed, so only x264's names (" + String.join(", ", PRESETS)
                    + ") are accepted, and they change nothing");
        }
        int keyframeInterval = settings.keyframeInterval() > 0
                ? settings.keyframeInterval() : (int) Math.max(1, Math.round(format.fps()));
        int threads = defaultThreads;
        String matrixName = "auto";
        boolean exactReference = false;
        // Sorted, so that the first unknown option reported does not depend on map order.
        for (String key : new TreeSet<>(settings.options().keySet())) {
            String value = settings.options().get(key);
            switch (key) {
                case OPTION_THREADS -> threads = parseThreads(value);
                case OPTION_COLOR_MATRIX -> matrixName = value;
                case OPTION_EXACT_REFERENCE -> exactReference = parseBoolean(key, value);
                default -> throw unsupported("options." + key, "unknown option '" + key + "'; it takes "
                        + OPTION_THREADS + " (encoding threads, 1 to " + MAX_THREADS + ", default one per"
                        + " core), " + OPTION_COLOR_MATRIX + " (auto, bt601 or bt709) and "
                        + OPTION_EXACT_REFERENCE + " (false or true)");
            }
        }
        ColorMatrix matrix = switch (matrixName) {
            case "auto" -> format.width() >= 1280 || format.height() >= 720
                    ? ColorMatrix.BT709 : ColorMatrix.BT601;
            case "bt601" -> ColorMatrix.BT601;
            case "bt709" -> ColorMatrix.BT709;
            default -> throw unsupported("options." + OPTION_COLOR_MATRIX, "options."
                    + OPTION_COLOR_MATRIX + " must be auto, bt601 or bt709, got '" + matrixName + "'");
        };
        Map<Mp4MetadataKey, String> metadata = new EnumMap<>(Mp4MetadataKey.class);
        for (String key : new TreeSet<>(settings.metadata().keySet())) {
            Mp4MetadataKey item = Mp4MetadataKey.forName(key).orElseThrow(() -> unsupported(
                    "metadata." + key, "metadata '" + key + "' has no place in an MP4 file it writes;"
                            + " it writes " + String.join(", ", Mp4MetadataKey.names())));
            if (metadata.put(item, settings.metadata().get(key)) != null) {
                throw unsupported("metadata." + key, "metadata '" + item.scriptName()
                        + "' is given twice, in different cases");
            }
        }
        if (settings.hardware() == EncoderSettings.Hardware.REQUIRED) {
            throw unsupported(KEY_HARDWARE, "hardware: required cannot be met: JCodec is a pure-Java"
                    + " software encoder; use hardware: disabled or if-possible, or an encoder with"
                    + " hardware support");
        }
        if (!settings.filters().isBlank()) {
            throw unsupported(KEY_FILTERS, "filters are FFmpeg filter chains and it applies none;"
                    + " remove encoder.filters or use the ffmpeg encoder");
        }
        return new JcodecPlan(format, frameRate, settings.crfOrDefault(), keyframeInterval, threads,
                matrix, level, exactReference, metadata);
    }

    private static void checkOutput(Path output) {
        Path name = output.getFileName();
        String fileName = name == null ? output.toString() : name.toString();
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!EXTENSION.equals(extension)) {
            throw unsupported(KEY_OUTPUT, "output file '" + fileName + "' must end in ." + EXTENSION
                    + ": it writes MP4 files only");
        }
    }

    private static int parseThreads(String value) {
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1 && threads <= MAX_THREADS) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        throw unsupported("options." + OPTION_THREADS, "options." + OPTION_THREADS
                + " must be a whole number from 1 to " + MAX_THREADS + ", got '" + value + "'");
    }

    private static boolean parseBoolean(String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw unsupported("options." + key, "options." + key + " must be true or false, got '"
                    + value + "'");
        };
    }

    private static UnsupportedSettingException unsupported(String key, String message) {
        return new UnsupportedSettingException(key, PREFIX + message);
    }

    /** The quantiser of every frame: the crf, within {@value #MIN_QP} to {@link ChromaQp#MAX_EXACT_QP}. */
    int qp() {
        return Math.max(MIN_QP, Math.min(crf, ChromaQp.MAX_EXACT_QP));
    }

    /** Bytes of one frame's YUV 4:2:0 planes. */
    long frameBytes() {
        long luma = (long) format.width() * format.height();
        return luma + luma / 2;
    }

    /**
     * The most frames the encoder holds in YUV, waiting to be encoded or being encoded:
     * {@code threads * keyframeInterval}, which keeps every thread busy, but no more than a quarter
     * of {@code maxHeapBytes}. Fewer only means fewer groups of pictures encoded at once.
     */
    int bufferedFrames(long maxHeapBytes) {
        long byHeap = Math.max(1, maxHeapBytes / 4 / frameBytes());
        return (int) Math.max(1, Math.min((long) threads * keyframeInterval, Math.min(byHeap, Integer.MAX_VALUE)));
    }
}
