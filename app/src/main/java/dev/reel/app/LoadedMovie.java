package dev.reel.app;

import dev.reel.api.Movie;
import java.util.Objects;

/**
 * A movie built from a script, with the frame sources its sequences opened. Closing it closes
 * them: do so once the movie is rendered.
 *
 * @param script the script it was built from
 * @param movie the movie
 * @param sources the frame sources the sequences opened
 */
record LoadedMovie(MovieScript script, Movie movie, ScriptSources sources) implements AutoCloseable {

    LoadedMovie {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(movie, "movie");
        Objects.requireNonNull(sources, "sources");
    }

    @Override
    public void close() {
        sources.close();
    }
}
