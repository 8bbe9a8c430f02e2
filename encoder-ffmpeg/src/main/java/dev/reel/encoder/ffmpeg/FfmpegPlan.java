package dev.reel.encoder.ffmpeg;

import dev.reel.api.VideoFormat;
import dev.reel.api.spi.UnsupportedSettingException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the ffmpeg encoder will write, every default resolved: the result of
 * {@link FfmpegRequest#validate()}. Everything in it is known to fit together.
 *
 * @param codec the codec
 * @param container the file format, chosen by the output's extension; it holds {@code codec}
 * @param pixelFormat FFmpeg's name of the pixel format, one that {@code codec} offers
 * @param crf the constant rate factor to use; present exactly when {@code codec} {@link
 *     FfmpegCodec#hasCrf() has one} (the movie's, else {@link dev.reel.api.EncoderSettings#DEFAULT_CRF})
 * @param preset the preset, or empty for the encoder's own default
 * @param keyframeInterval frames between key frames, or 0 for the encoder's own default
 */
public record FfmpegPlan(FfmpegCodec codec, Container container, String pixelFormat,
        OptionalInt crf, Optional<String> preset, int keyframeInterval) {

    public FfmpegPlan {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        Objects.requireNonNull(crf, "crf");
        Objects.requireNonNull(preset, "preset");
    }

    /** FFmpeg's muxer name for the container, e.g. {@code matroska} for {@code .mkv}. */
    public String muxer() {
        return container.muxer();
    }

    /**
     * Checks that frames of this size can be written in this pixel format. Formats that halve the
     * chroma resolution need an even width ({@code yuv422p}...) or an even width and height
     * ({@code yuv420p}...), which a movie of, say, 721x480 does not have.
     *
     * @throws UnsupportedSettingException with key {@code pixel-format}, naming the size
     */
    public void checkFrameSize(VideoFormat format) {
        checkFrameSize(format.width(), format.height(), "the movie");
    }

    /**
     * Checks that pictures of this size can be written in this pixel format, as {@link
     * #checkFrameSize(VideoFormat)} does, for pictures that are not the movie's own (those that come
     * out of the movie's filters, for one).
     *
     * @param whose what has this size in the message, e.g. {@code "the filters' output"}
     * @throws UnsupportedSettingException with key {@code pixel-format}, naming the size
     */
    public void checkFrameSize(int width, int height, String whose) {
        boolean halvesWidth = pixelFormat.startsWith("yuv420p") || pixelFormat.startsWith("yuv422p");
        boolean halvesHeight = pixelFormat.startsWith("yuv420p");
        boolean oddWidth = width % 2 != 0;
        boolean oddHeight = height % 2 != 0;
        if ((halvesWidth && oddWidth) || (halvesHeight && oddHeight)) {
            String needs = halvesHeight ? "an even width and height" : "an even width";
            throw new UnsupportedSettingException(FfmpegRequest.PIXEL_FORMAT,
                    FfmpegRequest.PREFIX + "pixel-format '" + pixelFormat + "' needs " + needs
                            + ", but " + whose + " is " + width + "x" + height + "; make the size even, "
                            + (fullChromaHint().isEmpty() ? "or " : "") + "add the filter '"
                            + (halvesHeight ? EVEN_BOTH : EVEN_WIDTH) + "' (a black edge)" + fullChromaHint());
        }
    }

    // FFmpeg filters that pad a picture to an even size with black.
    private static final String EVEN_BOTH = "pad=ceil(iw/2)*2:ceil(ih/2)*2";
    private static final String EVEN_WIDTH = "pad=ceil(iw/2)*2:ih";

    // The formats of this codec that keep full chroma resolution, as a way out; empty if none.
    private String fullChromaHint() {
        var full = codec.pixelFormats().stream()
                .filter(f -> !f.startsWith("yuv420p") && !f.startsWith("yuv422p"))
                .toList();
        return full.isEmpty() ? "" : ", or use pixel-format " + String.join(" or ", full);
    }
}
