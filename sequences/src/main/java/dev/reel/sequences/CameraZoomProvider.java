package dev.reel.sequences;

import dev.reel.api.FrameSource;
import dev.reel.api.Sequence;
import dev.reel.api.ZoomView;
import dev.reel.api.spi.SequenceContext;
import dev.reel.api.spi.SequenceProvider;
import dev.reel.api.spi.SequenceSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code camera-zoom} sequence type of movie scripts: keys {@code expmap} (the exponential
 * map), {@code final} (the square final image), both relative to the script's folder, and the
 * track {@code h}, plus {@link SequenceKeys#TIME_REMAPPING}. Builds a {@link CameraZoom} over the
 * frame source that {@link SequenceContext#openSource} opens for {@code {expmap: path, final: path}}.
 * Stateless and thread-safe.
 */
public final class CameraZoomProvider implements SequenceProvider {
    /** The script's {@code type:}. */
    public static final String NAME = "camera-zoom";
    /** The keys this type reads, in the order messages list them. */
    public static final List<String> KEYS = List.of("type", "expmap", "final", "h");

    /** For {@link java.util.ServiceLoader}. */
    public CameraZoomProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "an exponential zoom: expmap and final images, and the depth track h";
    }

    /**
     * Reads the entry and opens its two files; the track is checked before the files are opened.
     *
     * @throws dev.reel.api.ScriptException for an unknown, missing or bad key, or files that cannot
     *     draw zoom views, naming the key
     * @throws IOException if a file cannot be read
     */
    @Override
    public Sequence create(SequenceSpec spec, SequenceContext context) throws IOException {
        SequenceKeys.requireKnown(spec, NAME, KEYS);
        Path expmap = spec.path("expmap");
        Path finalImage = spec.path("final");
        Track h = Track.parse(spec, "h");
        FrameSource source = context.openSource(Map.of("expmap", expmap, "final", finalImage));
        if (!source.supports(ZoomView.class)) {
            throw spec.error("expmap", source.description() + " cannot draw zoom views; camera-zoom needs an"
                    + " exponential map and its final image");
        }
        return new CameraZoom(source, h);
    }
}
