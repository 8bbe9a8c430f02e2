package dev.reel.sequences;

import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import java.util.Objects;

/**
 * One sequence cross-faded into the next: the last {@code d} seconds of the first blend with the
 * first {@code d} seconds of the second, so the pair is {@code d} seconds shorter than the two
 * played one after the other.
 *
 * <p><b>Frames.</b> At {@code fps} the fade has {@code m = (int) (d * fps)} frames, the rule of
 * every sequence's frame count. With {@code a} frames in the first sequence and {@code b} in the
 * second there are {@code a + b - m} frames: the first sequence's frames {@code 0 .. a - m - 1}
 * alone; then for {@code k = 0 .. m - 1} its frame {@code a - m + k} blended with the second's
 * frame {@code k} at weight {@code k / m} for the second (so the fade starts on the first
 * sequence alone and the weight reaches 1 at the fade's end, which like every end is not drawn);
 * then the second's frames {@code m .. b - 1} alone. Each sequence is drawn at its own frame times.
 *
 * <p><b>Blending</b> is exact and per byte of 8-bit RGB: a channel is
 * {@code floor((p * (m - k) + q * k) / m + 1/2)}, computed in integers, for {@code p} from the
 * first sequence and {@code q} from the second: {@code p (1 - k/m) + q k/m} rounded to the nearest
 * integer, halves rounded up. (Between frames, under an {@link Eased}, the weight is the position's
 * fraction of the fade rounded to 1/65536.) The second picture is drawn into one scratch picture
 * per render thread, reused for every frame, so memory does not grow with the movie.
 *
 * <p><b>Times.</b> The first sequence keeps its times; the second is shifted to start
 * {@code d} seconds before the first ends.
 *
 * <p>Thread-safe when both sequences are. See {@link RemappedSequence} for the frame-rate contract.
 */
public final class Crossfade extends RemappedSequence {
    private final Sequence from;
    private final Sequence into;
    private final double seconds;
    /** Added to the second sequence's times. */
    private final double shift;
    /** The second sequence's picture for a blended frame, one per render thread. */
    private final ThreadLocal<Scratch> scratch = new ThreadLocal<>();

    /** Frame counts at one frame rate: the first sequence's, the second's, and the fade's. */
    private record Layout(double fps, int fromFrames, int intoFrames, int fadeFrames) {
    }

    private volatile Layout layout;

    /**
     * @param from the sequence faded out, not null
     * @param into the sequence faded in, not null
     * @param seconds the length of the fade, at least 0 and at most the length of either sequence
     * @throws IllegalArgumentException if the fade is negative or longer than a sequence
     */
    public Crossfade(Sequence from, Sequence into, double seconds) {
        this.from = Objects.requireNonNull(from, "from");
        this.into = Objects.requireNonNull(into, "into");
        requireFinite(seconds, "crossfade length");
        double fromLength = from.endTime() - from.startTime();
        double intoLength = into.endTime() - into.startTime();
        if (seconds < 0 || seconds > fromLength || seconds > intoLength) {
            throw new IllegalArgumentException("cannot cross-fade " + seconds(seconds) + " s from "
                    + from.description() + " (" + seconds(fromLength) + " s) into " + into.description()
                    + " (" + seconds(intoLength) + " s): expected at least 0 and at most the length of each");
        }
        this.seconds = seconds;
        this.shift = (from.endTime() - seconds) - into.startTime();
    }

    /** The sequence faded out. */
    public Sequence from() {
        return from;
    }

    /** The sequence faded in. */
    public Sequence into() {
        return into;
    }

    /** The length of the fade in seconds. */
    public double seconds() {
        return seconds;
    }

    @Override
    public double startTime() {
        return from.startTime();
    }

    @Override
    public double endTime() {
        return into.endTime() + shift;
    }

    @Override
    public String description() {
        return "crossfade " + seconds(seconds) + " s from " + from.description() + " into " + into.description();
    }

