package dev.reel.sequences;

import dev.reel.api.ScriptException;
import dev.reel.api.spi.SequenceSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * A keyframed value over time, such as a camera's x: strictly increasing times, one value per
 * time, and the {@link Interpolation} that joins them. In a movie script a track is the mapping
 * {@code {t: [0, 10], v: [-0.25, 0.25], interpolation: linear}}, where {@code interpolation} is
 * optional and defaults to {@code pchip}.
 *
 * <p><b>Outside the keyframes</b> a track holds its end values: {@link #value} before the first
 * time is the first value and after the last time the last value. Sequences only ask inside, but
 * time wrappers (reverse, speed, easing) may land a rounding error outside, and holding the ends
 * is what keyframe animation does.
 *
 * <p>Immutable and thread-safe. Not a record because it keeps the curve built from its keyframes.
 */
public final class Track {
    /** The keys of a track mapping in a script. */
    public static final List<String> KEYS = List.of("t", "v", "interpolation");

    private final double[] times;
    private final double[] values;
    private final Interpolation interpolation;
    private final DoubleUnaryOperator curve;

    /**
     * @param times keyframe times, at least two, finite and strictly increasing; copied
     * @param values one finite value per time; copied
     * @param interpolation how the keyframes are joined
     * @throws IllegalArgumentException if the keyframes are bad, naming the offending entry, e.g.
     *     {@code t[2] = 5 does not come after t[1] = 5; times must be strictly increasing}
     * @throws NullPointerException if an argument is null
     */
    public Track(double[] times, double[] values, Interpolation interpolation) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(values, "values");
        this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
        Problem p = check(times, values);
        if (p != null) {
            throw new IllegalArgumentException(p.at() == null ? p.text() : p.at() + ": " + p.text());
        }
        this.times = times.clone();
        this.values = values.clone();
        this.curve = Objects.requireNonNull(interpolation.interpolate(this.times.clone(), this.values.clone()),
                "interpolation " + interpolation.name() + " built no curve");
    }

    /** A PCHIP track, the scripts' default. */
    public static Track pchip(double[] times, double[] values) {
        return new Track(times, values, Interpolation.PCHIP);
    }

    /** A linear track. */
    public static Track linear(double[] times, double[] values) {
        return new Track(times, values, Interpolation.LINEAR);
    }

    /**
     * Reads the track under {@code key} of a sequence entry, e.g. {@code dx}.
     *
     * @throws ScriptException naming the key path ({@code dx}, {@code dx.t}, {@code dx.v[2]},
     *     {@code dx.interpolation}, or an unknown key such as {@code dx.tt}) and what was expected
     */
    public static Track parse(SequenceSpec spec, String key) {
        Map<String, Object> map = spec.map(key);
        for (Object k : map.keySet()) {
            String name = String.valueOf(k);
            if (!KEYS.contains(name)) {
                throw spec.error(key + "." + name, "unknown key in a track"
                        + SequenceKeys.nearest(name, KEYS).map(n -> "; did you mean '" + n + "'?").orElse("")
                        + " (a track has t, v and optionally interpolation, one of " + knownInterpolations() + ")");
            }
        }
        double[] t = numbers(spec, key, "t", "times", map.get("t"));
        double[] v = numbers(spec, key, "v", "values", map.get("v"));
        Interpolation kind = Interpolation.PCHIP;
        Object name = map.get("interpolation");
        if (name != null) {
            if (!(name instanceof String s)) {
                throw spec.error(key + ".interpolation", "expected one of " + knownInterpolations()
                        + ", got " + describe(name));
            }
            kind = Interpolation.named(s).orElseThrow(() -> spec.error(key + ".interpolation",
                    "unknown interpolation '" + s + "'; known: " + knownInterpolations()));
        }
        Problem p = check(t, v);
        if (p != null) {
            throw spec.error(p.at() == null ? key : key + "." + p.at(), p.text());
        }
        return new Track(t, v, kind);
    }

    /**
     * Checks that the tracks of one sequence start and end at the same times, as movie scripts
     * require; the first track is the reference.
     *
     * @param tracks the tracks by their script key, in script order
     * @throws ScriptException naming {@code <key>.t} of the first track that differs
     */
    public static void requireSameSpan(SequenceSpec spec, Map<String, Track> tracks) {
        Problem p = spanProblem(tracks);
        if (p != null) {
            throw spec.error(p.at() + ".t", p.text());
        }
    }

    /** Null, or the key of the first track whose span differs from the first track's, and why. */
    static Problem spanProblem(Map<String, Track> tracks) {
        Map.Entry<String, Track> first = null;
        for (Map.Entry<String, Track> e : tracks.entrySet()) {
            if (first == null) {
                first = e;
            } else if (!e.getValue().sameSpan(first.getValue())) {
                return new Problem(e.getKey(), e.getKey() + " runs from " + text(e.getValue().start()) + " to "
                        + text(e.getValue().end()) + " s but " + first.getKey() + " from "
                        + text(first.getValue().start()) + " to " + text(first.getValue().end())
                        + " s; the tracks of one sequence must start and end at the same times");
            }
        }
        return null;
    }

    /** The first keyframe time. */
    public double start() {
        return times[0];
    }

    /** The last keyframe time. */
    public double end() {
        return times[times.length - 1];
    }

    /** Whether both tracks start at the same time and end at the same time. */
    public boolean sameSpan(Track other) {
        return start() == other.start() && end() == other.end();
    }

    /** The keyframe times, a copy. */
    public double[] times() {
        return times.clone();
    }

    /** The keyframe values, a copy. */
    public double[] values() {
        return values.clone();
    }

    public Interpolation interpolation() {
        return interpolation;
    }

    /**
     * The value at a time; the first or last value outside the keyframes (see the class comment).
     *
     * @throws IllegalArgumentException if {@code time} is NaN
     */
    public double value(double time) {
        if (Double.isNaN(time)) {
            throw new IllegalArgumentException("a track has no value at time NaN");
        }
        if (time <= times[0]) {
            return values[0];
        }
        if (time >= times[times.length - 1]) {
            return values[values.length - 1];
        }
        return curve.applyAsDouble(time);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Track t && Arrays.equals(times, t.times) && Arrays.equals(values, t.values)
                && interpolation.equals(t.interpolation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(times), Arrays.hashCode(values), interpolation);
    }

    @Override
    public String toString() {
        return "{t: " + list(times) + ", v: " + list(values) + ", interpolation: " + interpolation.name() + "}";
    }

    /** A number as a user wrote it: {@code 5} rather than {@code 5.0}. */
    static String text(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** What is wrong, and where: a sub-key ({@code t}, {@code v[2]}), a track's key, or null for the whole track. */
    record Problem(String at, String text) {
    }

    private static Problem check(double[] t, double[] v) {
        if (t.length < 2) {
            return new Problem("t", "has " + t.length + (t.length == 1 ? " keyframe" : " keyframes")
                    + "; a track needs at least 2");
        }
        if (t.length != v.length) {
            return new Problem(null, "t has " + t.length + " times but v has " + v.length
                    + " values; expected one value per time");
        }
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i])) {
                return new Problem("t[" + i + "]", "expected a finite time, got " + t[i]);
            }
            if (!Double.isFinite(v[i])) {
                return new Problem("v[" + i + "]", "expected a finite value, got " + v[i]);
            }
        }
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] > t[i - 1])) {
                return new Problem("t", "t[" + i + "] = " + text(t[i]) + " does not come after t[" + (i - 1) + "] = "
                        + text(t[i - 1]) + "; times must be strictly increasing");
            }
        }
        return null;
    }

    private static double[] numbers(SequenceSpec spec, String key, String sub, String what, Object list) {
        if (list == null) {
            throw spec.error(key + "." + sub, "missing; a track needs t (times) and v (values), e.g. {t: [0, 10], v: [0, 1]}");
        }
        if (!(list instanceof List<?> items)) {
            throw spec.error(key + "." + sub, "expected a list of " + what + " such as [0, 10], got " + describe(list));
        }
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Number n)) {
                throw spec.error(key + "." + sub + "[" + i + "]", "expected a number, got " + describe(items.get(i)));
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    private static String knownInterpolations() {
        return Interpolation.builtIn().stream().map(Interpolation::name).collect(Collectors.joining(", "));
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return String.valueOf(v);
    }

    private static String list(double[] a) {
        return Arrays.stream(a).mapToObj(Track::text).collect(Collectors.joining(", ", "[", "]"));
    }
}
