package dev.reel.sequences;

import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import java.util.Objects;

/**
 * A part of a sequence's time: the inner sequence's frames whose times {@code t} satisfy
 * {@code from <= t < to}, at the same times. The range is half-open, like every sequence (its end
 * is never drawn), so crops that meet ({@code [a, b]} then {@code [b, c]}) share no frame and miss
 * none: their {@link Concatenation} is the inner sequence frame for frame, wherever {@code b}
 * falls. A crop that ends at the inner sequence's end keeps its last frame.
 *
 * <p>The frame count is therefore the number of inner frames in the range, which can differ by one
 * from {@code (int) ((to - from) * fps)} when the range is not aligned with the inner frames.
 *
 * <p>Immutable apart from a cache of the frame range per frame rate; thread-safe when the inner
 * sequence is. See {@link RemappedSequence} for the frame-rate contract.
 */
public final class Cropped extends RemappedSequence {
    private final Sequence inner;
    private final double from;
    private final double to;

    /** The inner frames {@code first .. first + count - 1} kept at one frame rate. */
    private record Range(double fps, int first, int count) {
    }

    private volatile Range range;

    /**
     * @param inner the sequence to crop, not null
     * @param from the first time kept, in the inner sequence's time
     * @param to the end of the part (not kept itself)
     * @throws IllegalArgumentException unless {@code inner.startTime() <= from <= to <= inner.endTime()}
     */
    public Cropped(Sequence inner, double from, double to) {
        this.inner = Objects.requireNonNull(inner, "inner");
        requireFinite(from, "crop start");
        requireFinite(to, "crop end");
        if (from > to || from < inner.startTime() || to > inner.endTime()) {
            throw new IllegalArgumentException("cannot crop " + inner.description() + " to " + seconds(from)
                    + " .. " + seconds(to) + " s: expected from <= to inside its times "
                    + seconds(inner.startTime()) + " .. " + seconds(inner.endTime()) + " s");
        }
        this.from = from;
        this.to = to;
    }

    /** The sequence cropped. */
    public Sequence inner() {
        return inner;
    }

    @Override
    public double startTime() {
        return from;
    }

    @Override
    public double endTime() {
        return to;
    }

    @Override
    public String description() {
        return "crop " + seconds(from) + " .. " + seconds(to) + " s of " + inner.description();
    }

    @Override
    public int frameCount(double fps) {
        return range(fps).count();
    }

    @Override
    public double frameTime(int index, double fps) {
        return inner.frameTime(range(fps).first() + index, fps);
    }

    @Override
    void prepareInner(VideoFormat format) {
        inner.prepare(format);
    }

    @Override
    void renderAt(double position, double fps, Picture target) {
        Range r = range(fps);
        if (r.count() == 0) {
            throw new IllegalStateException(description() + " has no frame at " + fps + " fps");
        }
        renderInner(inner, r.first() + clamp(position, r.count()), fps, target);
    }

    private Range range(double fps) {
        Range r = range;
        if (r == null || r.fps() != fps) {
            int n = inner.frameCount(fps);
            int first = from == inner.startTime() ? 0 : firstAtOrAfter(from, n, fps);
            int end = to == inner.endTime() ? n : firstAtOrAfter(to, n, fps);
            r = new Range(fps, first, Math.max(0, end - first));
            range = r;
        }
        return r;
    }

    /** The first inner frame whose time is at or after {@code t}; {@code n} if there is none. */
    private int firstAtOrAfter(double t, int n, double fps) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (inner.frameTime(mid, fps) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
