package dev.reel.sequences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.ScriptException;
import dev.reel.api.spi.SequenceSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackTest {
    private static final String AT = "movie.yaml: sequences[1]";

    private static SequenceSpec spec(Object track) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", "camera-pan");
        values.put("dx", track);
        return new SequenceSpec(AT, Path.of("/movies"), values);
    }

    private static Map<String, Object> track(Object t, Object v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", t);
        m.put("v", v);
        return m;
    }

    private static String error(Object track) {
        ScriptException e = assertThrows(ScriptException.class, () -> Track.parse(spec(track), "dx"));
        return e.getMessage();
    }

    @Test
    void aScriptTrackIsPchipUnlessItSaysOtherwise() {
        Track pchip = Track.parse(spec(track(List.of(0, 10), List.of(0.5, 0.25))), "dx");
        assertEquals(Interpolation.PCHIP, pchip.interpolation());
        assertArrayEquals(new double[] {0, 10}, pchip.times());
        assertArrayEquals(new double[] {0.5, 0.25}, pchip.values());
        Map<String, Object> m = track(List.of(0, 1, 3), List.of(0, 1, 0));
        m.put("interpolation", "linear");
        Track linear = Track.parse(spec(m), "dx");
        assertEquals(Interpolation.LINEAR, linear.interpolation());
        assertEquals(0.5, linear.value(2));
        assertEquals("{t: [0, 1, 3], v: [0, 1, 0], interpolation: linear}", linear.toString());
        assertEquals(linear, Track.linear(new double[] {0, 1, 3}, new double[] {0, 1, 0}));
        assertNotEquals(linear, Track.pchip(new double[] {0, 1, 3}, new double[] {0, 1, 0}));
    }

    @Test
    void outsideTheKeyframesTheEndValuesHold() {
        Track t = Track.pchip(new double[] {1, 2, 4}, new double[] {3, 5, 4});
        assertEquals(3, t.value(0.5));
        assertEquals(3, t.value(Double.NEGATIVE_INFINITY));
        assertEquals(4, t.value(4.000001));
        assertEquals(1, t.start());
        assertEquals(4, t.end());
        assertEquals("a track has no value at time NaN",
                assertThrows(IllegalArgumentException.class, () -> t.value(Double.NaN)).getMessage());
    }

    @Test
    void theKeyframesAreCopied() {
        double[] times = {0, 1};
        double[] values = {2, 4};
        Track t = Track.linear(times, values);
        times[1] = 5;
        values[1] = 40;
        t.values()[0] = 99;
        assertEquals(3, t.value(0.5));
        assertEquals(2, t.value(0));
    }

    @Test
    void badScriptTracksNameTheKeyPath() {
        assertEquals(AT + ": dx.t: has 1 keyframe; a track needs at least 2", error(track(List.of(0), List.of(1))));
        assertEquals(AT + ": dx.t: has 0 keyframes; a track needs at least 2", error(track(List.of(), List.of())));
        assertEquals(AT + ": dx: t has 3 times but v has 2 values; expected one value per time",
                error(track(List.of(0, 1, 2), List.of(1, 2))));
        assertEquals(AT + ": dx.t: t[2] = 1 does not come after t[1] = 1; times must be strictly increasing",
                error(track(List.of(0, 1, 1), List.of(1, 2, 3))));
        assertEquals(AT + ": dx.t: t[1] = -1.5 does not come after t[0] = 0; times must be strictly increasing",
                error(track(List.of(0, -1.5), List.of(1, 2))));
        assertEquals(AT + ": dx.v[1]: expected a finite value, got NaN", error(track(List.of(0, 1), List.of(1, Double.NaN))));
        assertEquals(AT + ": dx.t[0]: expected a finite time, got -Infinity",
                error(track(List.of(Double.NEGATIVE_INFINITY, 1), List.of(1, 2))));
        assertEquals(AT + ": dx.v[1]: expected a number, got 'half'", error(track(List.of(0, 1), List.of(1, "half"))));
        assertEquals(AT + ": dx.t[1]: expected a number, got true", error(track(List.of(0, true), List.of(1, 2))));
        assertEquals(AT + ": dx.t: expected a list of times such as [0, 10], got 5", error(track(5, List.of(1, 2))));
        assertEquals(AT + ": dx.v: missing; a track needs t (times) and v (values), e.g. {t: [0, 10], v: [0, 1]}",
                error(Map.of("t", List.of(0, 1))));
        assertEquals(AT + ": dx: expected a mapping such as {t: [0, 10], v: [0, 1]}, got a list", error(List.of(0, 1)));
    }

    @Test
    void unknownInterpolationsAndKeysAreNamed() {
        Map<String, Object> m = track(List.of(0, 1), List.of(1, 2));
        m.put("interpolation", "cubic");
        assertEquals(AT + ": dx.interpolation: unknown interpolation 'cubic'; known: pchip, linear", error(m));
        m.put("interpolation", 3);
        assertEquals(AT + ": dx.interpolation: expected one of pchip, linear, got 3", error(m));
        m.remove("interpolation");
        m.put("interpolate", "linear");
        assertEquals(AT + ": dx.interpolate: unknown key in a track; did you mean 'interpolation'? (a track has"
                + " t, v and optionally interpolation, one of pchip, linear)", error(m));
        Map<String, Object> far = track(List.of(0, 1), List.of(1, 2));
        far.put("speed", 2);
        assertEquals(AT + ": dx.speed: unknown key in a track (a track has t, v and optionally interpolation,"
                + " one of pchip, linear)", error(far));
    }

    @Test
    void javaTracksAreCheckedToo() {
        assertEquals("t: t[1] = 0 does not come after t[0] = 0; times must be strictly increasing",
                assertThrows(IllegalArgumentException.class,
                        () -> Track.pchip(new double[] {0, 0}, new double[] {1, 2})).getMessage());
        assertEquals("v[0]: expected a finite value, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> Track.linear(new double[] {0, 1}, new double[] {Double.POSITIVE_INFINITY, 2})).getMessage());
    }

    @Test
    void tracksOfOneSequenceShareTheirEnds() {
        Map<String, Track> tracks = new LinkedHashMap<>();
        tracks.put("x", Track.pchip(new double[] {0, 4, 10}, new double[] {0, 1, 2}));
        tracks.put("y", Track.pchip(new double[] {0, 10}, new double[] {0, 1}));
        Track.requireSameSpan(spec(null), tracks);
        tracks.put("dx", Track.pchip(new double[] {0, 9.5}, new double[] {1, 1}));
        ScriptException e = assertThrows(ScriptException.class, () -> Track.requireSameSpan(spec(null), tracks));
        assertEquals("dx.t", e.key());
        assertEquals(AT + ": dx.t: dx runs from 0 to 9.5 s but x from 0 to 10 s; the tracks of one sequence must"
                + " start and end at the same times", e.getMessage());
    }
}
