package dev.reel.example.y4m;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.Availability;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.api.spi.UnsupportedSettingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code y4m} encoder: uncompressed YUV4MPEG2 video, which ffmpeg, x264, mpv and most video
 * tools read. Nothing is lost but the conversion to 8-bit YUV (BT.601, video range, as in reel's
 * other encoders), so it suits intermediate files: {@code ffmpeg -i movie.y4m -c:v libx265 out.mp4}.
 *
 * <p>Script settings: {@code pixel-format} {@code yuv420p} (default) or {@code yuv444p}; no crf,
 * preset, options or filters. {@code metadata} and {@code keyframe-interval} are ignored (y4m has
 * no metadata and every frame is a key frame). Stateless and thread-safe.
 */
public final class Y4mEncoderProvider implements EncoderProvider {
    private static final Set<String> PIXEL_FORMATS = Set.of("yuv420p", "yuv444p");

    @Override
    public String name() {
        return "y4m";
    }

    @Override
    public String description() {
        return "uncompressed YUV4MPEG2 video (.y4m) for other tools to read";
    }

    @Override
    public Availability availability() {
        return Availability.AVAILABLE; // pure Java: works everywhere
    }

    @Override
    public Set<String> codecs() {
        return Set.of("rawvideo");
    }

    @Override
    public String defaultExtension(String codec) {
        return "y4m";
    }

    @Override
    public void check(EncoderSettings settings, VideoFormat format, Path output) {
        // The API's settings cannot tell a codec left out from h264, its default: both mean rawvideo here.
        if (!settings.codec().equals("rawvideo") && !settings.codec().equals(EncoderSettings.DEFAULT_CODEC)) {
            throw unsupported("codec", "must be rawvideo (y4m is uncompressed), got '" + settings.codec() + "'");
        }
        if (!PIXEL_FORMATS.contains(settings.pixelFormatOrDefault())) {
            throw unsupported("pixel-format", "must be yuv420p or yuv444p, got '" + settings.pixelFormat() + "'");
        }
        if (settings.crf() != null) {
            throw unsupported("crf", "does not apply: y4m is uncompressed; remove it");
        }
        if (settings.preset() != null) {
            throw unsupported("preset", "does not apply: y4m is uncompressed; remove it");
        }
        if (!settings.options().isEmpty()) {
            throw unsupported("options", "must be empty: y4m has no options, got " + settings.options().keySet());
        }
        if (settings.hardware() == EncoderSettings.Hardware.REQUIRED) {
            throw unsupported("hardware", "cannot be required: y4m is written in software");
        }
        if (!settings.filters().isEmpty()) {
            throw unsupported("filters", "must be empty: filters need the ffmpeg encoder");
        }
    }

    @Override
    public Encoder open(Path output, EncoderSettings settings, VideoFormat format) throws IOException {
        check(settings, format, output);
        return new Y4mEncoder(output, format, settings.pixelFormatOrDefault().equals("yuv420p"));
    }

    private static UnsupportedSettingException unsupported(String key, String problem) {
        return new UnsupportedSettingException(key, "encoder y4m: encoder." + key + " " + problem);
    }
}
