package dev.reel.api;

/**
 * The global frames {@code from} (inclusive) to {@code to} (exclusive): a segment of a movie that
 * can be rendered on its own, to resume a render or to spread one movie over several machines.
 */
public record FrameRange(int from, int to) {
    public FrameRange {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException(
                    "frame range " + from + ":" + to + " is empty or negative; expected 0 <= FROM < TO");
        }
    }

    /** The number of frames in the range. */
    public int size() {
        return to - from;
    }

    public boolean contains(int index) {
        return index >= from && index < to;
    }

    @Override
    public String toString() {
        return from + ":" + to;
    }
}