    /** @throws IllegalArgumentException if the fade has more frames than either sequence at this rate */
    @Override
    public int frameCount(double fps) {
        Layout l = layout(fps);
        return l.fromFrames() + l.intoFrames() - l.fadeFrames();
    }

    @Override
    public double frameTime(int index, double fps) {
        Layout l = layout(fps);
        return index < l.fromFrames()
                ? from.frameTime(index, fps)
                : into.frameTime(index - l.fromFrames() + l.fadeFrames(), fps) + shift;
    }

    @Override
    void prepareInner(VideoFormat format) {
        double fps = format.fps();
        Layout l = layout(fps);
        int a = l.fromFrames();
        if (a > 0 && a < frameCount(fps) && !(frameTime(a - 1, fps) < frameTime(a, fps))) {
            throw new IllegalStateException(description() + ": frames " + (a - 1) + " and " + a
                    + " fall at the same time at " + fps + " fps");
        }
        from.prepare(format);
        into.prepare(format);
    }

    @Override
    void renderAt(double position, double fps, Picture target) {
        Layout l = layout(fps);
        int n = l.fromFrames() + l.intoFrames() - l.fadeFrames();
        if (n == 0) {
            throw new IllegalStateException(description() + " has no frame at " + fps + " fps");
        }
        double x = clamp(position, n);
        int fadeStart = l.fromFrames() - l.fadeFrames();
        if (x >= l.fromFrames()) {
            renderInner(into, x - fadeStart, fps, target);
        } else if (x <= fadeStart) {
            renderInner(from, x, fps, target);
        } else {
            renderInner(from, x, fps, target);
            Scratch s = scratchFor(target);
            renderInner(into, x - fadeStart, fps, s.picture);
            double k = x - fadeStart;
            int m = l.fadeFrames();
            if (k == Math.rint(k)) {
                blend(target, s.picture, (int) k, m, s.table);
            } else {
                int den = 1 << 16;
                blend(target, s.picture, (int) Math.round(k / m * den), den, s.table);
            }
        }
    }

    /**
     * {@code target = target * (den - num) / den + second * num / den} per byte, rounded to the
     * nearest integer with halves up, exactly.
     *
     * @param table scratch for the 511 rounded steps, overwritten
     */
    static void blend(Picture target, Picture second, int num, int den, int[] table) {
        // p (den - num) / den + q num / den = p + (q - p) num / den, and rounding halves up commutes
        // with adding the integer p: one table of the rounded steps for q - p = -255 .. 255 serves
        // every byte, with no division per byte.
        for (int d = -255; d <= 255; d++) {
            table[d + 255] = (int) Math.floorDiv(2L * d * num + den, 2L * den);
        }
        byte[] p = target.rgb();
        byte[] q = second.rgb();
        for (int i = 0; i < p.length; i++) {
            int a = p[i] & 0xff;
            p[i] = (byte) (a + table[(q[i] & 0xff) - a + 255]);
        }
    }

    /** A render thread's second picture and blending table. */
    private static final class Scratch {
        Picture picture;
        final int[] table = new int[511];
    }

    private Scratch scratchFor(Picture target) {
        Scratch s = scratch.get();
        if (s == null) {
            s = new Scratch();
            scratch.set(s);
        }
        if (s.picture == null || s.picture.width() != target.width() || s.picture.height() != target.height()) {
            s.picture = new Picture(target.width(), target.height());
        }
        return s;
    }

    private Layout layout(double fps) {
        Layout l = layout;
        if (l == null || l.fps() != fps) {
            int a = from.frameCount(fps);
            int b = into.frameCount(fps);
            int m = (int) (seconds * fps);
            if (m > a || m > b) {
                Sequence shorter = m > a ? from : into;
                throw new IllegalArgumentException(description() + ": the fade is " + m + " frames at " + seconds(fps)
                        + " fps but " + shorter.description() + " has only " + (m > a ? a : b));
            }
            l = new Layout(fps, a, b, m);
            layout = l;
        }
        return l;
    }
}
