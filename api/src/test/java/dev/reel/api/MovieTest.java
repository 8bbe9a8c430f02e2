package dev.reel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MovieTest {

    @Test
    void framesFollowTheFractalshadesTimingRule() {
        // pan t = [0, 10] and zoom t = [10, 45] at 60 fps, as in movie-script.md
        PatternSequence pan = new PatternSequence(0, 10, "camera-pan");
        PatternSequence zoom = new PatternSequence(10, 45, "camera-zoom");
        Movie movie = new Movie(720, 480, 60, List.of(pan, zoom));

        assertEquals(600 + 2100, movie.frameCount());
        assertEquals(600, movie.firstFrameOf(1));
        FrameRef first = movie.frame(0);
        assertEquals(new FrameRef(0, 0, pan, 0, 0.0), first);
        assertEquals(10.0 * 599 / 600, movie.frame(599).time());
        FrameRef zoomStart = movie.frame(600);
        assertSame(zoom, zoomStart.sequence());
        assertEquals(0, zoomStart.localIndex());
        assertEquals(10.0, zoomStart.time());
        FrameRef last = movie.frame(2699);
        assertEquals(2099, last.localIndex());
        assertEquals(10 + 35.0 * 2099 / 2100, last.time());
    }

    @Test
    void aFractionalDurationTruncatesTheFrameCount() {
        // (1.05 - 0) * 30 = 31.5 -> 31 frames; frame i at 1.05 * i / 31
        Movie movie = new Movie(4, 4, 30, List.of(new PatternSequence(0, 1.05, "s")));
        assertEquals(31, movie.frameCount());
        assertEquals(1.05 * 30 / 31, movie.frame(30).time());
        // 29.97 fps, a sequence that starts late
        Movie ntsc = new Movie(4, 4, 29.97, List.of(new PatternSequence(2.5, 12.5, "s")));
        assertEquals(299, ntsc.frameCount());
        assertEquals(2.5 + 10.0 * 100 / 299, ntsc.frame(100).time());
    }

    @Test
    void theFrameCountTruncatesInDoublePrecisionAsPythonDoes() {
        // Python: int((2.01 - 1.01) * 10) == 9, since 2.01 - 1.01 == 0.9999999999999998
        assertEquals(9, new Movie(4, 4, 10, List.of(new PatternSequence(1.01, 2.01, "s"))).frameCount());
    }

    @Test
    void emptySequencesTakeNoFrames() {
        PatternSequence a = new PatternSequence(0, 1, "a");
        PatternSequence blink = new PatternSequence(1, 1.0625, "blink"); // 1/16 s at 10 fps: no frame
        PatternSequence c = new PatternSequence(1.0625, 2.0625, "c");
        Movie movie = new Movie(4, 4, 10, List.of(a, blink, c));
        assertEquals(20, movie.frameCount());
        assertSame(a, movie.frame(9).sequence());
        assertSame(c, movie.frame(10).sequence());
        assertEquals(2, movie.frame(10).sequenceIndex());
    }

    @Test
    void nearestFramePicksTheClosestTimeAcrossSequences() {
        Movie movie = new Movie(4, 4, 10, List.of(
                new PatternSequence(0, 1, "a"), new PatternSequence(1, 2, "b")));
        assertEquals(0, movie.nearestFrame(-5));
        assertEquals(0, movie.nearestFrame(0.04));
        assertEquals(1, movie.nearestFrame(0.06));
        assertEquals(9, movie.nearestFrame(0.9));
        assertEquals(10, movie.nearestFrame(1.0));
        assertEquals(10, movie.nearestFrame(0.97));
        assertEquals(19, movie.nearestFrame(1.9));
        assertEquals(19, movie.nearestFrame(100));
        // a tie goes to the earlier frame
        assertEquals(3, movie.nearestFrame(0.35));
    }

    @Test
    void badMoviesAreRejectedClearly() {
        assertEquals("a movie needs at least one sequence",
                assertThrows(IllegalArgumentException.class, () -> new Movie(4, 4, 10, List.of())).getMessage());
        assertEquals("the movie has no frame: every sequence is shorter than one frame at 10.0 fps",
                assertThrows(IllegalArgumentException.class,
                        () -> new Movie(4, 4, 10, List.of(new PatternSequence(0, 0.05, "s")))).getMessage());
        assertEquals("sequence 1 (back) runs from 2.0 to 1.0 s; expected finite times with start <= end",
                assertThrows(IllegalArgumentException.class,
                        () -> new Movie(4, 4, 10, List.of(new PatternSequence(2, 1, "back")))).getMessage());
        assertEquals("movie size must be positive, got 0x480",
                assertThrows(IllegalArgumentException.class, () -> new VideoFormat(0, 480, 60)).getMessage());
        assertEquals("fps must be a positive number, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new VideoFormat(4, 4, Double.NaN)).getMessage());
        Movie m = new Movie(4, 4, 10, List.of(new PatternSequence(0, 1, "a")));
        assertEquals("frame 10 is not in the movie: it has frames 0 to 9",
                assertThrows(IllegalArgumentException.class, () -> m.frame(10)).getMessage());
        assertEquals("frame range 5:5 is empty or negative; expected 0 <= FROM < TO",
                assertThrows(IllegalArgumentException.class, () -> new FrameRange(5, 5)).getMessage());
    }
}
