package dev.reel.api.spi;

import dev.reel.api.FrameSource;
import dev.reel.api.VideoFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link SequenceProvider} may use while it builds a sequence: the movie's format and the
 * frame sources the installed {@link FrameSourceProvider}s can open. Sources opened here are owned
 * by the movie and closed with it.
 */
public interface SequenceContext {

    /** The movie's size and frame rate. */
    VideoFormat format();

    /**
     * Opens a frame source with the first installed provider that recognises these files.
     *
     * @param files role to path, e.g. {@code db -> /movies/pan.postdb}
     * @throws dev.reel.api.ProviderLookupException if no provider recognises them
     * @throws IOException if the chosen provider cannot read them
     */
    FrameSource openSource(Map<String, Path> files) throws IOException;
}
