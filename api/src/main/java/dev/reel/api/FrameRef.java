package dev.reel.api;

import java.util.Locale;

/**
 * Where a global frame of a movie comes from.
 *
 * @param index the global frame index, counted across all sequences from 0
 * @param sequenceIndex the position of the sequence in the movie, from 0
 * @param sequence the sequence that draws the frame
 * @param localIndex the frame's index within its sequence
 * @param time the frame's movie time in seconds
 */
public record FrameRef(int index, int sequenceIndex, Sequence sequence, int localIndex, double time) {

    /** E.g. {@code frame 1234 (sequence 2, camera-zoom, t = 20.5667 s)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "frame %d (sequence %d, %s, t = %.4f s)",
                index, sequenceIndex + 1, sequence.description(), time);
    }
}
