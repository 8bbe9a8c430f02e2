package dev.reel.sequences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Reverse, crop, speed, easing and concatenation, checked frame for frame on the exact times drawn. */
class TimeRemappingTest {

    /** Typical frame rates, NTSC ones included. */
    private static final double[] FPS = {24, 25, 30, 60, 29.97, 23.976, 59.94, 30000.0 / 1001};

    /** Sequence ranges, round and odd. */
    private static final double[][] RANGES = {{0, 10}, {0.1, 7.3}, {1.0 / 3, 2.9}, {12.345, 45.678}, {10, 12.5}, {-3.7, 4.1}};

    @Test
    void reverseDrawsInnerFrameNMinusOneMinusIAndReverseOfReverseIsTheSequence() {
        for (double fps : FPS) {
            for (double[] r : RANGES) {
                CustomSequence s = Stamp.over(r[0], r[1]);
                int n = s.frameCount(fps);
                Reversed reversed = new Reversed(s);
                assertEquals(n, reversed.frameCount(fps));
                assertArrayEquals(Stamp.frameTimes(s, fps), Stamp.frameTimes(reversed, fps));
                double[] drawn = Stamp.drawn(reversed, fps);
                for (int i = 0; i < n; i++) {
                    assertEquals(s.frameTime(n - 1 - i, fps), drawn[i], 0.0, fps + " fps " + Arrays.toString(r) + " frame " + i);
                }
                Reversed twice = new Reversed(reversed);
                assertArrayEquals(Stamp.frameTimes(s, fps), Stamp.drawn(twice, fps), fps + " fps " + Arrays.toString(r));
            }
        }
    }

    @Test
    void reverseAtThirtyFps() {
        // 0 .. 1 s at 30 fps: frames at i / 30; the reverse starts on 29/30 and ends on 0.
        double[] drawn = Stamp.drawn(new Reversed(Stamp.over(0, 1)), 30);
        assertEquals(30, drawn.length);
        assertEquals(29.0 / 30, drawn[0], 0.0);
        assertEquals(28.0 / 30, drawn[1], 0.0);
        assertEquals(0.0, drawn[29], 0.0);
    }

    @Test
    void cropsThatMeetConcatenateToTheOriginalFrameForFrame() {
        for (double fps : FPS) {
            for (double[] r : RANGES) {
                CustomSequence s = Stamp.over(r[0], r[1]);
                int n = s.frameCount(fps);
                double d = r[1] - r[0];
                TreeSet<Double> cuts = new TreeSet<>();
                // Frame-aligned cuts, including the first and last frames...
                for (int k : new int[] {1, n / 3, n / 2, 2 * n / 3, n - 1}) {
                    cuts.add(s.frameTime(k, fps));
                }
                // ...and cuts between frames.
                for (double f : new double[] {0.123, 0.5000001, 0.77}) {
                    cuts.add(r[0] + d * f);
                }
                List<Double> c = new ArrayList<>(cuts);
                for (int a = 0; a < c.size(); a++) {
                    for (int b = a; b < c.size(); b++) {
                        Concatenation whole = new Concatenation(List.of(
                                new Cropped(s, r[0], c.get(a)),
                                new Cropped(s, c.get(a), c.get(b)),
                                new Cropped(s, c.get(b), r[1])));
                        String where = fps + " fps " + Arrays.toString(r) + " cut at " + c.get(a) + ", " + c.get(b);
                        assertEquals(n, whole.frameCount(fps), where);
                        assertArrayEquals(Stamp.frameTimes(s, fps), Stamp.frameTimes(whole, fps), where);
                        assertArrayEquals(Stamp.frameTimes(s, fps), Stamp.drawn(whole, fps), where);
                    }
                }
                // A crop from frame k to frame l has the l - k frames k .. l - 1.
                int k = n / 4;
                int l = 3 * n / 4;
                Cropped middle = new Cropped(s, s.frameTime(k, fps), s.frameTime(l, fps));
                assertEquals(l - k, middle.frameCount(fps));
                assertEquals(s.frameTime(k, fps), Stamp.drawn(middle, fps)[0], 0.0);
                assertEquals(s.frameTime(l - 1, fps), Stamp.drawn(middle, fps)[l - k - 1], 0.0);
            }
        }
    }

    @Test
    void aCropCountsInnerFramesWhereTheDefaultFormulaWouldLoseOne() {
        CustomSequence s = Stamp.over(0, 10);
        double b = s.frameTime(100, 30);
        assertEquals(3.3333333333333335, b, 0.0);
        Cropped rest = new Cropped(s, b, 10);
        // (int) ((10 - b) * 30) is 199 in doubles: a crop on its own grid would drop a frame.
        assertEquals(199, (int) ((10 - b) * 30));
        assertEquals(200, rest.frameCount(30));
        assertEquals(100, new Cropped(s, 0, b).frameCount(30));
        assertEquals(b, rest.startTime(), 0.0);
        assertEquals(10, rest.endTime(), 0.0);
        // A crop between frames keeps the frames inside: 2.01 .. 2.99 s holds frames 61 .. 89.
        Cropped between = new Cropped(s, 2.01, 2.99);
        assertEquals(29, between.frameCount(30));
        assertEquals(s.frameTime(61, 30), between.frameTime(0, 30), 0.0);
        assertEquals(s.frameTime(89, 30), Stamp.drawn(between, 30)[28], 0.0);
    }

