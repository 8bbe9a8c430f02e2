package dev.reel.sequences;

import dev.reel.api.FrameSource;
import dev.reel.api.PanView;
import dev.reel.api.Sequence;
import dev.reel.api.spi.SequenceContext;
import dev.reel.api.spi.SequenceProvider;
import dev.reel.api.spi.SequenceSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code camera-pan} sequence type of movie scripts: keys {@code db} (a database file,
 * relative to the script's folder) and the tracks {@code x}, {@code y}, {@code dx}, plus
 * {@link SequenceKeys#TIME_REMAPPING}. Builds a {@link CameraPan} over the frame source that
 * {@link SequenceContext#openSource} opens for {@code {db: path}}. Stateless and thread-safe.
 */
public final class CameraPanProvider implements SequenceProvider {
    /** The script's {@code type:}. */
    public static final String NAME = "camera-pan";
    /** The keys this type reads, in the order messages list them. */
    public static final List<String> KEYS = List.of("type", "db", "x", "y", "dx");

    /** For {@link java.util.ServiceLoader}. */
    public CameraPanProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a camera moving over a flat database: db, and the tracks x, y, dx";
    }

    /**
     * Reads the entry and opens its database; the tracks are checked before the file is opened.
     *
     * @throws dev.reel.api.ScriptException for an unknown, missing or bad key, or a database that
     *     cannot draw pan views, naming the key
     * @throws IOException if the database cannot be read
     */
    @Override
    public Sequence create(SequenceSpec spec, SequenceContext context) throws IOException {
        SequenceKeys.requireKnown(spec, NAME, KEYS);
        Path db = spec.path("db");
        Map<String, Track> tracks = new LinkedHashMap<>();
        for (String key : List.of("x", "y", "dx")) {
            tracks.put(key, Track.parse(spec, key));
        }
        Track.requireSameSpan(spec, tracks);
        int bad = CameraPan.firstNotPositive(tracks.get("dx"));
        if (bad >= 0) {
            throw spec.error("dx.v[" + bad + "]", "expected a positive view width, got "
                    + Track.text(tracks.get("dx").values()[bad]));
        }
        FrameSource source = context.openSource(Map.of("db", db));
        if (!source.supports(PanView.class)) {
            throw spec.error("db", source.description() + " cannot draw pan views; camera-pan needs a flat"
                    + " database such as a .postdb");
        }
        return new CameraPan(source, tracks.get("x"), tracks.get("y"), tracks.get("dx"));
    }
}
