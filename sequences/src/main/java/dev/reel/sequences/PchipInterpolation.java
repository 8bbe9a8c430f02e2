package dev.reel.sequences;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * SciPy's {@code PchipInterpolator} (fractalshades-format.md section 5) as a Commons Math
 * {@link PolynomialSplineFunction}. Slopes and coefficients are computed with the same operations
 * in the same order as SciPy ({@code _find_derivatives}, {@code _edge_case},
 * {@code CubicHermiteSpline}) so that the two agree to rounding. Stateless.
 */
final class PchipInterpolation implements Interpolation {

    @Override
    public String name() {
        return "pchip";
    }

    @Override
    public DoubleUnaryOperator interpolate(double[] times, double[] values) {
        double[] d = slopes(times, values);
        PolynomialFunction[] pieces = new PolynomialFunction[times.length - 1];
        for (int k = 0; k < pieces.length; k++) {
            // CubicHermiteSpline's coefficients, in powers of (t - t_k).
            double h = times[k + 1] - times[k];
            double slope = (values[k + 1] - values[k]) / h;
            double c = (d[k] + d[k + 1] - 2 * slope) / h;
            pieces[k] = new PolynomialFunction(new double[] {values[k], d[k], (slope - d[k]) / h - c, c / h});
        }
        PolynomialSplineFunction spline = new PolynomialSplineFunction(times.clone(), pieces);
        return spline::value;
    }

    /** The slope at each knot: weighted harmonic means inside, Moler's three-point rule at the ends. */
    static double[] slopes(double[] t, double[] y) {
        int n = t.length;
        double[] h = new double[n - 1];
        double[] m = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            h[k] = t[k + 1] - t[k];
            m[k] = (y[k + 1] - y[k]) / h[k];
        }
        double[] d = new double[n];
        if (n == 2) {
            d[0] = m[0];
            d[1] = m[0];
            return d;
        }
        for (int k = 1; k < n - 1; k++) {
            if (Math.signum(m[k - 1]) != Math.signum(m[k]) || m[k - 1] == 0 || m[k] == 0) {
                d[k] = 0;
            } else {
                double w1 = 2 * h[k] + h[k - 1];
                double w2 = h[k] + 2 * h[k - 1];
                d[k] = 1.0 / ((w1 / m[k - 1] + w2 / m[k]) / (w1 + w2));
            }
        }
        d[0] = endSlope(h[0], h[1], m[0], m[1]);
        d[n - 1] = endSlope(h[n - 2], h[n - 3], m[n - 2], m[n - 3]);
        return d;
    }

    /** One-sided three-point slope, kept from overshooting; signum(0) = 0 as in NumPy. */
    private static double endSlope(double h0, double h1, double m0, double m1) {
        double d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
        if (Math.signum(d) != Math.signum(m0)) {
            return 0;
        }
        if (Math.signum(m0) != Math.signum(m1) && Math.abs(d) > 3 * Math.abs(m0)) {
            return 3 * m0;
        }
        return d;
    }

    @Override
    public String toString() {
        return name();
    }
}
