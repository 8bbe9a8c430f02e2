package dev.reel.api;

/**
 * A stretch of a movie between a start and an end time, which draws the frame at any time in it.
 *
 * <p><b>Timing</b> (as in fractalshades): at {@code fps} frames per second a sequence has
 * {@code n = (int) ((end - start) * fps)} frames, and frame {@code i} is at
 * {@code start + (end - start) * i / n}, so the end time itself is never drawn. Implementations
 * normally keep the default {@link #frameCount} and {@link #frameTime}.
 *
 * <p><b>Threads.</b> {@link #render} is called from several render threads at once, for frames in
 * any order: it must be thread-safe and its result must depend only on the time, never on which
 * frames were drawn before.
 */
public interface Sequence {

    /** The time of the first frame, in movie seconds; finite. */
    double startTime();

    /** The end of the sequence, in movie seconds; finite and not before {@link #startTime()}. */
    double endTime();

    /** A short name for messages, e.g. {@code "camera-pan over pan.postdb"}. */
    default String description() {
        return getClass().getSimpleName();
    }

    /** The number of frames at this frame rate: {@code (int) ((end - start) * fps)}. */
    default int frameCount(double fps) {
        return (int) ((endTime() - startTime()) * fps);
    }

    /** The time of frame {@code index} (0-based, local to this sequence) at this frame rate. */
    default double frameTime(int index, double fps) {
        int n = frameCount(fps);
        return startTime() + (endTime() - startTime()) * index / n;
    }

    /**
     * Called once for each movie before any frame is rendered, from the thread that starts the
     * render, so that a sequence can check its whole path (a view that leaves a database, for one)
     * and precompute what depends only on the movie's size. The default does nothing.
     *
     * @throws RuntimeException to reject the movie; the renderer reports it with the sequence's
     *     position and description
     */
    default void prepare(VideoFormat format) {
    }

    /**
     * Draws the frame at {@code time} into {@code target}, writing every pixel (the picture holds
     * an older frame). Called from render threads, concurrently.
     *
     * @param time a movie time, one of {@link #frameTime} for a frame of this sequence
     * @param target the picture to fill, of the movie's size
     */
    void render(double time, Picture target);
}
