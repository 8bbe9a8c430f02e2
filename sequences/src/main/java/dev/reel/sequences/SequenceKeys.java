package dev.reel.sequences;

import dev.reel.api.ScriptException;
import dev.reel.api.spi.SequenceSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * The keys a sequence entry of a movie script may have: a sequence type's own keys, plus the
 * time-remapping keys that apply to every type and are read outside the type's provider. A typo
 * is reported with the nearest known key.
 */
public final class SequenceKeys {

    /**
     * The keys every sequence entry may carry for time remapping ({@link ScriptTiming}: crop,
     * reverse, easing, speed, crossfade). They are read by whoever wraps the built sequence, not by the type's provider,
     * which accepts them without reading them. This is the one place that lists them.
     */
    public static final Set<String> TIME_REMAPPING = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of(ScriptTiming.CROP, ScriptTiming.REVERSE, ScriptTiming.EASING,
                    ScriptTiming.SPEED, ScriptTiming.CROSSFADE)));

    private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance();

    private SequenceKeys() {
    }

    /**
     * Rejects the first key of the entry that is neither one of {@code own} nor in
     * {@link #TIME_REMAPPING}.
     *
     * @param spec the sequence entry
     * @param type the sequence type, for the message
     * @param own the keys the type reads, {@code type} included, in the order to list them
     * @throws ScriptException naming the unknown key, suggesting the nearest known one and listing them all
     */
    public static void requireKnown(SequenceSpec spec, String type, List<String> own) {
        for (String key : spec.keys()) {
            if (own.contains(key) || TIME_REMAPPING.contains(key)) {
                continue;
            }
            List<String> known = new ArrayList<>(own);
            known.addAll(TIME_REMAPPING);
            throw spec.error(key, "unknown key for " + type
                    + nearest(key, known).map(n -> "; did you mean '" + n + "'?").orElse("")
                    + " (" + type + " reads " + String.join(", ", own) + " and the time-remapping keys "
                    + String.join(", ", TIME_REMAPPING) + ")");
        }
    }

    /**
     * The known word closest to {@code word} by Damerau-Levenshtein distance (ignoring case), if
     * it is close enough to be a plausible typo: at most one edit per three letters, at least one
     * and at most three. For messages such as "did you mean 'height'?".
     */
    public static Optional<String> nearest(String word, Collection<String> known) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = DISTANCE.apply(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.min(3, Math.max(w.length(), best.length()) / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }
}
