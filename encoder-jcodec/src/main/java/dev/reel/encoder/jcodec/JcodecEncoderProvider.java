package dev.reel.encoder.jcodec;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.Availability;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.api.spi.UnsupportedSettingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code jcodec} encoder: pure-Java H.264 in MP4 with JCodec, no native library anywhere,
 * encoding groups of pictures on every core. Always available.
 *
 * <p>What it accepts (anything else is refused by {@link #check} with the key and what is accepted):
 * <ul>
 *   <li>{@code codec: h264}, written to a {@code .mp4} file;</li>
 *   <li>{@code pixel-format: yuv420p} (the default), with an even width and height: 4:2:0 chroma
 *       cannot represent an odd size, so odd sizes are refused rather than padded;</li>
 *   <li>{@code crf} 0 to 51 (default 22): every frame at the fixed quantiser QP = crf, clamped to
 *       10..39, the range JCodec codes correctly; lower is better (see {@link JcodecPlan});</li>
 *   <li>{@code keyframe-interval} (default: the frame rate, rounded): frames per group of pictures,
 *       also the grain of the parallel encoding;</li>
 *   <li>{@code preset}: x264's names are accepted and ignored, JCodec having a single speed;</li>
 *   <li>{@code options}: {@code threads} (default: one per core; the output is the same for any
 *       number), {@code color-matrix} ({@code auto}, {@code bt601}, {@code bt709}) and
 *       {@code exact-reference} ({@code false}, {@code true}: slower, slightly better);</li>
 *   <li>{@code metadata}: title, artist, album, composer, genre, date, description, comment,
 *       copyright;</li>
 *   <li>{@code hardware}: disabled or if-possible (both software); {@code filters} must be empty.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless; the constructor does nothing.
 */
public final class JcodecEncoderProvider implements EncoderProvider {
    /** The name scripts and {@code --encoder} use. */
    public static final String NAME = "jcodec";

    /** For {@link java.util.ServiceLoader}. */
    public JcodecEncoderProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pure-Java H.264 in MP4 (JCodec), no native library, on every core";
    }

    /** Always available: JCodec is plain Java. */
    @Override
    public Availability availability() {
        return Availability.AVAILABLE;
    }

    @Override
    public Set<String> codecs() {
        return Set.of(JcodecPlan.CODEC);
    }

    @Override
    public String defaultExtension(String codec) {
        return JcodecPlan.EXTENSION;
    }

    @Override
    public void check(EncoderSettings settings, VideoFormat format, Path output) {
        plan(settings, format, output);
    }

    @Override
    public Encoder open(Path output, EncoderSettings settings, VideoFormat format) throws IOException {
        return new JcodecH264Encoder(output, plan(settings, format, output));
    }

    /**
     * The plan for these settings, the defaults resolved; threads default to the number of cores.
     *
     * @throws UnsupportedSettingException for the first setting the encoder cannot honour
     */
    static JcodecPlan plan(EncoderSettings settings, VideoFormat format, Path output) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(output, "output");
        return JcodecPlan.validate(settings, format, output, Runtime.getRuntime().availableProcessors());
    }
}
