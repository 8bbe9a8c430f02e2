package dev.reel.sequences;

import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;

/**
 * A sequence made from other sequences by remapping time: {@link Reversed}, {@link Cropped},
 * {@link SpeedChange}, {@link Eased}, {@link Concatenation} and {@link Crossfade}.
 *
 * <p><b>Frames, not times.</b> A remapped sequence defines its frames from the frames of the
 * sequences it wraps, so grids line up exactly: each of its frames is drawn by asking an inner
 * sequence for exactly one of that sequence's own {@link Sequence#frameTime frame times} (the
 * timing contract of {@link Sequence#render}), never for a time recomputed in floating point. It
 * therefore overrides {@link #frameCount} and {@link #frameTime}; its {@link #startTime()} and
 * {@link #endTime()} still span the time it plays, so {@code (end - start) * fps} is its length
 * in frames to within about one frame per sequence it is made of. The one exception is {@link Eased}, whose point is to draw its
 * inner sequence between frames: there an inner sequence is asked for times between its first and
 * last frame times (interpolated linearly between neighbouring frame times).
 *
 * <p><b>Frame rate.</b> {@link Sequence#render} receives only a time, so a remapped sequence
 * finds the frame it is asked for on its frame grid at the frame rate it was last
 * {@linkplain #prepare prepared} for: call {@code prepare} (the renderer does) before rendering,
 * and use one instance in one movie at a time. {@code prepare} is passed on to the inner sequences,
 * with the frame rate at which they are played (a {@link SpeedChange} of 2 plays its inner
 * sequence at half the frame rate).
 *
 * <p><b>Threads.</b> Instances are immutable apart from caches that depend only on the frame rate;
 * {@link #render} is thread-safe when the inner sequences' {@code render} is.
 */
public abstract sealed class RemappedSequence implements Sequence
        permits Reversed, Cropped, SpeedChange, Eased, Concatenation, Crossfade {

    /** The frame rate of the last {@link #prepare}, NaN before it. */
    private volatile double preparedFps = Double.NaN;

    RemappedSequence() {
    }

    /** The number of frames at this frame rate, from the inner sequences' frames. */
    @Override
    public abstract int frameCount(double fps);

    /** The time of a frame; strictly increasing with the index, like every frame grid. */
    @Override
    public abstract double frameTime(int index, double fps);

    /**
     * Remembers the frame rate for {@link #render} and prepares the inner sequences.
     *
     * @throws RuntimeException if an inner sequence rejects the movie or the frames do not fit
     */
    @Override
    public final void prepare(VideoFormat format) {
        prepareInner(format);
        preparedFps = format.fps();
    }

    /**
     * Draws the frame whose time is {@code time} on this sequence's grid at the prepared frame rate.
     * A time between two frames (as an {@link Eased} around this one asks for) draws the inner
     * sequences between the corresponding frames.
     *
     * @throws IllegalStateException if {@link #prepare} was never called
     */
    @Override
    public final void render(double time, Picture target) {
        double fps = preparedFps;
        if (Double.isNaN(fps)) {
            throw new IllegalStateException(description() + ": prepare(format) must be called before render,"
                    + " so that the sequence knows the frame rate of its frames");
        }
        renderAt(positionOf(this, time, fps), fps, target);
    }

    /** Prepares the inner sequences for a movie of this format. */
    abstract void prepareInner(VideoFormat format);

    /**
     * Draws the frame at a position on this sequence's frame grid: an integer is that frame, a
     * fraction lies between two frames; positions outside {@code [0, frameCount - 1]} are clamped.
     */
    abstract void renderAt(double position, double fps, Picture target);

    /**
     * Draws position {@code x} of {@code inner}'s grid at frame rate {@code fps}: a remapped
     * sequence directly by position, any other sequence at the time of that position (exactly its
     * frame time for an integer position).
     */
    static void renderInner(Sequence inner, double x, double fps, Picture target) {
        if (inner instanceof RemappedSequence r) {
            r.renderAt(x, fps, target);
        } else {
            inner.render(timeAt(inner, x, fps), target);
        }
    }

    /** {@code x} clamped to the frames {@code 0 .. n - 1}. */
    static double clamp(double x, int n) {
        return x <= 0 ? 0 : Math.min(x, n - 1);
    }

    /**
     * The time of position {@code x} of a sequence's grid: its frame time for an integer, linear
     * between neighbouring frame times otherwise (the end time following the last frame).
     */
    static double timeAt(Sequence s, double x, double fps) {
        int n = s.frameCount(fps);
        if (n <= 0) {
            throw new IllegalStateException(s.description() + " has no frame at " + fps + " fps");
        }
        if (!(x > 0)) {
            return s.frameTime(0, fps);
        }
        int j = (int) Math.min(Math.floor(x), n - 1);
        double fraction = Math.min(x - j, 1);
        double tj = s.frameTime(j, fps);
        if (fraction == 0) {
            return tj;
        }
        double next = j + 1 < n ? s.frameTime(j + 1, fps) : s.endTime();
        double t = tj + fraction * (next - tj);
        // Rounding must not carry a time between frames onto the next frame or past the end.
        return t < next ? t : Math.max(tj, Math.nextDown(next));
    }

    /**
     * The position of a time on a sequence's grid at a frame rate: the index of the frame at
     * exactly that time, or a fraction between the two frames around it. Times before the first
     * frame give 0; times after the last give a fraction towards the end time, at most just under
     * {@code frameCount}.
     */
    static double positionOf(Sequence s, double time, double fps) {
        if (Double.isNaN(time)) {
            throw new IllegalArgumentException(s.description() + " cannot draw t = NaN");
        }
        int n = s.frameCount(fps);
        if (n <= 0) {
            throw new IllegalArgumentException(s.description() + " has no frame at " + fps
                    + " fps, so it cannot draw t = " + time);
        }
        double first = s.frameTime(0, fps);
        if (time <= first) {
            return 0;
        }
        double last = s.frameTime(n - 1, fps);
        if (time >= last) {
            double end = s.endTime();
            if (time == last || !(time < end)) {
                return n - 1;
            }
            return between(n - 1, (time - last) / (end - last));
        }
        // first < time < last, so n >= 2: find lo with t(lo) <= time < t(lo + 1). Grids are
        // nearly uniform, so a guess and its neighbour usually settle it before any bisection.
        int lo = 0;
        int hi = n - 1;
        int guess = (int) Math.max(0, Math.min(n - 2, (time - first) / (last - first) * (n - 1)));
        if (s.frameTime(guess, fps) <= time) {
            lo = guess;
            if (s.frameTime(guess + 1, fps) > time) {
                hi = guess + 1;
            } else {
                lo = guess + 1;
            }
        } else {
            hi = guess;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (s.frameTime(mid, fps) <= time) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double tl = s.frameTime(lo, fps);
        if (tl == time) {
            return lo;
        }
        return between(lo, (time - tl) / (s.frameTime(hi, fps) - tl));
    }

    /** {@code j + fraction}, kept strictly below {@code j + 1} so that it never reads as the next frame. */
    private static double between(int j, double fraction) {
        double x = j + fraction;
        return x < j + 1 ? x : Math.nextDown(j + 1.0);
    }

    /** Seconds for descriptions: {@code 2} rather than {@code 2.0}. */
    static String seconds(double t) {
        return t == Math.rint(t) && Math.abs(t) < 1e15 ? String.valueOf((long) t) : String.valueOf(t);
    }

    /** Rejects a NaN or infinite number given to a wrapper's constructor. */
    static void requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + value);
        }
    }
}