    @Test
    void speedTwoHalvesTheFramesAndDoublesTheTimeStep() {
        CustomSequence s = Stamp.over(0, 10);
        SpeedChange fast = new SpeedChange(s, 2);
        assertEquals(300, s.frameCount(30));
        assertEquals(150, fast.frameCount(30));
        assertEquals(0, fast.startTime(), 0.0);
        assertEquals(5, fast.endTime(), 0.0);
        double[] drawn = Stamp.drawn(fast, 30);
        assertArrayEquals(Stamp.frameTimes(s, 15), drawn);
        assertEquals(0, drawn[0], 0.0);
        assertEquals(2.0 / 30, drawn[1] - drawn[0], 1e-15);
        assertEquals(149 * 2.0 / 30, drawn[149], 1e-12);
        // It plays in movie time: frame i at i / 30.
        assertEquals(1.0 / 30, fast.frameTime(1, 30), 1e-15);
        assertEquals(149.0 / 30, fast.frameTime(149, 30), 1e-12);

        SpeedChange slow = new SpeedChange(s, 0.5);
        assertEquals(600, slow.frameCount(30));
        assertEquals(20, slow.endTime(), 0.0);
        assertArrayEquals(Stamp.frameTimes(s, 60), Stamp.drawn(slow, 30));

        // Speed 3 at 29.97 fps over 1.5 .. 11.5: the inner frames at 9.99 fps, (int) (10 * 9.99) = 99 of them.
        CustomSequence odd = Stamp.over(1.5, 11.5);
        SpeedChange triple = new SpeedChange(odd, 3);
        assertEquals(99, triple.frameCount(29.97));
        assertArrayEquals(Stamp.frameTimes(odd, 29.97 / 3), Stamp.drawn(triple, 29.97));
        assertEquals(1.5 + 10.0 / 3, triple.endTime(), 1e-15);
    }

    @Test
    void theInnerSequenceIsPreparedAtTheRateItIsPlayed() {
        List<VideoFormat> prepared = new ArrayList<>();
        Sequence recorder = new Sequence() {
            @Override
            public double startTime() {
                return 0;
            }

            @Override
            public double endTime() {
                return 4;
            }

            @Override
            public void prepare(VideoFormat format) {
                prepared.add(format);
            }

            @Override
            public void render(double time, Picture target) {
                Stamp.paint(time, target);
            }
        };
        new Reversed(new SpeedChange(new Cropped(recorder, 1, 3), 4)).prepare(new VideoFormat(64, 48, 60));
        assertEquals(List.of(new VideoFormat(64, 48, 15)), prepared);
    }

    @Test
    void linearEasingIsTheSequenceFrameForFrame() {
        for (double fps : FPS) {
            CustomSequence s = Stamp.over(0.1, 7.3);
            assertArrayEquals(Stamp.frameTimes(s, fps), Stamp.drawn(new Eased(s, Easing.LINEAR), fps));
        }
    }

    @Test
    void easingKeepsTheFirstMiddleAndLastFramesAndRedistributesTheRest() {
        // 0 .. 10.05 s at 30 fps: 301 frames; cubic-in-out is 1/2 at the middle frame 150.
        CustomSequence s = Stamp.over(0, 10.05);
        int n = s.frameCount(30);
        assertEquals(301, n);
        Eased eased = new Eased(s, Easing.CUBIC_IN_OUT);
        assertEquals(n, eased.frameCount(30));
        assertArrayEquals(Stamp.frameTimes(s, 30), Stamp.frameTimes(eased, 30));
        double[] drawn = Stamp.drawn(eased, 30);
        assertEquals(s.frameTime(0, 30), drawn[0], 0.0);
        assertEquals(s.frameTime(150, 30), drawn[150], 0.0);
        assertEquals(s.frameTime(300, 30), drawn[300], 0.0);
        for (int i = 0; i < n; i++) {
            double u = i / 300.0;
            // Cubic in-out in closed form: 4u^3, then 1 - (2 - 2u)^3 / 2; frame position 300 times that.
            double eased01 = u < 0.5 ? 4 * u * u * u : 1 - Math.pow(2 - 2 * u, 3) / 2;
            assertEquals(10.05 * 300 * eased01 / 301, drawn[i], 1e-12, "frame " + i);
            if (i > 0) {
                assertTrue(drawn[i] >= drawn[i - 1], "frame " + i);
            }
        }
        // Slow at the start: the second frame is 4 (1/300)^3 of the way, far less than a frame.
        assertTrue(drawn[1] - drawn[0] < 1e-5);
    }

