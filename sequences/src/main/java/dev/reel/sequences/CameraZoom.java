package dev.reel.sequences;

import dev.reel.api.FrameSource;
import dev.reel.api.InvalidViewException;
import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import dev.reel.api.ZoomView;
import java.util.Objects;

/**
 * An exponential zoom, fractalshades' {@code Camera_zoom}: at each time it draws the
 * {@link ZoomView} {@code h(t)} of its {@link FrameSource} (0 = the deepest image fills the
 * frame's width; each unit of h zooms out by e). The sequence runs from the track's first
 * keyframe time to its last, with the timing of {@link Sequence}.
 *
 * <p>{@link #prepare} checks the depth of every frame with the source before anything is drawn.
 *
 * <p>Immutable and thread-safe when the source is. It does not own the source.
 */
public final class CameraZoom implements Sequence {
    private final FrameSource source;
    private final Track h;

    /**
     * @param source draws zoom views
     * @param h the zoom depth track
     * @throws IllegalArgumentException if the source does not draw zoom views
     * @throws NullPointerException if an argument is null
     */
    public CameraZoom(FrameSource source, Track h) {
        this.source = Objects.requireNonNull(source, "source");
        this.h = Objects.requireNonNull(h, "h");
        if (!source.supports(ZoomView.class)) {
            throw new IllegalArgumentException(source.description() + " cannot draw zoom views; camera-zoom needs an"
                    + " exponential map and its final image");
        }
    }

    /** The view at a movie time. */
    public ZoomView view(double time) {
        return new ZoomView(h.value(time));
    }

    public FrameSource source() {
        return source;
    }

    public Track h() {
        return h;
    }

    @Override
    public double startTime() {
        return h.start();
    }

    @Override
    public double endTime() {
        return h.end();
    }

    @Override
    public String description() {
        return "camera-zoom over " + source.description();
    }

    /**
     * Checks the view of every frame at the movie's frame rate and size with
     * {@link FrameSource#check}.
     *
     * @throws InvalidViewException for the first depth the source rejects, naming the frame
     *     (local to this sequence) and its time
     */
    @Override
    public void prepare(VideoFormat format) {
        FramePath.check(this, format, source, this::view);
    }

    @Override
    public void render(double time, Picture target) {
        source.draw(view(time), target);
    }
}
