package dev.reel.sequences;

import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * A way to join keyframes into a curve: the {@code interpolation:} of a track in a movie script.
 * The built-in kinds are {@link #PCHIP} (the default, identical to SciPy's
 * {@code PchipInterpolator}) and {@link #LINEAR}; a new kind is one more implementation, listed in
 * {@link #builtIn()} to make it available to scripts by its {@link #name()}.
 *
 * <p>Implementations are immutable and thread-safe, and so are the curves they build.
 */
public interface Interpolation {

    /**
     * Piecewise cubic Hermite interpolation with SciPy's {@code PchipInterpolator} slopes: it never
     * overshoots the keyframes, and with two keyframes it is a straight line. Name {@code pchip}.
     */
    Interpolation PCHIP = new PchipInterpolation();

    /** Straight lines between keyframes. Name {@code linear}. */
    Interpolation LINEAR = new LinearInterpolation();

    /** The name scripts use, lower case, e.g. {@code pchip}. */
    String name();

    /**
     * Builds the curve through the keyframes. The caller ({@link Track}) has checked the input:
     * at least two keyframes, strictly increasing finite times, finite values, equal lengths; the
     * arrays are not modified and not kept.
     *
     * @return the curve, defined on {@code [times[0], times[n - 1]]} (the caller never asks
     *     outside), with {@code curve(times[k]) == values[k]}; immutable and thread-safe
     */
    DoubleUnaryOperator interpolate(double[] times, double[] values);

    /** The kinds scripts can name, the default ({@link #PCHIP}) first. */
    static List<Interpolation> builtIn() {
        return List.of(PCHIP, LINEAR);
    }

    /** The built-in kind with this name, if any. */
    static Optional<Interpolation> named(String name) {
        return builtIn().stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
