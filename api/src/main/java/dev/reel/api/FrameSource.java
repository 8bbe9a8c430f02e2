package dev.reel.api;

/**
 * Something that can draw a camera {@link View} into a {@link Picture}: a memory-mapped database,
 * a procedural image, anything. Sequences drive sources; a source knows nothing about time.
 *
 * <p><b>Threads.</b> One source is shared by every render thread of a movie, and
 * {@link #draw} is called concurrently for different frames: implementations must be thread-safe
 * and must not copy their data per frame.
 */
public interface FrameSource extends AutoCloseable {

    /** A short name for messages, typically the file it reads, e.g. {@code "pan.postdb"}. */
    String description();

    /** Whether this source can draw views of the given kind (e.g. {@code PanView.class}). */
    boolean supports(Class<? extends View> kind);

    /**
     * Checks a view without drawing it, so that a bad camera path is reported before rendering
     * starts. The default accepts every view of a supported kind.
     *
     * @param view the view, not null
     * @param width the width in pixels of the picture it would be drawn into
     * @param height the height in pixels
     * @throws InvalidViewException if the view cannot be drawn, with a message naming the source,
     *     the view and the limit it breaks
     */
    default void check(View view, int width, int height) {
        if (!supports(view.getClass())) {
            throw new InvalidViewException(description() + " cannot draw a "
                    + view.getClass().getSimpleName() + " (it draws other kinds of view)");
        }
    }

    /**
     * Draws a view so that it fills {@code target} exactly, writing every pixel. The view's aspect
     * ratio is the target's. Called from render threads, concurrently.
     *
     * @throws InvalidViewException if the view is of an unsupported kind or leaves the source's data
     */
    void draw(View view, Picture target);

    /** Releases what the source holds (mappings, files). The default does nothing. */
    @Override
    default void close() {
    }
}
