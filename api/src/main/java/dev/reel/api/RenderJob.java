package dev.reel.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A render running in the background, started by {@link OrderedRenderer#start}. Wait for it with
 * {@link #await()}, stop it with {@link #cancel()}, look at it with {@link #progress()}; all three
 * may be called from any thread.
 */
public final class RenderJob {
    private static final AtomicInteger JOBS = new AtomicInteger();

    private final Movie movie;
    private final FrameRange range;
    private final Encoder encoder;
    private final int window;
    private final ProgressListener listener;
    private final long progressIntervalNanos;

    /*
     * One lock guards the hand-over state. Frames in flight are the indices in
     * [nextToEncode, nextToClaim); there are never more than `window` of them, so each maps to its
     * own slot of the ring and needs its own picture.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition frameReady = lock.newCondition();
    private final Condition windowOpen = lock.newCondition();
    private final Picture[] ring;
    private final ArrayDeque<Picture> pool = new ArrayDeque<>();
    private int picturesAllocated;
    private int nextToClaim;
    private int nextToEncode;
    private int framesRendered;
    private Throwable failure;
    private boolean stopped;
    /** Every frame was encoded and the encoder is being closed: too late to fail or cancel. */
    private boolean closing;
    private long encoderWaitNanos;
    private long renderWaitNanos;

    private final List<Thread> renderThreads = new ArrayList<>();
    private final Thread encodeThread;
    private final long startNanos;
    private volatile long endNanos;
    private volatile RenderResult result;

    RenderJob(Movie movie, FrameRange range, Encoder encoder, int threads, int window,
            ProgressListener listener, Duration progressInterval) {
        this.movie = movie;
        this.range = range;
        this.encoder = encoder;
        this.window = window;
        this.listener = listener;
        this.progressIntervalNanos = progressInterval.toNanos();
        this.ring = new Picture[window];
        this.nextToClaim = range.from();
        this.nextToEncode = range.from();
        int job = JOBS.incrementAndGet();
        int renderers = Math.min(threads, range.size());
        for (int k = 0; k < renderers; k++) {
            renderThreads.add(new Thread(this::renderLoop, "reel-" + job + "-render-" + (k + 1)));
        }
        this.encodeThread = new Thread(this::encodeLoop, "reel-" + job + "-encode");
        this.startNanos = System.nanoTime();
    }

    void start() {
        renderThreads.forEach(Thread::start);
        encodeThread.start();
    }

    /** The frames this job renders. */
    public FrameRange range() {
        return range;
    }

    /**
     * Waits until every thread of the render has ended.
     *
     * @return what the render did
     * @throws RenderException for the first failure, naming the frame, sequence and time
     * @throws RenderCancelledException if the render was cancelled
     * @throws InterruptedException if the waiting thread is interrupted; the render goes on
     */
    public RenderResult await() throws InterruptedException {
        encodeThread.join();
        return outcome();
    }

    /**
     * Waits at most {@code timeout} for the render to end.
     *
     * @return whether it has ended; then {@link #await()} returns at once
     */
    public boolean await(Duration timeout) throws InterruptedException {
        encodeThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeout.toNanos())));
        return !encodeThread.isAlive();
    }

    /** Like {@link #await()}, ignoring interrupts (the thread's interrupt flag is kept). */
    public RenderResult awaitUninterruptibly() {
        joinUninterruptibly(encodeThread);
        return outcome();
    }

    /**
     * Asks the render to stop: no new frame starts, frames being drawn are dropped when done, the
     * encoder is aborted, and {@link #await()} throws {@link RenderCancelledException}.
     *
     * @return false if the render had already failed, been cancelled, or encoded every frame
     *     (then the encoder is closing and the movie completes)
     */
    public boolean cancel() {
        return fail(new RenderCancelledException("render cancelled: frames " + range + " were not all encoded"));
    }

    /** Whether every thread of the render has ended. */
    public boolean isDone() {
        return !encodeThread.isAlive();
    }

    /** A snapshot of the progress now. */
    public Progress progress() {
        lock.lock();
        try {
            return progressLocked(endNanos != 0 ? endNanos : System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    private Throwable failureNow() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    private RenderResult outcome() {
        Throwable f = failureNow();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new ReelException(RenderException.causeText(f), f);
        }
        return result;
    }

    /** Records the first failure and wakes every waiting thread; later failures are dropped. */
    private boolean fail(Throwable t) {
        lock.lock();
        try {
            if (failure != null || closing) {
                return false;
            }
            failure = t;
            stopped = true;
            frameReady.signalAll();
            windowOpen.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void renderLoop() {
        try {
            while (true) {
                int index;
                Picture picture;
                lock.lock();
                try {
                    if (nextToClaim - nextToEncode >= window && !stopped && nextToClaim < range.to()) {
                        long t0 = System.nanoTime();
                        do {
                            windowOpen.awaitUninterruptibly();
                        } while (nextToClaim - nextToEncode >= window && !stopped && nextToClaim < range.to());
                        renderWaitNanos += System.nanoTime() - t0;
                    }
                    if (stopped || nextToClaim >= range.to()) {
                        return;
                    }
                    index = nextToClaim++;
                    picture = pool.poll();
                    if (picture == null) {
                        picturesAllocated++;
                    }
                } finally {
                    lock.unlock();
                }
                if (picture == null) {
                    picture = new Picture(movie.width(), movie.height());
                }
                FrameRef frame = movie.frame(index);
                try {
                    frame.sequence().render(frame.time(), picture);
                } catch (Throwable t) {
                    fail(new RenderException(RenderException.Stage.RENDER, frame, t));
                    return;
                }
                try {
                    encoder.prepare(picture, index);
                } catch (Throwable t) {
                    fail(new RenderException(RenderException.Stage.PREPARE_FRAME, frame, t));
                    return;
                }
                lock.lock();
                try {
                    if (stopped) {
                        return;
                    }
                    ring[(index - range.from()) % window] = picture;
                    framesRendered++;
                    if (index == nextToEncode) {
                        frameReady.signal();
                    }
                } finally {
                    lock.unlock();
                }
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void encodeLoop() {
        int lastEncoded = -1;
        long lastReport = System.nanoTime();
        try {
            for (int index = range.from(); index < range.to(); index++) {
                int slot = (index - range.from()) % window;
                Picture picture;
                lock.lock();
                try {
                    if (ring[slot] == null && !stopped) {
                        long t0 = System.nanoTime();
                        do {
                            frameReady.awaitUninterruptibly();
                        } while (ring[slot] == null && !stopped);
                        encoderWaitNanos += System.nanoTime() - t0;
                    }
                    if (stopped) {
                        break;
                    }
                    picture = ring[slot];
                    ring[slot] = null;
                } finally {
                    lock.unlock();
                }
                try {
                    encoder.encode(picture, index);
                } catch (Throwable t) {
                    fail(new RenderException(RenderException.Stage.ENCODE, movie.frame(index), t));
                    break;
                }
                lastEncoded = index;
                Progress progress = null;
                lock.lock();
                try {
                    pool.push(picture);
                    nextToEncode = index + 1;
                    windowOpen.signalAll();
                    long now = System.nanoTime();
                    if (now - lastReport >= progressIntervalNanos || index == range.to() - 1) {
                        lastReport = now;
                        progress = progressLocked(now);
                    }
                } finally {
                    lock.unlock();
                }
                if (progress != null) {
                    try {
                        listener.onProgress(progress);
                    } catch (Throwable t) {
                        fail(new RenderException(RenderException.Stage.PROGRESS, movie.frame(index), t));
                        break;
                    }
                }
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            finish(lastEncoded < 0 ? null : movie.frame(lastEncoded));
        }
    }

    /**
     * Runs on the encoding thread once the loop ends, after every render thread has ended, so no
     * other thread touches the encoder. Exactly one of close and abort is called.
     */
    private void finish(FrameRef lastFrame) {
        for (Thread t : renderThreads) {
            joinUninterruptibly(t);
        }
        boolean complete;
        lock.lock();
        try {
            // From here on a cancel is refused: the movie is complete and being closed.
            complete = failure == null;
            closing = complete;
        } finally {
            lock.unlock();
        }
        Throwable closeFailure = null;
        if (complete) {
            try {
                encoder.close();
            } catch (Throwable t) {
                closeFailure = new RenderException(RenderException.Stage.FINISH, lastFrame, t);
            }
        }
        if (!complete || closeFailure != null) {
            try {
                encoder.abort();
            } catch (Throwable t) {
                (closeFailure != null ? closeFailure : failureNow()).addSuppressed(t);
            }
        }
        lock.lock();
        try {
            endNanos = System.nanoTime();
            stopped = true;
            pool.clear();
            Arrays.fill(ring, null);
            if (closeFailure != null) {
                failure = closeFailure;
            } else if (complete) {
                Progress last = progressLocked(endNanos);
                result = new RenderResult(range, last.elapsed(), last.framesPerSecond(), picturesAllocated, last);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Joins a thread, ignoring interrupts but keeping the caller's interrupt flag. */
    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Progress progressLocked(long now) {
        long elapsed = Math.max(1, now - startNanos);
        int encoded = nextToEncode - range.from();
        double seconds = elapsed / 1e9;
        double fps = encoded / seconds;
        Optional<Duration> eta = encoded == 0 ? Optional.empty()
                : Optional.of(Duration.ofNanos((long) ((range.size() - encoded) / fps * 1e9)));
        int renderers = Math.max(1, renderThreads.size());
        return new Progress(framesRendered, encoded, range.size(), Duration.ofNanos(elapsed), fps, eta,
                Math.min(1.0, (double) encoderWaitNanos / elapsed),
                Math.min(1.0, (double) renderWaitNanos / ((double) elapsed * renderers)));
    }
}
