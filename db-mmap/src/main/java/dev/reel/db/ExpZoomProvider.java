package dev.reel.db;

import dev.reel.api.FrameSource;
import dev.reel.api.spi.FrameSourceProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Opens fractalshades exponential zooms: the files {@code expmap} (the exponential map
 * {@code .postdb}) and {@code final} (its square final image {@code .postdb}), as an
 * {@link ExpZoomSource}. Name {@code postdb-zoom}.
 *
 * <p>It recognises a request by its roles alone, whatever the files' names, so that a zoom script
 * that names a {@code .db} gets this provider's clear error from {@link #open} rather than "no
 * frame source can open". Stateless and thread-safe.
 */
public final class ExpZoomProvider implements FrameSourceProvider {
    /** The role of the exponential map. */
    public static final String EXPMAP = "expmap";
    /** The role of the final image. */
    public static final String FINAL = "final";

    private static final Set<String> ROLES = Set.of(EXPMAP, FINAL);

    /** For {@link java.util.ServiceLoader}. */
    public ExpZoomProvider() {
    }

    @Override
    public String name() {
        return "postdb-zoom";
    }

    @Override
    public String description() {
        return "fractalshades exponential zoom over an expmap and a final .postdb";
    }

    /** True when the roles are exactly {@code expmap} and {@code final}. */
    @Override
    public boolean recognises(Map<String, Path> files) {
        return files != null && files.keySet().equals(ROLES);
    }

    @Override
    public String filesDescription() {
        return "expmap + final: a fractalshades exponential-map .postdb and its square final .postdb";
    }

    /**
     * Opens an {@link ExpZoomSource}; this reads both files once to build their pyramids.
     *
     * @throws IllegalArgumentException if the roles are not exactly {@code expmap} and {@code final}
     * @throws IOException naming the file, as {@link ExpZoomSource#open} does
     */
    @Override
    public FrameSource open(Map<String, Path> files) throws IOException {
        Objects.requireNonNull(files, "files");
        if (!recognises(files)) {
            throw new IllegalArgumentException(name() + " opens the files expmap and final, got the roles "
                    + files.keySet());
        }
        return ExpZoomSource.open(files.get(EXPMAP), files.get(FINAL));
    }
}
