package dev.reel.sequences;

import dev.reel.api.ScriptException;
import dev.reel.api.Sequence;
import dev.reel.api.spi.SequenceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The time-remapping keys of a movie script, which any entry of {@code sequences:} may carry
 * whatever its {@code type}:
 *
 * <pre>{@code
 * crop: [2, 8]          # keep the part from 2 s to 8 s, in this sequence's own keyframe time
 * reverse: true         # play it backwards
 * easing: cubic-in-out  # an Easing by its script name
 * speed: 2              # play it twice as fast (0.5: half as fast); positive
 * crossfade: 1.5        # fade from the previous sequence into this one over 1.5 s
 * }</pre>
 *
 * <p>How a script loader uses it: for each entry, build the sequence from
 * {@link #withoutTimingKeys} of its spec with the type's provider (whose keys are its own), pass
 * it through {@link #apply}, then give the whole list to {@link #applyCrossfades} for the movie's
 * sequences.
 *
 * <p>{@link #apply} applies the per-sequence keys in this fixed order, whatever their order in the
 * script: {@code crop} (so its times are the sequence's own keyframe times), {@code reverse},
 * {@code easing} (so the easing describes the motion as played: {@code cubic-in} with
 * {@code reverse} starts slowly from the end), then {@code speed} (which scales the played length,
 * and with it the times of what follows). {@code crossfade} is last: its seconds are played
 * seconds, after {@code speed}.
 *
 * <p>Stateless; its methods are thread-safe.
 */
public final class ScriptTiming {
    public static final String CROP = "crop";
    public static final String REVERSE = "reverse";
    public static final String EASING = "easing";
    public static final String SPEED = "speed";
    public static final String CROSSFADE = "crossfade";

    /** Every key handled here, which a script loader removes before calling the type's provider. */
    public static final Set<String> KEYS = Set.of(CROP, REVERSE, EASING, SPEED, CROSSFADE);

    /**
     * A sequence of a script, after {@link #apply}, with the script entry it came from.
     *
     * @param sequence the sequence, not null
     * @param spec its entry, not null: where it is for messages, and its {@code crossfade}
     */
    public record Entry(Sequence sequence, SequenceSpec spec) {
        public Entry {
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(spec, "spec");
        }
    }

    private ScriptTiming() {
    }

    /** The same entry without the keys of {@link #KEYS}: what the type's provider reads. */
    public static SequenceSpec withoutTimingKeys(SequenceSpec spec) {
        Map<String, Object> values = new LinkedHashMap<>(spec.values());
        values.keySet().removeAll(KEYS);
        return new SequenceSpec(spec.location(), spec.baseDirectory(), values);
    }

    /**
     * Wraps a sequence as its entry's {@code crop}, {@code reverse}, {@code easing} and
     * {@code speed} say, in that order; a sequence with none of them is returned as it is. The
     * {@code crossfade} key is checked here but applied by {@link #applyCrossfades}.
     *
     * @param inner the sequence the entry's provider built, not null
     * @param spec the entry, not null
     * @throws ScriptException for a key of the wrong type or out of range, naming the entry and key
     */
    public static Sequence apply(Sequence inner, SequenceSpec spec) {
        Objects.requireNonNull(inner, "inner");
        Sequence s = inner;
        if (spec.has(CROP)) {
            double[] range = crop(inner, spec);
            s = new Cropped(s, range[0], range[1]);
        }
        if (spec.has(REVERSE) && flag(spec, REVERSE)) {
            s = new Reversed(s);
        }
        if (spec.has(EASING)) {
            Object v = spec.value(EASING);
            if (!(v instanceof String name)) {
                throw spec.error(EASING, "expected an easing name such as cubic-in-out, got " + describe(v));
            }
            Easing easing;
            try {
                easing = Easing.forScriptName(name);
            } catch (IllegalArgumentException e) {
                throw spec.error(EASING, e.getMessage());
            }
            if (easing != Easing.LINEAR) {
                s = new Eased(s, easing);
            }
        }
        if (spec.has(SPEED)) {
            double speed = spec.number(SPEED);
            if (!(speed > 0)) {
                throw spec.error(SPEED, "expected a positive number, got " + describe(spec.value(SPEED))
                        + " (to play backwards, add reverse: true)");
            }
            if (speed != 1) {
                s = new SpeedChange(s, speed);
            }
        }
        crossfadeSeconds(spec);
        return s;
    }

    /**
     * The movie's sequences: the entries in order, each one with a {@code crossfade} merged with
     * the sequence before it into one {@link Crossfade} (so a script with fades gives fewer
     * sequences than entries). A fade of 0 is no fade.
     *
     * @param entries the script's sequences after {@link #apply}, in order
     * @param fps the movie's frame rate, which sets how many frames each fade has
     * @throws ScriptException naming the entry and {@code crossfade} for a fade on the first
     *     sequence, a fade longer than the sequence before or this one (in seconds or in frames),
     *     or fades into and out of one sequence that overlap
     */
    public static List<Sequence> applyCrossfades(List<Entry> entries, double fps) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("fps must be a positive number, got " + fps);
        }
        List<Sequence> movie = new ArrayList<>();
        int fadeIntoPrevious = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            SequenceSpec spec = entry.spec();
            double d = crossfadeSeconds(spec);
            if (d == 0) {
                movie.add(entry.sequence());
                fadeIntoPrevious = 0;
                continue;
            }
            if (i == 0) {
                throw spec.error(CROSSFADE, "the first sequence has no sequence before it to fade from");
            }
            Entry previous = entries.get(i - 1);
            Sequence before = previous.sequence();
            Sequence self = entry.sequence();
            String beforeName = "the previous sequence (" + previous.spec().location() + ", " + before.description() + ")";
            String selfName = "this sequence (" + self.description() + ")";
            String fade = RemappedSequence.seconds(d) + " s";
            double beforeLength = before.endTime() - before.startTime();
            double selfLength = self.endTime() - self.startTime();
            if (d > beforeLength) {
                throw spec.error(CROSSFADE, fade + " is longer than " + beforeName + ", which lasts "
                        + RemappedSequence.seconds(beforeLength) + " s");
            }
            if (d > selfLength) {
                throw spec.error(CROSSFADE, fade + " is longer than " + selfName + ", which lasts "
                        + RemappedSequence.seconds(selfLength) + " s");
            }
            int m = (int) (d * fps);
            String frames = fade + " is " + m + " frames at " + RemappedSequence.seconds(fps) + " fps";
            int beforeFrames = before.frameCount(fps);
            int selfFrames = self.frameCount(fps);
            if (m > beforeFrames) {
                throw spec.error(CROSSFADE, frames + ", more than the " + beforeFrames + " frames of " + beforeName);
            }
            if (m > selfFrames) {
                throw spec.error(CROSSFADE, frames + ", more than the " + selfFrames + " frames of " + selfName);
            }
            if (fadeIntoPrevious + m > beforeFrames) {
                throw spec.error(CROSSFADE, "this fade (" + m + " frames at " + RemappedSequence.seconds(fps)
                        + " fps) and the fade into " + beforeName + " (" + fadeIntoPrevious
                        + " frames) overlap: together they are longer than its " + beforeFrames + " frames");
            }
            int last = movie.size() - 1;
            movie.set(last, new Crossfade(movie.get(last), self, d));
            fadeIntoPrevious = m;
        }
        return movie;
    }

    /** The entry's {@code [from, to]}, checked against the inner sequence's times. */
    private static double[] crop(Sequence inner, SequenceSpec spec) {
        Object v = spec.value(CROP);
        if (!(v instanceof List<?> list)) {
            throw spec.error(CROP, "expected two times [from, to] in this sequence's keyframe time, got " + describe(v));
        }
        if (list.size() != 2) {
            throw spec.error(CROP, "expected two times [from, to], got " + list.size() + " values");
        }
        double[] range = new double[2];
        for (int k = 0; k < 2; k++) {
            Object t = list.get(k);
            if (!(t instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw spec.error(CROP, "expected two times [from, to] as finite numbers, got " + describe(t)
                        + " in " + list);
            }
            range[k] = n.doubleValue();
        }
        if (!(range[0] < range[1])) {
            throw spec.error(CROP, "expected from < to, got " + list + " (to play backwards, add reverse: true)");
        }
        if (range[0] < inner.startTime() || range[1] > inner.endTime()) {
            throw spec.error(CROP, list + " is not inside the sequence's times "
                    + RemappedSequence.seconds(inner.startTime()) + " .. " + RemappedSequence.seconds(inner.endTime()) + " s");
        }
        return range;
    }

    /** The entry's {@code crossfade} in seconds, 0 when absent. */
    private static double crossfadeSeconds(SequenceSpec spec) {
        if (!spec.has(CROSSFADE)) {
            return 0;
        }
        double d = spec.number(CROSSFADE);
        if (d < 0) {
            throw spec.error(CROSSFADE, "expected a length in seconds, at least 0, got " + describe(spec.value(CROSSFADE)));
        }
        return d;
    }

    private static boolean flag(SequenceSpec spec, String key) {
        Object v = spec.value(key);
        if (!(v instanceof Boolean b)) {
            throw spec.error(key, "expected true or false, got " + describe(v));
        }
        return b;
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List<?> l) {
            return "a list " + l;
        }
        return String.valueOf(v);
    }
}
