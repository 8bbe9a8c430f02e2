package dev.reel.sequences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.Encoder;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomSequenceTest {

    /** Grey level = round(100 * t), one level per frame at 100 fps; a red marker at x = frame mod width. */
    private static void paint(double time, Picture p) {
        int grey = (int) Math.round(100 * time) & 0xff;
        p.fill(grey << 16 | grey << 8 | grey);
        p.set((int) Math.round(100 * time) % p.width(), 0, 0xff0000);
    }

    @Test
    void framesAreDrawnAtTheirMovieTimes() {
        CustomSequence fadeIn = new CustomSequence(0, 1, "fade in", CustomSequenceTest::paint);
        CustomSequence fadeOn = new CustomSequence(1, 1.5, "fade on", CustomSequenceTest::paint);
        Movie movie = new Movie(8, 2, 100, List.of(fadeIn, fadeOn));
        assertEquals(150, movie.frameCount());
        assertEquals("fade on", movie.frame(100).sequence().description());

        List<Integer> greys = new ArrayList<>();
        List<Integer> markers = new ArrayList<>();
        Encoder collect = new Encoder() {
            @Override
            public void encode(Picture picture, int frameIndex) {
                greys.add(picture.get(1, 1) & 0xff);
                for (int x = 0; x < picture.width(); x++) {
                    if (picture.get(x, 0) == 0xff0000) {
                        markers.add(x);
                    }
                }
            }

            @Override
            public void close() {
            }
        };
        OrderedRenderer.builder().threads(3).build().render(movie, collect);

        assertEquals(150, greys.size());
        for (int i = 0; i < 150; i++) {
            assertEquals(i, greys.get(i), "frame " + i);
            assertEquals(i % 8, markers.get(i), "frame " + i);
        }
    }

    @Test
    void badTimesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CustomSequence(2, 1, "title", (t, p) -> { }));
        assertEquals("custom sequence 'title' runs from 2.0 to 1.0 s; expected finite times with start <= end", e.getMessage());
    }
}
