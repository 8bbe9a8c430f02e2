package dev.reel.api.spi;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.VideoFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Makes {@link Encoder}s of one kind, e.g. {@code ffmpeg} or {@code jcodec}.
 *
 * <p>A provider describes itself before any encoder exists, so that {@code reel encoders} can list
 * everything and a bad choice fails before rendering starts: {@link #availability()} says whether
 * it works here and why not, {@link #codecs()} what it can write, and {@link #check} whether it can
 * honour a movie's settings, without touching a file. All methods may be called from any thread.
 */
public interface EncoderProvider extends ReelProvider {

    /**
     * Whether this encoder works here (natives load, hardware present), and if not why. May be
     * slow the first time (loading natives); implementations cache the answer. Must not throw.
     */
    Availability availability();

    /** The codecs it can write, by the names users know ({@code h264}, {@code prores}...). */
    Set<String> codecs();

    /** The file extension (without the dot) of the container it writes for a codec by default. */
    default String defaultExtension(String codec) {
        return "mp4";
    }

    /**
     * Checks, without touching a file, that this encoder can write a movie of this format with
     * these settings to a file with this name (its extension may choose the container).
     *
     * @param output the target file name; only its name is looked at
     * @throws UnsupportedSettingException naming the first setting it cannot honour and what it accepts
     */
    void check(EncoderSettings settings, VideoFormat format, Path output);

    /**
     * Opens an encoder writing to {@code output}, creating or replacing that file. The caller has
     * already passed {@link #check}; the caller also owns the file's fate, and deletes it if the
     * render fails (after {@link Encoder#abort()}).
     *
     * @throws UnsupportedSettingException as for {@link #check}
     * @throws IOException if the file cannot be created
     */
    Encoder open(Path output, EncoderSettings settings, VideoFormat format) throws IOException;
}
