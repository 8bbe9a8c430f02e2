package dev.reel.encoder.ffmpeg;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.Availability;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.api.spi.UnsupportedSettingException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code ffmpeg} encoder: FFmpeg 8 through the bytedeco presets, with the codecs users know
 * ({@code h264}, {@code h265}, {@code vp9}, {@code av1}, {@code prores}, {@code ffv1}, {@code gif}),
 * the container chosen by the output's extension, every setting checked against the real encoder
 * before any frame is drawn, hardware encoders on request and an optional FFmpeg filter chain.
 *
 * <p>Cheap to construct; the natives load on the first call of {@link #availability()},
 * {@link #check} or {@link #open}. Every method is thread-safe.
 */
public final class FfmpegEncoderProvider implements EncoderProvider {
    private static final Set<String> CODECS = Collections.unmodifiableSet(new LinkedHashSet<>(FfmpegCodec.names()));

    /** For {@link java.util.ServiceLoader}. */
    public FfmpegEncoderProvider() {
    }

    @Override
    public String name() {
        return "ffmpeg";
    }

    @Override
    public String description() {
        return "native FFmpeg 8 (x264, x265, libvpx, SVT-AV1, ProRes, FFV1, GIF; NVENC and VAAPI on request)";
    }

    /**
     * Loads the natives on the first call (a few hundred milliseconds) and says whether that worked:
     * unavailable with the reason when this platform has no natives in the distribution, when they
     * are neither in the module graph nor on java.library.path, or when the system's libraries are
     * too old (glibc before 2.35).
     */
    @Override
    public Availability availability() {
        return Natives.availability();
    }

    /** {@code h264}, {@code h265}, {@code vp9}, {@code av1}, {@code prores}, {@code ffv1}, {@code gif}. */
    @Override
    public Set<String> codecs() {
        return CODECS;
    }

    /** {@code mp4}, except {@code webm} for vp9, {@code mov} for prores, {@code mkv} for ffv1, {@code gif} for gif. */
    @Override
    public String defaultExtension(String codec) {
        return FfmpegCodec.forName(codec).map(FfmpegCodec::defaultExtension).orElse("mp4");
    }

    /**
     * Checks the settings in script order, then opens the chosen encoder with them and closes it
     * again, so that whatever passes here also opens in {@link #open}: the codec and the output's
     * extension, pixel format, crf, preset, keyframe interval, metadata the container keeps, the
     * options (each one against those the encoder declares, then all together), the filters and
     * the hardware. Touches no file.
     *
     * @throws UnsupportedSettingException for the first setting that cannot be honoured, or with
     *     key {@code name} when the natives are unavailable here
     */
    @Override
    public void check(EncoderSettings settings, VideoFormat format, Path output) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(output, "output");
        requireAvailable();
        // Opening is the check: what opens here opens in open().
        EncoderSetup.open(settings, format, output).close();
    }

    /**
     * Opens an encoder writing to {@code output}. With {@code hardware: if-possible} and no working
     * hardware encoder, logs a notice (at INFO, to the {@code dev.reel.encoder.ffmpeg} logger) and
     * encodes in software.
     *
     * @throws UnsupportedSettingException as for {@link #check}
     * @throws IOException if the file cannot be created
     */
    @Override
    public Encoder open(Path output, EncoderSettings settings, VideoFormat format) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(output, "output");
        requireAvailable();
        EncoderSetup setup = EncoderSetup.open(settings, format, output);
        if (!setup.notice().isEmpty()) {
            FfmpegLogger.get().log(Level.INFO, setup.notice());
        }
        return FfmpegEncoder.start(output, setup, format.width(), format.height());
    }

    private void requireAvailable() {
        Availability availability = availability();
        if (!availability.available()) {
            throw new UnsupportedSettingException(EncoderSetup.NAME, FfmpegRequest.PREFIX + "unavailable here: "
                    + availability.reason());
        }
    }
}
