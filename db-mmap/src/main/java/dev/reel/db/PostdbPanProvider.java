package dev.reel.db;

import dev.reel.api.FrameSource;
import dev.reel.api.spi.FrameSourceProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a script's {@code db:} file as a {@link PostdbPanSource}: a fractalshades {@code .postdb},
 * or any {@code .npy} file holding a (rows, columns, 3 or 4) uint8 picture.
 */
public final class PostdbPanProvider implements FrameSourceProvider {

    @Override
    public String name() {
        return "postdb-pan";
    }

    @Override
    public String description() {
        return "camera-pan frames from a fractalshades .postdb, memory-mapped";
    }

    @Override
    public boolean recognises(Map<String, Path> files) {
        if (files.size() != 1 || !files.containsKey("db")) {
            return false;
        }
        String name = files.get("db").getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".postdb") || name.endsWith(".npy");
    }

    @Override
    public String filesDescription() {
        return "db: a fractalshades .postdb (an RGB or RGBA uint8 NumPy array)";
    }

    @Override
    public FrameSource open(Map<String, Path> files) throws IOException {
        return PostdbPanSource.open(files.get("db"));
    }
}
