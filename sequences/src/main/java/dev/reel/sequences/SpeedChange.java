package dev.reel.sequences;

import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import java.util.Objects;

/**
 * A sequence played faster ({@code factor > 1}) or slower ({@code factor < 1}): at {@code fps}
 * its frames are exactly the inner sequence's frames at {@code fps / factor}, frame {@code i} for
 * frame {@code i}. At speed 2 a 10 s sequence has half its frames, each one {@code 2 / fps} of the
 * inner sequence's time after the one before.
 *
 * <p>It starts when the inner sequence starts and lasts {@code (end - start) / factor}: frame
 * {@code i} is at {@code start + (t_i - start) / factor}, where {@code t_i} is the inner frame it
 * shows. Its inner sequence is {@linkplain #prepare prepared} at {@code fps / factor}, the rate at
 * which its frames are drawn. To play backwards, wrap it in {@link Reversed}.
 *
 * <p>Immutable; thread-safe when the inner sequence is. See {@link RemappedSequence} for the
 * frame-rate contract.
 */
public final class SpeedChange extends RemappedSequence {
    private final Sequence inner;
    private final double factor;

    /**
     * @param inner the sequence to play faster or slower, not null
     * @param factor the speed, positive and finite: 2 plays twice as fast
     * @throws IllegalArgumentException if the factor is not positive and finite
     */
    public SpeedChange(Sequence inner, double factor) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the speed of " + inner.description()
                    + " must be a positive number, got " + factor + " (to play backwards, reverse it)");
        }
        this.factor = factor;
    }

    /** The sequence played faster or slower. */
    public Sequence inner() {
        return inner;
    }

    /** The speed factor. */
    public double factor() {
        return factor;
    }

    @Override
    public double startTime() {
        return inner.startTime();
    }

    @Override
    public double endTime() {
        return inner.startTime() + (inner.endTime() - inner.startTime()) / factor;
    }

    @Override
    public String description() {
        return "speed " + seconds(factor) + "x of " + inner.description();
    }

    @Override
    public int frameCount(double fps) {
        return inner.frameCount(fps / factor);
    }

    @Override
    public double frameTime(int index, double fps) {
        double start = inner.startTime();
        return start + (inner.frameTime(index, fps / factor) - start) / factor;
    }

    @Override
    void prepareInner(VideoFormat format) {
        inner.prepare(new VideoFormat(format.width(), format.height(), format.fps() / factor));
    }

    @Override
    void renderAt(double position, double fps, Picture target) {
        renderInner(inner, clamp(position, frameCount(fps)), fps / factor, target);
    }
}