    @Test
    void easingAReversedSequenceEasesThePlayedMotion() {
        CustomSequence s = Stamp.over(0, 2);
        Eased eased = new Eased(new Reversed(s), Easing.QUADRATIC_IN);
        double[] drawn = Stamp.drawn(eased, 10);
        assertEquals(20, drawn.length);
        assertEquals(1.9, drawn[0], 0.0);
        assertEquals(0, drawn[19], 0.0);
        for (int i = 0; i < 20; i++) {
            double u = i / 19.0;
            assertEquals(1.9 * (1 - u * u), drawn[i], 1e-12, "frame " + i);
        }
    }

    @Test
    void concatenationAcrossBoundaries() {
        CustomSequence a = Stamp.over(0, 2);
        CustomSequence b = Stamp.over(5, 8);
        Concatenation ab = new Concatenation(List.of(a, b));
        assertEquals(50, ab.frameCount(10));
        assertEquals(0, ab.startTime(), 0.0);
        assertEquals(5, ab.endTime(), 0.0);
        // B follows on from A's end: its frames are shifted from 5 .. 8 to 2 .. 5.
        assertEquals(a.frameTime(19, 10), ab.frameTime(19, 10), 0.0);
        assertEquals(2.0, ab.frameTime(20, 10), 0.0);
        assertEquals(4.9, ab.frameTime(49, 10), 1e-15);
        double[] drawn = Stamp.drawn(ab, 10);
        assertEquals(1.9, drawn[19], 0.0);
        assertEquals(5.0, drawn[20], 0.0);
        assertEquals(b.frameTime(29, 10), drawn[49], 0.0);
        // Drawn by the real renderer on three threads, the same as the two sequences in one movie.
        assertArrayEquals(Stamp.rendered(10, a, b), Stamp.rendered(10, ab));

        // A part with no frame at this rate is skipped.
        Concatenation withEmpty = new Concatenation(List.of(a, Stamp.over(3, 3.05), b));
        assertEquals(50, withEmpty.frameCount(10));
        assertArrayEquals(drawn, Stamp.drawn(withEmpty, 10));
    }

    @Test
    void theRendererDrawsComposedWrappersFrameForFrame() {
        // Reverse of (crop 1 .. 4 of a 0 .. 6 s sequence) at double speed, at 29.97 fps.
        CustomSequence s = Stamp.over(0, 6);
        Sequence composed = new Reversed(new SpeedChange(new Cropped(s, 1, 4), 2));
        double[] inner = Stamp.frameTimes(new Cropped(s, 1, 4), 29.97 / 2);
        double[] rendered = Stamp.rendered(29.97, composed);
        assertEquals(inner.length, rendered.length);
        for (int i = 0; i < inner.length; i++) {
            assertEquals(inner[inner.length - 1 - i], rendered[i], 0.0, "frame " + i);
        }
    }

    @Test
    void descriptionsNameTheInnerSequence() {
        CustomSequence s = new CustomSequence(0, 10, "title", (t, p) -> p.fill(0));
        assertEquals("reverse of title", new Reversed(s).description());
        assertEquals("crop 2 .. 5.5 s of title", new Cropped(s, 2, 5.5).description());
        assertEquals("speed 2x of title", new SpeedChange(s, 2).description());
        assertEquals("speed 0.5x of title", new SpeedChange(s, 0.5).description());
        assertEquals("sine-in-out easing of title", new Eased(s, Easing.SINE_IN_OUT).description());
        assertEquals("concatenation of [title; reverse of title]", new Concatenation(List.of(s, new Reversed(s))).description());
        assertEquals("crossfade 1.5 s from title into reverse of title", new Crossfade(s, new Reversed(s), 1.5).description());
    }

    @Test
    void badArgumentsAndMissingPrepareAreClearErrors() {
        CustomSequence s = new CustomSequence(0, 10, "title", (t, p) -> p.fill(0));
        assertEquals("cannot crop title to 5 .. 11 s: expected from <= to inside its times 0 .. 10 s",
                assertThrows(IllegalArgumentException.class, () -> new Cropped(s, 5, 11)).getMessage());
        assertEquals("cannot crop title to 5 .. 2 s: expected from <= to inside its times 0 .. 10 s",
                assertThrows(IllegalArgumentException.class, () -> new Cropped(s, 5, 2)).getMessage());
        assertEquals("the speed of title must be a positive number, got -2.0 (to play backwards, reverse it)",
                assertThrows(IllegalArgumentException.class, () -> new SpeedChange(s, -2)).getMessage());
        assertEquals("a concatenation needs at least one sequence",
                assertThrows(IllegalArgumentException.class, () -> new Concatenation(List.of())).getMessage());
        assertEquals("reverse of title: prepare(format) must be called before render, so that the sequence knows"
                        + " the frame rate of its frames",
                assertThrows(IllegalStateException.class, () -> new Reversed(s).render(0, new Picture(1, 1))).getMessage());
    }
}
