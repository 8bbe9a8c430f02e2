package dev.reel.sequences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PCHIP and linear tracks against SciPy's PchipInterpolator and NumPy's interp (tables in scipy/). */
class InterpolationTest {

    /**
     * Agreement to 1e-12 relative. Values near 0 get an absolute floor: the tolerance never drops
     * below 1e-14 times the track's largest |value| (SciPy sums powers, Commons Math uses Horner,
     * so a value that SciPy rounds to exactly 0 can come out as 1e-14 here).
     */
    static void assertAgrees(double expected, double actual, double scale, String where) {
        double tolerance = 1e-12 * Math.max(Math.abs(expected), 1e-2 * scale);
        assertTrue(Math.abs(actual - expected) <= tolerance,
                where + ": expected " + expected + ", got " + actual + " (difference " + (actual - expected) + ")");
    }

    static double scale(Track track) {
        double s = 0;
        for (double v : track.values()) {
            s = Math.max(s, Math.abs(v));
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"pchip_monotone.txt", "pchip_non_monotone.txt", "pchip_flat.txt", "pchip_two_knot.txt",
            "pchip_uneven.txt", "pchip_end_slopes.txt", "pchip_large_magnitude.txt", "pchip_small_magnitude.txt",
            "pchip_zoom_script.txt", "linear_non_monotone.txt", "linear_uneven.txt", "linear_two_knot.txt"})
    void tracksAgreeWithScipy(String file) {
        ReferenceTable table = ReferenceTable.load(file);
        Track track = table.track("", Interpolation.named(table.text("interpolation")).orElseThrow());
        assertTrue(table.rows().size() > 240, "a fine grid plus the knots and their neighbours");
        for (double[] row : table.rows()) {
            assertAgrees(row[1], track.value(row[0]), scale(track), file + " at t = " + row[0]);
        }
    }

    @Test
    void keyframesAreHitExactly() {
        for (String file : List.of("pchip_non_monotone.txt", "pchip_uneven.txt", "pchip_large_magnitude.txt")) {
            Track track = ReferenceTable.load(file).track("", Interpolation.PCHIP);
            double[] t = track.times();
            double[] v = track.values();
            for (int k = 0; k < t.length; k++) {
                assertEquals(v[k], track.value(t[k]), file + " knot " + k);
            }
        }
    }

    /** Slopes worked out by hand from section 5's rules, including both end corrections. */
    @Test
    void slopesFollowScipysRules() {
        // m = [1, -5, 1, 4, 1]. Sign changes give d1 = d2 = 0; d3 = d4 = 1 / ((3/1 + 3/4) / 6) = 1.6.
        // Start: (3*1 - (-5)) / 2 = 4 > 3|m0| with m0, m1 of opposite signs, so 3*m0 = 3.
        // End: (3*1 - 4) / 2 = -0.5 has the opposite sign of m4, so 0.
        assertArrayEquals(new double[] {3, 0, 0, 1.6, 1.6, 0},
                PchipInterpolation.slopes(new double[] {0, 1, 2, 3, 4, 5}, new double[] {0, 1, -4, -3, 1, 2}), 1e-15);
        // Two knots: a straight line.
        assertArrayEquals(new double[] {4, 4}, PchipInterpolation.slopes(new double[] {1, 3}, new double[] {2, 10}));
        // sign(0) = 0: m = [0, 0.5]. Start: (4*0 - 1*0.5) / 3 < 0 while sign(m0) = 0, so 0; the
        // interior slope is 0 next to a flat interval; end: (5*0.5 - 2*0) / 3, as sign(0) != sign(0.5)
        // only limits it when it exceeds 3*0.5.
        assertArrayEquals(new double[] {0, 0, 2.5 / 3},
                PchipInterpolation.slopes(new double[] {0, 1, 3}, new double[] {5, 5, 6}), 1e-15);
    }

    /** fractalshades' zoom example in closed form: h = hv (1 - (3s^2 - 2s^3)), s = (t - 2.5) / 30. */
    @Test
    void zoomScriptIsTheSmoothStep() {
        double hv = Math.log(10 / 7.6e-20);
        Track h = Track.pchip(new double[] {0, 2.5, 32.5, 35}, new double[] {hv, hv, 0, 0});
        for (int i = 0; i <= 350; i++) {
            double t = i / 10.0;
            double s = Math.min(Math.max((t - 2.5) / 30, 0), 1);
            assertEquals(hv * (1 - (3 * s * s - 2 * s * s * s)), h.value(t), 1e-13, "t = " + t);
        }
    }

    @Test
    void kindsAreNamed() {
        assertEquals(List.of("pchip", "linear"), Interpolation.builtIn().stream().map(Interpolation::name).toList());
        assertEquals(Optional.of(Interpolation.LINEAR), Interpolation.named("linear"));
        assertEquals(Optional.empty(), Interpolation.named("cubic"));
    }

    @Test
    void aNewKindIsOneSmallClass() {
        Interpolation step = new Interpolation() {
            @Override
            public String name() {
                return "step";
            }

            @Override
            public java.util.function.DoubleUnaryOperator interpolate(double[] times, double[] values) {
                double[] t = times.clone();
                double[] v = values.clone();
                return x -> {
                    int k = java.util.Arrays.binarySearch(t, x);
                    return v[k >= 0 ? k : -k - 2];
                };
            }
        };
        Track track = new Track(new double[] {0, 1, 2}, new double[] {5, 7, 9}, step);
        assertEquals(5, track.value(0.99));
        assertEquals(7, track.value(1));
        assertEquals(9, track.value(3));
    }
}
