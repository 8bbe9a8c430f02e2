package dev.reel.sequences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.ScriptException;
import dev.reel.api.Sequence;
import dev.reel.api.spi.SequenceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ScriptTimingTest {

    private static final CustomSequence TEN = Stamp.over(0, 10);

    /** Entry {@code index} of movie.yaml with these keys and values, after its type. */
    private static SequenceSpec spec(int index, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", "custom");
        for (int k = 0; k < keysAndValues.length; k += 2) {
            values.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return new SequenceSpec("movie.yaml: sequences[" + index + "]", Path.of("/movies"), values);
    }

    private static String error(Executable e) {
        return assertThrows(ScriptException.class, e).getMessage();
    }

    @Test
    void theKeys() {
        assertEquals(Set.of("crop", "reverse", "easing", "speed", "crossfade"), ScriptTiming.KEYS);
        SequenceSpec spec = spec(2, "db", "pan.postdb", "reverse", true, "speed", 2, "crossfade", 1);
        SequenceSpec provider = ScriptTiming.withoutTimingKeys(spec);
        assertEquals(Map.of("type", "custom", "db", "pan.postdb"), provider.values());
        assertEquals("movie.yaml: sequences[2]", provider.location());
        assertEquals(Path.of("/movies"), provider.baseDirectory());
    }

    @Test
    void anEntryWithoutTimingKeysKeepsItsSequence() {
        assertSame(TEN, ScriptTiming.apply(TEN, spec(0)));
        assertSame(TEN, ScriptTiming.apply(TEN, spec(0, "reverse", false, "speed", 1, "easing", "linear", "crossfade", 0)));
    }

    @Test
    void keysApplyInTheirFixedOrderWhateverTheScriptOrder() {
        Sequence s = ScriptTiming.apply(TEN, spec(0, "speed", 2, "reverse", true, "crop", List.of(2, 8)));
        assertEquals("speed 2x of reverse of crop 2 .. 8 s of stamp 0.0 .. 10.0", s.description());
        assertEquals(2, s.startTime(), 0.0);
        assertEquals(5, s.endTime(), 0.0);
        // At 10 fps: the 0 .. 10 s sequence at 5 fps (speed 2) has frames at j / 5; crop 2 .. 8 keeps
        // j = 10 .. 39, played from 39 down to 10.
        double[] drawn = Stamp.drawn(s, 10);
        assertEquals(30, drawn.length);
        for (int i = 0; i < 30; i++) {
            assertEquals(TEN.frameTime(39 - i, 5), drawn[i], 0.0, "frame " + i);
        }
        assertEquals(7.8, drawn[0], 0.0);
        assertEquals(2.0, drawn[29], 0.0);
    }

    @Test
    void easingDescribesThePlayedMotion() {
        Sequence s = ScriptTiming.apply(TEN, spec(0, "easing", "cubic-in", "reverse", true));
        assertEquals("cubic-in easing of reverse of stamp 0.0 .. 10.0", s.description());
        double[] drawn = Stamp.drawn(s, 10);
        assertEquals(100, drawn.length);
        assertEquals(9.9, drawn[0], 0.0);
        assertEquals(0.0, drawn[99], 0.0);
        // Slow start from the end: the second frame has moved 9.9 (1/99)^3 s.
        assertEquals(9.9 - 9.9 / (99.0 * 99 * 99), drawn[1], 1e-12);
    }

    @Test
    void badValuesNameTheEntryAndKey() {
        assertEquals("movie.yaml: sequences[1]: reverse: expected true or false, got 'yes'",
                error(() -> ScriptTiming.apply(TEN, spec(1, "reverse", "yes"))));
        assertEquals("movie.yaml: sequences[1]: crop: expected two times [from, to] in this sequence's keyframe time, got 5",
                error(() -> ScriptTiming.apply(TEN, spec(1, "crop", 5))));
        assertEquals("movie.yaml: sequences[1]: crop: expected two times [from, to], got 3 values",
                error(() -> ScriptTiming.apply(TEN, spec(1, "crop", List.of(1, 2, 3)))));
        assertEquals("movie.yaml: sequences[1]: crop: expected two times [from, to] as finite numbers, got 'a' in [1, a]",
                error(() -> ScriptTiming.apply(TEN, spec(1, "crop", List.of(1, "a")))));
        assertEquals("movie.yaml: sequences[1]: crop: expected from < to, got [8, 2] (to play backwards, add reverse: true)",
                error(() -> ScriptTiming.apply(TEN, spec(1, "crop", List.of(8, 2)))));
        assertEquals("movie.yaml: sequences[1]: crop: expected from < to, got [2, 2] (to play backwards, add reverse: true)",
                error(() -> ScriptTiming.apply(TEN, spec(1, "crop", List.of(2, 2)))));
        assertEquals("movie.yaml: sequences[1]: crop: [-1, 5] is not inside the sequence's times 0 .. 10 s",
                error(() -> ScriptTiming.apply(TEN, spec(1, "crop", List.of(-1, 5)))));
        assertEquals("movie.yaml: sequences[1]: crop: [2, 10.5] is not inside the sequence's times 0 .. 10 s",
                error(() -> ScriptTiming.apply(TEN, spec(1, "crop", List.of(2, 10.5)))));
        assertEquals("movie.yaml: sequences[1]: speed: expected a positive number, got -2 (to play backwards, add reverse: true)",
                error(() -> ScriptTiming.apply(TEN, spec(1, "speed", -2))));
        assertEquals("movie.yaml: sequences[1]: speed: expected a positive number, got 0 (to play backwards, add reverse: true)",
                error(() -> ScriptTiming.apply(TEN, spec(1, "speed", 0))));
        assertEquals("movie.yaml: sequences[1]: speed: expected a finite number, got 'fast'",
                error(() -> ScriptTiming.apply(TEN, spec(1, "speed", "fast"))));
        assertEquals("movie.yaml: sequences[1]: easing: unknown easing 'cubic'; expected one of linear, quadratic-in,"
                        + " quadratic-out, quadratic-in-out, cubic-in, cubic-out, cubic-in-out, sine-in, sine-out,"
                        + " sine-in-out, exponential-in, exponential-out, exponential-in-out",
                error(() -> ScriptTiming.apply(TEN, spec(1, "easing", "cubic"))));
        assertEquals("movie.yaml: sequences[1]: easing: expected an easing name such as cubic-in-out, got 3",
                error(() -> ScriptTiming.apply(TEN, spec(1, "easing", 3))));
        assertEquals("movie.yaml: sequences[1]: crossfade: expected a length in seconds, at least 0, got -1",
                error(() -> ScriptTiming.apply(TEN, spec(1, "crossfade", -1))));
        assertEquals("movie.yaml: sequences[1]: crossfade: expected a finite number, got 'long'",
                error(() -> ScriptTiming.apply(TEN, spec(1, "crossfade", "long"))));
    }

    private static final CustomSequence A = new CustomSequence(0, 2, "A", (t, p) -> p.fill(0));
    private static final CustomSequence B = new CustomSequence(5, 8, "B", (t, p) -> p.fill(0));
    private static final CustomSequence C = new CustomSequence(0, 1, "C", (t, p) -> p.fill(0));

    private static List<ScriptTiming.Entry> entries(Object... sequencesAndSpecs) {
        List<ScriptTiming.Entry> list = new ArrayList<>();
        for (int k = 0; k < sequencesAndSpecs.length; k += 2) {
            list.add(new ScriptTiming.Entry((Sequence) sequencesAndSpecs[k], (SequenceSpec) sequencesAndSpecs[k + 1]));
        }
        return list;
    }

    @Test
    void aCrossfadeMergesASequenceWithTheOneBefore() {
        List<Sequence> movie = ScriptTiming.applyCrossfades(
                entries(A, spec(0), B, spec(1, "crossfade", 1), C, spec(2)), 10);
        assertEquals(2, movie.size());
        Crossfade fade = assertInstanceOf(Crossfade.class, movie.get(0));
        assertSame(A, fade.from());
        assertSame(B, fade.into());
        assertEquals(1, fade.seconds(), 0.0);
        assertEquals(40, fade.frameCount(10));
        assertSame(C, movie.get(1));

        // Fades chain: A into B (10 frames), then into C (5 frames): 20 + 30 + 10 - 10 - 5 frames.
        List<Sequence> chained = ScriptTiming.applyCrossfades(
                entries(A, spec(0), B, spec(1, "crossfade", 1), C, spec(2, "crossfade", 0.5)), 10);
        assertEquals(1, chained.size());
        assertEquals(45, chained.get(0).frameCount(10));
        assertEquals("crossfade 0.5 s from crossfade 1 s from A into B into C", chained.get(0).description());

        // Without fades the list is the sequences as they are.
        assertEquals(List.of(A, B, C), ScriptTiming.applyCrossfades(entries(A, spec(0), B, spec(1), C, spec(2)), 10));
    }

    @Test
    void crossfadeErrorsNameTheEntry() {
        assertEquals("movie.yaml: sequences[0]: crossfade: the first sequence has no sequence before it to fade from",
                error(() -> ScriptTiming.applyCrossfades(entries(A, spec(0, "crossfade", 1), B, spec(1)), 10)));
        assertEquals("movie.yaml: sequences[1]: crossfade: 2.5 s is longer than the previous sequence"
                        + " (movie.yaml: sequences[0], A), which lasts 2 s",
                error(() -> ScriptTiming.applyCrossfades(entries(A, spec(0), B, spec(1, "crossfade", 2.5)), 10)));
        assertEquals("movie.yaml: sequences[1]: crossfade: 1.5 s is longer than this sequence (C), which lasts 1 s",
                error(() -> ScriptTiming.applyCrossfades(entries(B, spec(0), C, spec(1, "crossfade", 1.5)), 10)));
        assertEquals("movie.yaml: sequences[2]: crossfade: this fade (10 frames at 10 fps) and the fade into the previous"
                        + " sequence (movie.yaml: sequences[1], A) (15 frames) overlap: together they are longer than its 20 frames",
                error(() -> ScriptTiming.applyCrossfades(entries(
                        B, spec(0), A, spec(1, "crossfade", 1.5), B, spec(2, "crossfade", 1)), 10)));

        // 3.01 s cropped from a 0 .. 10 s sequence holds only 89 frames at 29.97 fps: a 3.005 s fade needs 90.
        SequenceSpec cropped = spec(1, "crop", List.of(0.00002, 3.01002), "crossfade", 3.005);
        Sequence short89 = ScriptTiming.apply(TEN, cropped);
        assertEquals(89, short89.frameCount(29.97));
        assertEquals("movie.yaml: sequences[1]: crossfade: 3.005 s is 90 frames at 29.97 fps, more than the 89 frames"
                        + " of this sequence (crop 2.0E-5 .. 3.01002 s of stamp 0.0 .. 10.0)",
                error(() -> ScriptTiming.applyCrossfades(entries(TEN, spec(0), short89, cropped), 29.97)));
    }

    @Test
    void aFadeOfZeroIsNoFade() {
        // A stamp sequence, then a reversed one with crossfade: 0, through the real renderer: the
        // first's frames, then the second's backwards.
        CustomSequence first = Stamp.over(0, 1.5);
        SequenceSpec secondSpec = spec(1, "reverse", true, "crossfade", 0);
        Sequence second = ScriptTiming.apply(Stamp.over(3, 4), secondSpec);
        List<Sequence> movie = ScriptTiming.applyCrossfades(entries(first, spec(0), second, secondSpec), 24);
        assertEquals(List.of(first, second), movie);
        double[] expected = new double[36 + 24];
        for (int i = 0; i < 36; i++) {
            expected[i] = first.frameTime(i, 24);
        }
        for (int i = 0; i < 24; i++) {
            expected[36 + i] = 3 + (4.0 - 3) * (23 - i) / 24;
        }
        assertArrayEquals(expected, Stamp.rendered(24, movie.toArray(new Sequence[0])));
    }
}
