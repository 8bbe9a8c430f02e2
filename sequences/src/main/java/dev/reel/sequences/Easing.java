package dev.reel.sequences;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The standard easing functions: linear, and quadratic, cubic, sine and exponential, each
 * {@code in} (slow start), {@code out} (slow end) and {@code in-out} (both). An easing maps the
 * fraction of a sequence played, {@code u} in {@code [0, 1]}, to the fraction of its time shown;
 * {@link Eased} applies one to a sequence.
 *
 * <p>Every function is exact at its end points, {@code apply(0) == 0} and {@code apply(1) == 1}
 * (bit for bit, so an eased sequence starts and ends on its inner sequence's own first and last
 * frames), and non-decreasing in double arithmetic, not just on paper: each is built only from
 * operations that are monotone in IEEE arithmetic. For that:
 * <ul>
 *   <li>{@code sine-in} is {@code 1 - sin((1 - u) π/2)}, equal on paper to the textbook
 *       {@code 1 - cos(u π/2)} whose value at 1 rounds to {@code 0.9999999999999999};</li>
 *   <li>{@code exponential-in} is {@code (2^(10u) - 1) / 1023}, the textbook {@code 2^(10(u - 1))}
 *       rescaled to meet 0 at {@code u = 0} (the textbook one starts at {@code 1/1024});</li>
 *   <li>every {@code out} is {@code 1 - in(1 - u)}, and every {@code in-out} is {@code in(2u) / 2}
 *       below one half and {@code 1 - in(2 (1 - u)) / 2} from one half on.</li>
 * </ul>
 *
 * <p>In scripts an easing is named by {@link #scriptName()}: {@code linear}, {@code cubic-in-out}.
 * Constants are immutable and thread-safe.
 */
public enum Easing {
    LINEAR(Curve.LINEAR, Mode.IN),
    QUADRATIC_IN(Curve.QUADRATIC, Mode.IN),
    QUADRATIC_OUT(Curve.QUADRATIC, Mode.OUT),
    QUADRATIC_IN_OUT(Curve.QUADRATIC, Mode.IN_OUT),
    CUBIC_IN(Curve.CUBIC, Mode.IN),
    CUBIC_OUT(Curve.CUBIC, Mode.OUT),
    CUBIC_IN_OUT(Curve.CUBIC, Mode.IN_OUT),
    SINE_IN(Curve.SINE, Mode.IN),
    SINE_OUT(Curve.SINE, Mode.OUT),
    SINE_IN_OUT(Curve.SINE, Mode.IN_OUT),
    EXPONENTIAL_IN(Curve.EXPONENTIAL, Mode.IN),
    EXPONENTIAL_OUT(Curve.EXPONENTIAL, Mode.OUT),
    EXPONENTIAL_IN_OUT(Curve.EXPONENTIAL, Mode.IN_OUT);

    /** The ease-in form of each family; the other forms derive from it. */
    private enum Curve {
        LINEAR {
            @Override
            double in(double u) {
                return u;
            }
        },
        QUADRATIC {
            @Override
            double in(double u) {
                return u * u;
            }
        },
        CUBIC {
            @Override
            double in(double u) {
                return u * u * u;
            }
        },
        SINE {
            @Override
            double in(double u) {
                // sin(0) = 0 and sin(PI / 2) = 1 exactly, where cos(PI / 2) is 6e-17, not 0.
                return 1 - Math.sin((1 - u) * (Math.PI / 2));
            }
        },
        EXPONENTIAL {
            @Override
            double in(double u) {
                // pow is exact for 2^0 and 2^10 and semi-monotone in between.
                return (Math.pow(2, 10 * u) - 1) / 1023;
            }
        };

        /** Exact at 0 and 1 and non-decreasing in double arithmetic. */
        abstract double in(double u);
    }

    private enum Mode { IN, OUT, IN_OUT }

    private final Curve curve;
    private final Mode mode;

    Easing(Curve curve, Mode mode) {
        this.curve = curve;
        this.mode = mode;
    }

    /**
     * The eased fraction.
     *
     * @param u the fraction played, in {@code [0, 1]}
     * @return the fraction shown, in {@code [0, 1]}; exactly 0 at 0 and 1 at 1
     * @throws IllegalArgumentException if {@code u} is outside {@code [0, 1]} or NaN
     */
    public double apply(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException(scriptName() + " easing takes a fraction from 0 to 1, got " + u);
        }
        return switch (mode) {
            case IN -> curve.in(u);
            case OUT -> 1 - curve.in(1 - u);
            // 2u is exact, and so is 1 - u from one half on; both halves meet at exactly 1/2.
            case IN_OUT -> u < 0.5 ? curve.in(2 * u) / 2 : 1 - curve.in(2 * (1 - u)) / 2;
        };
    }

    /** The name scripts use: the constant's name in lower case with hyphens, e.g. {@code cubic-in-out}. */
    public String scriptName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The easing a script names.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the known ones
     */
    public static Easing forScriptName(String name) {
        for (Easing e : values()) {
            if (e.scriptName().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown easing '" + name + "'; expected one of " + knownNames());
    }

    /** Every script name, comma-separated, for messages. */
    static String knownNames() {
        return Arrays.stream(values()).map(Easing::scriptName).collect(Collectors.joining(", "));
    }
}
