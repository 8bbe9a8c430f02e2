package dev.reel.api.spi;

import dev.reel.api.FrameSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens databases as {@link FrameSource}s. A sequence asks for a source by the files its script
 * names, keyed by role: a pan over one file is {@code {db: pan.postdb}}, an exponential zoom is
 * {@code {expmap: zoom_expmap.postdb, final: zoom_final.postdb}}. The registry offers the files to
 * each provider in turn and opens them with the first that {@linkplain #recognises recognises} them.
 */
public interface FrameSourceProvider extends ReelProvider {

    /**
     * Whether this provider can open these files, judged cheaply from the roles, the names and at
     * most the files' first bytes. Must not throw: unreadable files are for {@link #open} to report.
     *
     * @param files role to path, e.g. {@code db -> /movies/pan.postdb}; not null, not empty
     */
    boolean recognises(Map<String, Path> files);

    /**
     * A one-line description of the files it opens, for error messages and listings, e.g.
     * {@code db: a fractalshades .postdb (RGB or RGBA uint8 NumPy array)}.
     */
    String filesDescription();

    /**
     * Opens the files read-only. The source may be shared by many sequences and threads.
     *
     * @throws IOException naming the file and the problem if it cannot be read as promised
     */
    FrameSource open(Map<String, Path> files) throws IOException;
}
