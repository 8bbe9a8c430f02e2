package dev.reel.app;

import dev.reel.sequences.SequenceKeys;
import java.util.Collection;
import java.util.Optional;

/**
 * The known name nearest to a misspelt one, for "unknown key 'heigth'; did you mean 'height'?".
 * Only close names are suggested (see {@link SequenceKeys#nearest}): swapped neighbours count as
 * one edit, so that {@code cfr} finds {@code crf}, and {@code x} does not suggest {@code codec}.
 */
final class KeySuggestion {
    private KeySuggestion() {
    }

    /** The nearest known key for a misspelt one: the same rule as the built-in sequence types use. */
    static Optional<String> nearest(String wrong, Collection<String> known) {
        return SequenceKeys.nearest(wrong, known);
    }

    static String unknown(String what, String wrong, Collection<String> known) {
        return "unknown " + what + nearest(wrong, known).map(k -> "; did you mean '" + k + "'?").orElse("")
                + " (expected one of " + String.join(", ", known) + ")";
    }
}
