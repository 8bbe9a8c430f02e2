package dev.reel.api.spi;

import dev.reel.api.Sequence;

/**
 * Builds one type of {@link Sequence} from its part of a movie script. Its {@link #name()} is the
 * script's {@code type:}, e.g. {@code camera-pan}; the keys it reads are its own.
 */
public interface SequenceProvider extends ReelProvider {

    /**
     * Builds the sequence. Called once per sequence of a script, on the thread that loads the
     * script.
     *
     * @param spec the sequence's keys, with helpers that report bad values by file and key
     * @param context the movie's format and access to frame sources
     * @throws dev.reel.api.ScriptException for a missing or bad key, naming it and what was expected
     * @throws java.io.IOException if a file the sequence needs cannot be opened
     */
    Sequence create(SequenceSpec spec, SequenceContext context) throws java.io.IOException;
}
