package dev.reel.sequences;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.interpolation.LinearInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/** Straight lines between keyframes, as Commons Math's {@link LinearInterpolator} builds them. Stateless. */
final class LinearInterpolation implements Interpolation {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public DoubleUnaryOperator interpolate(double[] times, double[] values) {
        PolynomialSplineFunction spline = new LinearInterpolator().interpolate(times.clone(), values.clone());
        return spline::value;
    }

    @Override
    public String toString() {
        return name();
    }
}
