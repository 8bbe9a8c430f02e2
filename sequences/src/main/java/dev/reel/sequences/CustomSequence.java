package dev.reel.sequences;

import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import java.util.Objects;

/**
 * A sequence whose frames a Java function draws from the movie time: the equivalent of
 * fractalshades' {@code Custom_sequence}, for anything that is not a camera move over a database
 * (a title card, a transition, a procedural image).
 *
 * <p>The function is called from several render threads at once and must be thread-safe; it must
 * write every pixel of the picture it is given.
 */
public final class CustomSequence implements Sequence {

    /** Draws the frame at a movie time. */
    @FunctionalInterface
    public interface Painter {
        /**
         * Draws one frame. Called concurrently from render threads, for frames in any order; the
         * result must depend only on {@code time}.
         *
         * @param time the frame's movie time, in {@code [start, end)}
         * @param target the picture to fill, of the movie's size; it holds an older frame, so every
         *     pixel must be written
         */
        void paint(double time, Picture target);
    }

    private final double start;
    private final double end;
    private final String description;
    private final Painter painter;

    /**
     * @param start the time of the first frame, in movie seconds
     * @param end the end time (never drawn itself)
     * @param description a short name for messages
     * @param painter draws a frame; thread-safe
     * @throws IllegalArgumentException if a time is not finite or {@code end < start}
     * @throws NullPointerException if {@code description} or {@code painter} is null
     */
    public CustomSequence(double start, double end, String description, Painter painter) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(painter, "painter");
        if (!Double.isFinite(start) || !Double.isFinite(end) || end < start) {
            throw new IllegalArgumentException("custom sequence '" + description + "' runs from " + start
                    + " to " + end + " s; expected finite times with start <= end");
        }
        this.start = start;
        this.end = end;
        this.description = description;
        this.painter = painter;
    }

    @Override
    public double startTime() {
        return start;
    }

    @Override
    public double endTime() {
        return end;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void render(double time, Picture target) {
        painter.paint(time, target);
    }
}
