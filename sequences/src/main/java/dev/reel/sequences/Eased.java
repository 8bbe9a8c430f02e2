package dev.reel.sequences;

import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import java.util.Objects;

/**
 * A sequence played with an easing: the same frames, times and first and last pictures, with the
 * pictures in between redistributed. Of {@code n} frames, frame {@code i} shows the inner
 * sequence at position {@code (n - 1) * easing(i / (n - 1))} of its frame grid, so frame 0 and
 * frame {@code n - 1} are the inner sequence's own first and last frames (easings are exact at
 * their end points) and {@link Easing#LINEAR} is the inner sequence frame for frame. Positions
 * between two inner frames draw the inner sequence at the time interpolated linearly between those
 * two frame times; that is the one place a remapped sequence asks for times between frames, which
 * any sequence that is a function of time (camera moves, {@link CustomSequence}) draws as it
 * should.
 *
 * <p>Immutable; thread-safe when the inner sequence is. See {@link RemappedSequence} for the
 * frame-rate contract.
 */
public final class Eased extends RemappedSequence {
    private final Sequence inner;
    private final Easing easing;

    /**
     * @param inner the sequence to ease, not null
     * @param easing the easing, not null
     */
    public Eased(Sequence inner, Easing easing) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.easing = Objects.requireNonNull(easing, "easing");
    }

    /** The sequence eased. */
    public Sequence inner() {
        return inner;
    }

    public Easing easing() {
        return easing;
    }

    @Override
    public double startTime() {
        return inner.startTime();
    }

    @Override
    public double endTime() {
        return inner.endTime();
    }

    @Override
    public String description() {
        return easing.scriptName() + " easing of " + inner.description();
    }

    @Override
    public int frameCount(double fps) {
        return inner.frameCount(fps);
    }

    @Override
    public double frameTime(int index, double fps) {
        return inner.frameTime(index, fps);
    }

    @Override
    void prepareInner(VideoFormat format) {
        inner.prepare(format);
    }

    @Override
    void renderAt(double position, double fps, Picture target) {
        int n = frameCount(fps);
        double y = clamp(position, n);
        if (easing == Easing.LINEAR || n <= 1) {
            renderInner(inner, y, fps, target);
            return;
        }
        // y / (n - 1) is exactly 0 and 1 at the ends, and so are the easings there.
        renderInner(inner, easing.apply(y / (n - 1)) * (n - 1), fps, target);
    }
}
