package dev.reel.sequences;

import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import java.util.Objects;

/**
 * A sequence played backwards: frame {@code i} of {@code n} shows the inner sequence's frame
 * {@code n - 1 - i}, exactly (its own frame time), so the reverse of the reverse is the inner
 * sequence frame for frame. It has the inner sequence's times and frame grid. Between frames
 * (under an {@link Eased}) it reflects positions the same way: position {@code x} shows position
 * {@code n - 1 - x}.
 *
 * <p>Immutable; thread-safe when the inner sequence is. See {@link RemappedSequence} for the
 * frame-rate contract.
 */
public final class Reversed extends RemappedSequence {
    private final Sequence inner;

    /** @param inner the sequence to play backwards, not null */
    public Reversed(Sequence inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** The sequence played backwards. */
    public Sequence inner() {
        return inner;
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
        return "reverse of " + inner.description();
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
        // (n - 1) - i is exact for every integer frame index.
        renderInner(inner, (n - 1) - clamp(position, n), fps, target);
    }
}
