package dev.reel.sequences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class EasingTest {

    @Test
    void everyEasingHitsItsEndPointsExactly() {
        for (Easing e : Easing.values()) {
            assertEquals(0.0, e.apply(0), 0.0, e.scriptName());
            assertEquals(1.0, e.apply(1), 0.0, e.scriptName());
        }
        // The textbook forms miss: 1 - cos(PI / 2) and 2^(10 (0 - 1)).
        assertTrue(1 - Math.cos(Math.PI / 2) < 1);
        assertEquals(1.0 / 1024, Math.pow(2, 10 * (0.0 - 1)), 0.0);
    }

    @Test
    void everyEasingIsMonotoneAndInRangeOnAFineGrid() {
        int steps = 1 << 20;
        for (Easing e : Easing.values()) {
            double previous = 0;
            for (int i = 0; i <= steps; i++) {
                double v = e.apply((double) i / steps);
                if (!(v >= previous && v <= 1)) {
                    fail(e.scriptName() + " at " + i + "/" + steps + ": " + v + " after " + previous);
                }
                previous = v;
            }
            // Just below 1 and just above 0 too, where rounding is closest to breaking things.
            assertTrue(e.apply(Math.nextDown(1.0)) <= 1, e.scriptName());
            assertTrue(e.apply(Double.MIN_VALUE) >= 0, e.scriptName());
        }
    }

    @Test
    void valuesMatchTheClosedForms() {
        double[] us = {0.1, 0.25, 1.0 / 3, 0.5, 0.6, 0.9};
        for (double u : us) {
            assertEquals(u, Easing.LINEAR.apply(u), 0.0);
            assertEquals(u * u, Easing.QUADRATIC_IN.apply(u), 1e-15);
            assertEquals(1 - (1 - u) * (1 - u), Easing.QUADRATIC_OUT.apply(u), 1e-15);
            assertEquals(u < 0.5 ? 2 * u * u : 1 - 2 * (1 - u) * (1 - u), Easing.QUADRATIC_IN_OUT.apply(u), 1e-15);
            assertEquals(u * u * u, Easing.CUBIC_IN.apply(u), 1e-15);
            assertEquals(1 - Math.pow(1 - u, 3), Easing.CUBIC_OUT.apply(u), 1e-15);
            assertEquals(u < 0.5 ? 4 * u * u * u : 1 - Math.pow(2 - 2 * u, 3) / 2, Easing.CUBIC_IN_OUT.apply(u), 1e-15);
            assertEquals(1 - Math.cos(u * Math.PI / 2), Easing.SINE_IN.apply(u), 1e-15);
            assertEquals(Math.sin(u * Math.PI / 2), Easing.SINE_OUT.apply(u), 1e-15);
            assertEquals((1 - Math.cos(u * Math.PI)) / 2, Easing.SINE_IN_OUT.apply(u), 1e-15);
            assertEquals((Math.pow(2, 10 * u) - 1) / 1023, Easing.EXPONENTIAL_IN.apply(u), 1e-15);
            assertEquals(1 - (Math.pow(2, 10 * (1 - u)) - 1) / 1023, Easing.EXPONENTIAL_OUT.apply(u), 1e-15);
            // Every in-out is symmetric: f(u) + f(1 - u) = 1.
            for (Easing e : Easing.values()) {
                if (e.scriptName().endsWith("-in-out")) {
                    assertEquals(1, e.apply(u) + e.apply(1 - u), 1e-15, e.scriptName() + " at " + u);
                }
            }
        }
        assertEquals(0.25, Easing.QUADRATIC_IN.apply(0.5), 0.0);
        assertEquals(0.875, Easing.CUBIC_OUT.apply(0.5), 0.0);
        assertEquals(0.125, Easing.QUADRATIC_IN_OUT.apply(0.25), 0.0);
        assertEquals(0.5, Easing.SINE_IN_OUT.apply(0.5), 0.0);
        assertEquals(0.5, Easing.SINE_OUT.apply(1.0 / 3), 1e-15);
        assertEquals(31.0 / 1023, Easing.EXPONENTIAL_IN.apply(0.5), 1e-17);
        assertEquals(0.5, Easing.EXPONENTIAL_IN_OUT.apply(0.5), 0.0);
    }

    @Test
    void scriptNames() {
        assertEquals("linear", Easing.LINEAR.scriptName());
        assertEquals("cubic-in-out", Easing.CUBIC_IN_OUT.scriptName());
        for (Easing e : Easing.values()) {
            assertEquals(e, Easing.forScriptName(e.scriptName()));
        }
        assertEquals("unknown easing 'cubic-inout'; expected one of linear, quadratic-in, quadratic-out, quadratic-in-out,"
                        + " cubic-in, cubic-out, cubic-in-out, sine-in, sine-out, sine-in-out, exponential-in,"
                        + " exponential-out, exponential-in-out",
                assertThrows(IllegalArgumentException.class, () -> Easing.forScriptName("cubic-inout")).getMessage());
    }

    @Test
    void fractionsOutsideZeroToOneAreRejected() {
        assertEquals("sine-in easing takes a fraction from 0 to 1, got 1.5",
                assertThrows(IllegalArgumentException.class, () -> Easing.SINE_IN.apply(1.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Easing.LINEAR.apply(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Easing.LINEAR.apply(-0.1));
    }
}
