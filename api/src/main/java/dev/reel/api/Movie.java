package dev.reel.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A movie: its size, frame rate and ordered sequences. Sequences play one after the other in list
 * order; global frame indices run across them. Immutable and thread-safe.
 */
public final class Movie {
    private final VideoFormat format;
    private final List<Sequence> sequences;
    /** firstFrame[k] is the global index of sequence k's first frame; firstFrame[size] the total. */
    private final int[] firstFrame;

    /**
     * @throws IllegalArgumentException if there are no sequences, a sequence's times are not
     *     finite or run backwards, or the movie would have no frame at all
     */
    public Movie(VideoFormat format, List<? extends Sequence> sequences) {
        this.format = Objects.requireNonNull(format, "format");
        this.sequences = List.copyOf(sequences);
        if (this.sequences.isEmpty()) {
            throw new IllegalArgumentException("a movie needs at least one sequence");
        }
        firstFrame = new int[this.sequences.size() + 1];
        long total = 0;
        for (int k = 0; k < this.sequences.size(); k++) {
            Sequence s = this.sequences.get(k);
            if (!Double.isFinite(s.startTime()) || !Double.isFinite(s.endTime())
                    || s.endTime() < s.startTime()) {
                throw new IllegalArgumentException("sequence " + (k + 1) + " (" + s.description()
                        + ") runs from " + s.startTime() + " to " + s.endTime()
                        + " s; expected finite times with start <= end");
            }
            int n = s.frameCount(format.fps());
            if (n < 0) {
                throw new IllegalArgumentException("sequence " + (k + 1) + " (" + s.description()
                        + ") has a negative frame count " + n);
            }
            firstFrame[k] = (int) total;
            total += n;
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the movie has more than " + Integer.MAX_VALUE + " frames");
            }
        }
        firstFrame[this.sequences.size()] = (int) total;
        if (total == 0) {
            throw new IllegalArgumentException("the movie has no frame: every sequence is shorter than one frame at "
                    + format.fps() + " fps");
        }
    }

    public Movie(int width, int height, double fps, List<? extends Sequence> sequences) {
        this(new VideoFormat(width, height, fps), sequences);
    }

    public VideoFormat format() {
        return format;
    }

    public int width() {
        return format.width();
    }

    public int height() {
        return format.height();
    }

    public double fps() {
        return format.fps();
    }

    public List<Sequence> sequences() {
        return sequences;
    }

    /** The number of frames of the whole movie. */
    public int frameCount() {
        return firstFrame[sequences.size()];
    }

    /** The global index of the first frame of the sequence at this position. */
    public int firstFrameOf(int sequenceIndex) {
        Objects.checkIndex(sequenceIndex, sequences.size());
        return firstFrame[sequenceIndex];
    }

    /** All frames of the movie. */
    public FrameRange allFrames() {
        return new FrameRange(0, frameCount());
    }

    /**
     * The sequence, local index and time of a global frame.
     *
     * @throws IllegalArgumentException if the index is not a frame of this movie
     */
    public FrameRef frame(int index) {
        if (index < 0 || index >= frameCount()) {
            throw new IllegalArgumentException(
                    "frame " + index + " is not in the movie: it has frames 0 to " + (frameCount() - 1));
        }
        int k = Arrays.binarySearch(firstFrame, index);
        // A hit may land on an empty sequence that shares its first index with the next one.
        k = k >= 0 ? k : -k - 2;
        while (firstFrame[k + 1] == index) {
            k++;
        }
        Sequence s = sequences.get(k);
        int local = index - firstFrame[k];
        return new FrameRef(index, k, s, local, s.frameTime(local, format.fps()));
    }

    /**
     * The global index of the frame whose time is nearest to {@code time}; on a tie, the earlier
     * frame in the movie.
     */
    public int nearestFrame(double time) {
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("time must be finite, got " + time);
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < sequences.size(); k++) {
            Sequence s = sequences.get(k);
            int n = firstFrame[k + 1] - firstFrame[k];
            if (n == 0) {
                continue;
            }
            double span = s.endTime() - s.startTime();
            long guess = span > 0 ? Math.round((time - s.startTime()) * n / span) : 0;
            guess = Math.max(0, Math.min(n - 1, guess));
            // Look at the neighbours of the guess too: a sequence may override frameTime.
            for (long i = Math.max(0, guess - 1); i <= Math.min(n - 1, guess + 1); i++) {
                double d = Math.abs(s.frameTime((int) i, format.fps()) - time);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = firstFrame[k] + (int) i;
                }
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "Movie[" + format + ", " + sequences.size() + " sequences, " + frameCount() + " frames]";
    }
}
