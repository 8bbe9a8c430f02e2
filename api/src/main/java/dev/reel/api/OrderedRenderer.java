package dev.reel.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The one engine that renders every movie, whatever its sequences or encoder.
 *
 * <p>{@code threads} render threads take global frame indices in increasing order and draw them
 * into pooled {@link Picture}s, then run the encoder's {@link Encoder#prepare prepare} step; one
 * encoding thread hands the finished pictures to {@link Encoder#encode} strictly in frame order.
 * A bounded window {@code W} keeps memory flat: a render thread may not start frame {@code i}
 * until frame {@code i - W} has been handed to the encoder, so at most {@code W} pictures ever
 * exist, however long the movie.
 *
 * <p>The first failure anywhere (a sequence, the encoder, the progress listener) stops every
 * thread: each finishes at most the frame it is drawing, nothing starts after it, and the error
 * names the global frame, the sequence and its time. Cancellation works the same way. In both
 * cases the encoder is {@linkplain Encoder#abort aborted}; on success it is
 * {@linkplain Encoder#close closed}. Either way, every thread of the render has ended before
 * {@link RenderJob#await()} returns or throws.
 *
 * <p>A renderer is an immutable configuration; it can start any number of renders.
 */
public final class OrderedRenderer {
    private final int threads;
    private final int window;
    private final ProgressListener listener;
    private final Duration progressInterval;

    private OrderedRenderer(Builder b) {
        this.threads = b.threads;
        this.window = b.window > 0 ? b.window : defaultWindow(b.threads);
        this.listener = b.listener;
        this.progressInterval = b.progressInterval;
    }

    /** A renderer with one render thread per core and the default window. */
    public static OrderedRenderer withDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default window for a number of render threads: three frames per thread. */
    public static int defaultWindow(int threads) {
        return 3 * threads;
    }

    public int threads() {
        return threads;
    }

    public int window() {
        return window;
    }

    /** Starts rendering every frame of the movie in the background. */
    public RenderJob start(Movie movie, Encoder encoder) {
        return start(movie, movie.allFrames(), encoder);
    }

    /**
     * Starts rendering the global frames {@code range} of the movie in the background. Each
     * sequence with frames in the range is {@linkplain Sequence#prepare prepared} first, on the
     * calling thread.
     *
     * @throws IllegalArgumentException if the range is not inside the movie
     * @throws RenderException if a sequence rejects the movie; the encoder is then aborted
     */
    public RenderJob start(Movie movie, FrameRange range, Encoder encoder) {
        Objects.requireNonNull(movie, "movie");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(encoder, "encoder");
        if (range.to() > movie.frameCount()) {
            throw new IllegalArgumentException("frames " + range + " are not all in the movie: it has frames 0 to "
                    + (movie.frameCount() - 1));
        }
        int first = movie.frame(range.from()).sequenceIndex();
        int last = movie.frame(range.to() - 1).sequenceIndex();
        for (int k = first; k <= last; k++) {
            Sequence s = movie.sequences().get(k);
            try {
                s.prepare(movie.format());
            } catch (RuntimeException | Error e) {
                encoder.abort();
                throw new RenderException(k, s, e);
            }
        }
        RenderJob job = new RenderJob(movie, range, encoder, threads, window, listener, progressInterval);
        job.start();
        return job;
    }

    /** Renders every frame of the movie and waits for the encoder to finish. */
    public RenderResult render(Movie movie, Encoder encoder) {
        return render(movie, movie.allFrames(), encoder);
    }

    /**
     * Renders a range of frames and waits for the encoder to finish. If the calling thread is
     * interrupted, the render is cancelled and this method throws once every thread has stopped.
     *
     * @throws RenderException on the first failure
     * @throws RenderCancelledException if the render was cancelled
     */
    public RenderResult render(Movie movie, FrameRange range, Encoder encoder) {
        RenderJob job = start(movie, range, encoder);
        try {
            return job.await();
        } catch (InterruptedException e) {
            job.cancel();
            try {
                return job.awaitUninterruptibly();
            } finally {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Configures a renderer. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private int window;
        private ProgressListener listener = p -> { };
        private Duration progressInterval = Duration.ofMillis(250);

        private Builder() {
        }

        /** Render threads (default: the number of cores). One more thread encodes. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * The window W: frames that may be in flight (drawn or being drawn, not yet encoded), and
         * so the most pictures that exist at once. Default: {@link #defaultWindow(int)}. A window
         * smaller than the number of threads leaves threads idle.
         */
        public Builder window(int window) {
            if (window < 1) {
                throw new IllegalArgumentException("window must be at least 1, got " + window);
            }
            this.window = window;
            return this;
        }

        public Builder progressListener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The least time between two progress reports (default 250 ms); zero reports every frame. */
        public Builder progressInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("progress interval must not be negative");
            }
            this.progressInterval = interval;
            return this;
        }

        public OrderedRenderer build() {
            return new OrderedRenderer(this);
        }
    }
}
