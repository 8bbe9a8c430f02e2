package dev.reel.app;

import dev.reel.api.FrameSource;
import dev.reel.api.Registry;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.SequenceContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link SequenceContext} of one movie: opens frame sources through the registry and keeps
 * them, so that they are closed when the movie is done with. Files opened twice (two sequences
 * over one database) share one source, as sources are thread-safe and may be mapped memory.
 * Thread-safe.
 */
final class ScriptSources implements SequenceContext, AutoCloseable {
    private final Registry registry;
    private final VideoFormat format;
    private final Map<Map<String, Path>, FrameSource> open = new LinkedHashMap<>();
    private boolean closed;

    ScriptSources(Registry registry, VideoFormat format) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    @Override
    public synchronized FrameSource openSource(Map<String, Path> files) throws IOException {
        if (closed) {
            throw new IllegalStateException("the movie's frame sources are closed");
        }
        Map<String, Path> key = new LinkedHashMap<>();
        files.forEach((role, path) -> key.put(role, path.toAbsolutePath().normalize()));
        FrameSource source = open.get(key);
        if (source == null) {
            source = registry.openSource(files);
            open.put(key, source);
        }
        return source;
    }

    /** How many distinct sources are open. */
    synchronized int openCount() {
        return open.size();
    }

    /** Closes every source, last opened first; the first failure is thrown after all are closed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<FrameSource> sources = new ArrayList<>(open.values());
        open.clear();
        RuntimeException first = null;
        for (int i = sources.size() - 1; i >= 0; i--) {
            try {
                sources.get(i).close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
