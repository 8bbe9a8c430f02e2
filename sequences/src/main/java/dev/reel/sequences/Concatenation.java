package dev.reel.sequences;

import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Several sequences played one after the other as one sequence: its frames are the first part's
 * frames, then the second's, and so on, each drawn at that part's own frame time.
 *
 * <p>Times: each part follows on from where the one before ended. A part that starts exactly
 * where the one before ends (the usual case: consecutive keyframe times, or {@link Cropped} parts
 * of one sequence) keeps its own times bit for bit; any other part is shifted by the difference.
 * So the concatenation of crops {@code [a, b]} and {@code [b, c]} of a sequence from {@code a}
 * to {@code c} has exactly that sequence's frames and times.
 *
 * <p>Immutable apart from a cache of the frame layout per frame rate; thread-safe when the parts
 * are. See {@link RemappedSequence} for the frame-rate contract.
 */
public final class Concatenation extends RemappedSequence {
    private final List<Sequence> parts;
    /** Added to each part's times. */
    private final double[] shift;
    private final double end;

    /** first[k] is the index of part k's first frame at one frame rate; first[parts] the total. */
    private record Layout(double fps, int[] first) {
    }

    private volatile Layout layout;

    /**
     * @param parts the sequences in playing order, at least one, no nulls
     * @throws IllegalArgumentException if there is no part
     */
    public Concatenation(List<? extends Sequence> parts) {
        this.parts = List.copyOf(parts);
        if (this.parts.isEmpty()) {
            throw new IllegalArgumentException("a concatenation needs at least one sequence");
        }
        shift = new double[this.parts.size()];
        double shiftedEnd = this.parts.get(0).endTime();
        for (int k = 1; k < shift.length; k++) {
            Sequence part = this.parts.get(k);
            // Exactly 0 when the part starts where the previous one ended, so its times stay exact.
            shift[k] = shiftedEnd - part.startTime();
            shiftedEnd = part.endTime() + shift[k];
        }
        end = shiftedEnd;
    }

    /** The parts, in playing order. */
    public List<Sequence> parts() {
        return parts;
    }

    @Override
    public double startTime() {
        return parts.get(0).startTime();
    }

    @Override
    public double endTime() {
        return end;
    }

    @Override
    public String description() {
        return parts.stream().map(Sequence::description).collect(Collectors.joining("; ", "concatenation of [", "]"));
    }

    @Override
    public int frameCount(double fps) {
        int[] first = layout(fps).first();
        return first[first.length - 1];
    }

    @Override
    public double frameTime(int index, double fps) {
        int[] first = layout(fps).first();
        int k = partOf(first, index);
        return parts.get(k).frameTime(index - first[k], fps) + shift[k];
    }

    /**
     * Prepares every part.
     *
     * @throws IllegalStateException if a part's first frame is not after the previous part's last
     *     (only possible for parts of absurdly many frames), which would make frames ambiguous
     */
    @Override
    void prepareInner(VideoFormat format) {
        int[] first = layout(format.fps()).first();
        int total = first[first.length - 1];
        for (int k = 1; k < parts.size(); k++) {
            int g = first[k];
            if (g > 0 && g < total && !(frameTime(g - 1, format.fps()) < frameTime(g, format.fps()))) {
                throw new IllegalStateException(description() + ": frames " + (g - 1) + " and " + g
                        + " fall at the same time at " + format.fps() + " fps");
            }
        }
        for (Sequence part : parts) {
            part.prepare(format);
        }
    }

    @Override
    void renderAt(double position, double fps, Picture target) {
        int[] first = layout(fps).first();
        int n = first[first.length - 1];
        if (n == 0) {
            throw new IllegalStateException(description() + " has no frame at " + fps + " fps");
        }
        double x = clamp(position, n);
        int k = partOf(first, (int) x);
        renderInner(parts.get(k), x - first[k], fps, target);
    }

    private Layout layout(double fps) {
        Layout l = layout;
        if (l == null || l.fps() != fps) {
            int[] first = new int[parts.size() + 1];
            long total = 0;
            for (int k = 0; k < parts.size(); k++) {
                first[k] = (int) total;
                total += parts.get(k).frameCount(fps);
                if (total > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(description() + " has more than " + Integer.MAX_VALUE + " frames");
                }
            }
            first[parts.size()] = (int) total;
            l = new Layout(fps, first);
            layout = l;
        }
        return l;
    }

    /** The part that holds frame {@code index}: the last one whose first frame is at or before it. */
    private static int partOf(int[] first, int index) {
        int lo = 0;
        int hi = first.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (first[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
