package dev.reel.sequences;

import dev.reel.api.FrameSource;
import dev.reel.api.InvalidViewException;
import dev.reel.api.PanView;
import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A camera moving over a flat database, fractalshades' {@code Camera_pan}: at each time it draws
 * the {@link PanView} {@code (x(t), y(t), dx(t))} of its {@link FrameSource}. The sequence runs
 * from the tracks' shared first keyframe time to their shared last one, with the timing of
 * {@link Sequence} ({@code (int) ((end - start) * fps)} frames).
 *
 * <p>{@link #prepare} checks the view of every frame with the source before anything is drawn, so
 * a path that leaves the database fails at once, naming the frame and its time.
 *
 * <p>Immutable and thread-safe when the source is (as {@link FrameSource} requires). It does not
 * own the source: whoever opened it closes it.
 */
public final class CameraPan implements Sequence {
    private final FrameSource source;
    private final Track x;
    private final Track y;
    private final Track dx;

    /**
     * @param source draws pan views
     * @param x the view centre's x track
     * @param y the view centre's y track
     * @param dx the view width track; every keyframe value positive (the interpolation may not
     *     undershoot them, which PCHIP and linear never do)
     * @throws IllegalArgumentException if the source does not draw pan views, the tracks do not
     *     share their first and last times, or a width is not positive
     * @throws NullPointerException if an argument is null
     */
    public CameraPan(FrameSource source, Track x, Track y, Track dx) {
        this.source = Objects.requireNonNull(source, "source");
        this.x = Objects.requireNonNull(x, "x");
        this.y = Objects.requireNonNull(y, "y");
        this.dx = Objects.requireNonNull(dx, "dx");
        if (!source.supports(PanView.class)) {
            throw new IllegalArgumentException(source.description() + " cannot draw pan views; camera-pan needs a"
                    + " flat database such as a .postdb");
        }
        Map<String, Track> tracks = new LinkedHashMap<>();
        tracks.put("x", x);
        tracks.put("y", y);
        tracks.put("dx", dx);
        Track.Problem p = Track.spanProblem(tracks);
        if (p != null) {
            throw new IllegalArgumentException("camera-pan: " + p.text());
        }
        int bad = firstNotPositive(dx);
        if (bad >= 0) {
            throw new IllegalArgumentException("camera-pan: dx[" + bad + "] = " + Track.text(dx.values()[bad])
                    + "; view widths must be positive");
        }
    }

    /** The index of the first keyframe value of {@code track} that is not positive, or -1. */
    static int firstNotPositive(Track track) {
        double[] v = track.values();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0)) {
                return i;
            }
        }
        return -1;
    }

    /** The view at a movie time. */
    public PanView view(double time) {
        return new PanView(x.value(time), y.value(time), dx.value(time));
    }

    public FrameSource source() {
        return source;
    }

    public Track x() {
        return x;
    }

    public Track y() {
        return y;
    }

    public Track dx() {
        return dx;
    }

    @Override
    public double startTime() {
        return x.start();
    }

    @Override
    public double endTime() {
        return x.end();
    }

    @Override
    public String description() {
        return "camera-pan over " + source.description();
    }

    /**
     * Checks the view of every frame at the movie's frame rate and size with
     * {@link FrameSource#check}.
     *
     * @throws InvalidViewException for the first view the source rejects, e.g.
     *     {@code frame 63 of this sequence (t = 6.3 s): pan.postdb: the view ... leaves the database}
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
