package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reel.api.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private static Progress progress(int encoded, int total, long elapsedSeconds, double idle, double blocked) {
        double fps = elapsedSeconds == 0 ? 0 : (double) encoded / elapsedSeconds;
        Optional<Duration> eta = fps == 0 ? Optional.empty()
                : Optional.of(Duration.ofSeconds(Math.round((total - encoded) / fps)));
        return new Progress(encoded, encoded, total, Duration.ofSeconds(elapsedSeconds), fps, eta, idle, blocked);
    }

    @Test
    void theBarShowsFramesRateEtaAndBottleneck() {
        assertEquals("[######------------------] 150/600 frames  50.0 fps  ETA 0:09  bottleneck: encoding",
                ProgressDisplay.barLine(progress(150, 600, 3, 0.1, 0.6)));
        assertEquals("[########################] 600/600 frames  60.0 fps  done  bottleneck: rendering",
                ProgressDisplay.barLine(progress(600, 600, 10, 0.7, 0.1)));
        assertEquals("[------------------------] 0/600 frames  0.0 fps  ETA ?",
                ProgressDisplay.barLine(progress(0, 600, 0, 0, 0)));
        assertEquals("1:01:05", ProgressDisplay.clock(Duration.ofSeconds(3665)));
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() {
        StringWriter err = new StringWriter();
        ProgressDisplay display = ProgressDisplay.bar(new PrintWriter(err));
        display.onProgress(progress(150, 600, 3, 0.1, 0.6));
        display.onProgress(progress(600, 600, 10, 0.7, 0.1));
        display.finish();
        String first = ProgressDisplay.barLine(progress(150, 600, 3, 0.1, 0.6));
        String second = ProgressDisplay.barLine(progress(600, 600, 10, 0.7, 0.1));
        assertEquals(3, first.length() - second.length());
        // The shorter second line is padded with blanks over the tail of the first.
        assertEquals("\r" + first + "\r" + second + "   " + System.lineSeparator(), err.toString());
    }

    @Test
    void otherwisePlainLinesEveryFiveSecondsAndTheLast() {
        StringWriter err = new StringWriter();
        ProgressDisplay display = ProgressDisplay.lines(new PrintWriter(err), Duration.ofSeconds(5));
        for (int s = 0; s <= 12; s++) {
            display.onProgress(progress(s * 10, 125, s, 0.5, 0.1));
        }
        display.onProgress(progress(125, 125, 13, 0.5, 0.1));
        display.finish();
        String n = System.lineSeparator();
        assertEquals("rendered " + progress(0, 125, 0, 0.5, 0.1) + n
                + "rendered " + progress(50, 125, 5, 0.5, 0.1) + n
                + "rendered " + progress(100, 125, 10, 0.5, 0.1) + n
                + "rendered " + progress(125, 125, 13, 0.5, 0.1) + n, err.toString());
    }
}
