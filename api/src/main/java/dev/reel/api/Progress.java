package dev.reel.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A snapshot of a render in progress.
 *
 * @param framesRendered frames drawn so far (and prepared for the encoder)
 * @param framesEncoded frames handed to the encoder so far
 * @param totalFrames frames in the range being rendered
 * @param elapsed time since the render started
 * @param framesPerSecond frames encoded per second of elapsed time
 * @param eta estimated time to finish, empty until a rate is known
 * @param encoderIdle fraction of the elapsed time the encoding thread spent waiting for the next
 *     frame (high when rendering is the bottleneck)
 * @param renderersBlocked fraction of the render threads' time spent waiting for the encoder to
 *     free a slot in the window (high when encoding is the bottleneck)
 */
public record Progress(int framesRendered, int framesEncoded, int totalFrames, Duration elapsed,
        double framesPerSecond, Optional<Duration> eta, double encoderIdle, double renderersBlocked) {

    /** Which side of the pipeline limits the frame rate. */
    public enum Bottleneck {
        /** Not known yet: nothing has been encoded. */
        UNKNOWN,
        /** The encoder waits for frames: more render threads (or a faster source) would help. */
        RENDERING,
        /** Render threads wait for the encoder: a faster encoder or preset would help. */
        ENCODING
    }

    /** The side that waits less is the one holding the other up. */
    public Bottleneck bottleneck() {
        if (framesEncoded == 0) {
            return Bottleneck.UNKNOWN;
        }
        return encoderIdle > renderersBlocked ? Bottleneck.RENDERING : Bottleneck.ENCODING;
    }

    /** Whether every frame of the range has been encoded. */
    public boolean complete() {
        return framesEncoded == totalFrames;
    }

    /** One plain line, e.g. {@code 120/600 frames (20.0%), 58.3 fps, ETA 0:08, bottleneck: encoding}. */
    @Override
    public String toString() {
        String etaText = eta.map(Progress::clock).orElse("?");
        return String.format(Locale.ROOT, "%d/%d frames (%.1f%%), %.1f fps, elapsed %s, ETA %s, bottleneck: %s",
                framesEncoded, totalFrames, 100.0 * framesEncoded / totalFrames, framesPerSecond,
                clock(elapsed), etaText, bottleneck().name().toLowerCase(Locale.ROOT));
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
