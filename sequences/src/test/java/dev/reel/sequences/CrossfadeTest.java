package dev.reel.sequences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.Encoder;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import dev.reel.api.VideoFormat;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossfadeTest {

    /** A: 0 .. 2 s of solid (200, 50 t, 0); at 10 fps frame j is (200, 5 j, 0). */
    private static final CustomSequence A = new CustomSequence(0, 2, "A",
            (t, p) -> p.fill(rgb(200, (int) Math.round(50 * t), 0)));

    /** B: 5 .. 8 s of solid (11, 255, 20 (t - 5)); at 10 fps frame j is (11, 255, 2 j). */
    private static final CustomSequence B = new CustomSequence(5, 8, "B",
            (t, p) -> p.fill(rgb(11, 255, (int) Math.round(20 * (t - 5)))));

    private static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    /** p (1 - k/m) + q k/m rounded to nearest, halves up: the documented blend, in closed form. */
    private static int mix(int p, int q, int k, int m) {
        return (int) Math.floor((p * (m - k) + q * k) / (double) m + 0.5);
    }

    @Test
    void theLastSecondOfABlendsWithTheFirstSecondOfB() {
        Crossfade fade = new Crossfade(A, B, 1);
        // 20 + 30 frames, 10 of them shared.
        assertEquals(40, fade.frameCount(10));
        assertEquals(0, fade.startTime(), 0.0);
        assertEquals(4, fade.endTime(), 0.0);
        assertEquals(1.0, fade.frameTime(10, 10), 0.0);
        assertEquals(2.0, fade.frameTime(20, 10), 0.0);
        assertEquals(3.9, fade.frameTime(39, 10), 1e-15);

        int[] colours = new int[40];
        Movie movie = new Movie(4, 3, 10, java.util.List.of(fade));
        OrderedRenderer.builder().threads(3).build().render(movie, new Encoder() {
            @Override
            public void encode(Picture picture, int frameIndex) {
                colours[frameIndex] = picture.get(0, 0);
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 4; x++) {
                        assertEquals(colours[frameIndex], picture.get(x, y), "frame " + frameIndex);
                    }
                }
            }

            @Override
            public void close() {
            }
        });

        for (int i = 0; i < 10; i++) {
            assertEquals(rgb(200, 5 * i, 0), colours[i], "frame " + i);
        }
        for (int k = 0; k < 10; k++) {
            int a = 10 + k;
            assertEquals(rgb(mix(200, 11, k, 10), mix(5 * a, 255, k, 10), mix(0, 2 * k, k, 10)), colours[10 + k], "frame " + (10 + k));
        }
        // Start: A alone. Middle: (200 + 11) / 2 = 105.5 rounds up to 106, (75 + 255) / 2 = 165, 10 / 2 = 5.
        // End: (200 + 9 * 11) / 10 = 29.9 -> 30, (95 + 9 * 255) / 10 = 239, 9 * 18 / 10 = 16.2 -> 16.
        assertEquals(rgb(200, 50, 0), colours[10]);
        assertEquals(rgb(106, 165, 5), colours[15]);
        assertEquals(rgb(30, 239, 16), colours[19]);
        for (int i = 20; i < 40; i++) {
            assertEquals(rgb(11, 255, 2 * (i - 10)), colours[i], "frame " + i);
        }
    }

    @Test
    void blendingRoundsToNearestWithHalvesUpExactly() {
        int[][] cases = {
            // p, q, num, den, expected
            {1, 2, 1, 2, 2}, {2, 1, 1, 2, 2}, {255, 0, 1, 2, 128}, {0, 255, 1, 2, 128},
            {0, 1, 1, 3, 0}, {0, 2, 1, 3, 1}, {0, 2, 1, 4, 1}, {0, 1, 1, 4, 0},
            {255, 255, 7, 9, 255}, {0, 0, 7, 9, 0}, {10, 20, 0, 5, 10}, {10, 20, 5, 5, 20},
            {0, 255, 1 << 23, 1 << 24, 128}, {255, 0, 1, 1 << 24, 255},
        };
        for (int[] c : cases) {
            Picture p = new Picture(1, 1);
            Picture q = new Picture(1, 1);
            p.fill(rgb(c[0], c[0], c[0]));
            q.fill(rgb(c[1], c[1], c[1]));
            Crossfade.blend(p, q, c[2], c[3], new int[511]);
            assertEquals(rgb(c[4], c[4], c[4]), p.get(0, 0), java.util.Arrays.toString(c));
        }
        // Every byte pair at one weight, against the closed form.
        Picture p = new Picture(256, 256);
        Picture q = new Picture(256, 256);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                p.set(x, y, rgb(x, y, 0));
                q.set(x, y, rgb(y, x, 255));
            }
        }
        Crossfade.blend(p, q, 3, 7, new int[511]);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                assertEquals(rgb(mix(x, y, 3, 7), mix(y, x, 3, 7), mix(0, 255, 3, 7)), p.get(x, y));
            }
        }
    }

    @Test
    void theSecondPictureIsOneScratchPicturePerThreadReused() {
        Set<Picture> drawnInto = Collections.newSetFromMap(new IdentityHashMap<>());
        CustomSequence b = new CustomSequence(5, 8, "B", (t, p) -> {
            drawnInto.add(p);
            p.fill(0);
        });
        Crossfade fade = new Crossfade(A, b, 1.5);
        fade.prepare(new VideoFormat(8, 8, 10));
        Picture target = new Picture(8, 8);
        for (int i = 5; i < 20; i++) {
            fade.render(fade.frameTime(i, 10), target);
        }
        assertEquals(1, drawnInto.size());
        assertNotSame(target, drawnInto.iterator().next());
    }

    @Test
    void aFadeBetweenFramesUnderAnEasingBlendsByPosition() {
        Eased eased = new Eased(new Crossfade(A, B, 1), Easing.QUADRATIC_IN_OUT);
        eased.prepare(new VideoFormat(2, 2, 10));
        Picture p = new Picture(2, 2);
        int previousRed = 256;
        for (int i = 0; i < 40; i++) {
            eased.render(eased.frameTime(i, 10), p);
            int red = p.get(1, 1) >>> 16;
            // Red goes from A's 200 to B's 11 and never back.
            assertTrue(red <= previousRed && red >= 11 && red <= 200, "frame " + i + ": " + red);
            previousRed = red;
        }
        assertEquals(11, previousRed);
    }

    @Test
    void aFadeLongerThanASequenceIsRejected() {
        assertEquals("cannot cross-fade 2.5 s from A (2 s) into B (3 s): expected at least 0 and at most the length of each",
                assertThrows(IllegalArgumentException.class, () -> new Crossfade(A, B, 2.5)).getMessage());
        // 3.01 s of a 0 .. 10 s sequence holds 89 frames at 29.97 fps, and a 3.005 s fade is 90 frames.
        CustomSequence s = new CustomSequence(0, 10, "s", (t, p) -> p.fill(0));
        Cropped short89 = new Cropped(s, 0.00002, 3.01002);
        assertEquals(89, short89.frameCount(29.97));
        Crossfade fade = new Crossfade(s, short89, 3.005);
        assertEquals("crossfade 3.005 s from s into crop 2.0E-5 .. 3.01002 s of s: the fade is 90 frames at 29.97 fps"
                        + " but crop 2.0E-5 .. 3.01002 s of s has only 89",
                assertThrows(IllegalArgumentException.class, () -> fade.frameCount(29.97)).getMessage());
    }
}
