package dev.reel.encoder.jcodec;

import dev.reel.api.Encoder;
import dev.reel.api.Picture;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pure-Java H.264 in MP4 on every core: the frames are cut into groups of pictures of
 * {@link JcodecPlan#keyframeInterval()} frames, each starting with an IDR frame and encoded by its
 * own JCodec encoder on a pool of {@link JcodecPlan#threads()} threads, and the groups are muxed in
 * order. Groups share nothing, so the file's bytes are the same for any number of threads.
 *
 * <p><b>Threads.</b> {@link #prepare} converts RGB to YUV 4:2:0 on the render threads, into planes
 * kept as the picture's attachment. {@link #encode}, on the encoding thread, takes those planes
 * from the picture (which gets fresh or recycled ones at its next prepare step), so nothing is
 * copied, queues them to the group being filled, and writes every finished group that is next in
 * order. It blocks while {@link JcodecPlan#bufferedFrames} frames wait to be encoded: memory stays
 * at about {@code threads * keyframeInterval} YUV frames (1.5 bytes a pixel) plus the renderer's
 * pictures, however long the movie.
 *
 * <p>A failure on a pool thread is reported by the next {@link #encode} or by {@link #close}, naming
 * the frame. {@link #abort} stops the pool, closes the file and deletes it.
 */
final class JcodecH264Encoder implements Encoder {
    /** How long close and abort wait for pool threads to finish the frame they are encoding. */
    private static final long POOL_STOP_SECONDS = 60;

    private final Path output;
    private final JcodecPlan plan;
    private final Yuv420Converter converter;
    private final Mp4H264Writer writer;
    private final ExecutorService pool;
    /** Frames that may still be queued or encoding; a failure releases the rest to wake encode. */
    private final Semaphore room;
    private final int roomSize;
    /** Planes whose frame is encoded, for the next prepare step to reuse. */
    private final Queue<Yuv420Planes> recycled = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** What the groups report, on pool threads. */
    private final GopEncoder.Listener groupListener = new GopEncoder.Listener() {
        @Override
        public void encoded(GopEncoder.QueuedFrame frame) {
            recycled.add(frame.planes());
            room.release();
        }

        @Override
        public void failed(IOException e) {
            if (failure.compareAndSet(null, e)) {
                // Frames queued behind the failed one are never encoded: give their room back at
                // once, so that an encode call waiting for room wakes up and reports the failure.
                room.release(roomSize);
            }
        }
    };

    // Encoding thread only.
    private final Deque<Group> pending = new ArrayDeque<>();
    private Group filling;
    private int gopCount;
    private int framesInGop;
    private boolean ended;

    /** A group of pictures on its way: the task and its result to come. */
    private record Group(GopEncoder encoder, Future<EncodedGop> result) {
    }

    /**
     * Opens the file and starts nothing yet (pool threads start with the first groups).
     *
     * @throws IOException if the file cannot be created
     */
    JcodecH264Encoder(Path output, JcodecPlan plan) throws IOException {
        this.output = output;
        this.plan = plan;
        this.converter = new Yuv420Converter(plan.matrix());
        this.roomSize = plan.bufferedFrames(Runtime.getRuntime().maxMemory());
        this.room = new Semaphore(roomSize);
        this.writer = new Mp4H264Writer(output, plan);
        this.pool = Executors.newFixedThreadPool(plan.threads(), daemonThreads());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger thread = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "reel-jcodec-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Converts the picture to YUV on the calling render thread, into planes kept as its attachment. */
    @Override
    public void prepare(Picture picture, int frameIndex) {
        Yuv420Planes planes = planesFor(picture);
        converter.convert(picture, planes);
        picture.attach(planes);
    }

    @Override
    public void encode(Picture picture, int frameIndex) throws IOException {
        if (ended) {
            throw new IllegalStateException("the encoder is closed");
        }
        throwIfFailed();
        Yuv420Planes planes;
        if (picture.attachment() instanceof Yuv420Planes prepared && usable(prepared, picture)) {
            // Taken, not copied: the picture will get other planes at its next prepare step.
            planes = prepared;
            picture.attach(null);
        } else {
            // Not prepared (a caller that skips the hook): convert here, on the encoding thread.
            planes = planesFor(picture);
            converter.convert(picture, planes);
        }
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while frame " + frameIndex + " waited to be encoded");
        }
        throwIfFailed();
        if (filling == null) {
            GopEncoder gop = new GopEncoder(plan, gopCount++, groupListener);
            filling = new Group(gop, pool.submit(gop));
            pending.add(filling);
        }
        filling.encoder().add(new GopEncoder.QueuedFrame(planes, frameIndex));
        if (++framesInGop == plan.keyframeInterval()) {
            filling.encoder().finish();
            filling = null;
            framesInGop = 0;
        }
        writeFinishedGroups(false);
    }

    /** Ends the last group, waits for every group and writes them, then the file's index. */
    @Override
    public void close() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        boolean finished = false;
        try {
            if (filling != null) {
                filling.encoder().finish();
                filling = null;
            }
            writeFinishedGroups(true);
            writer.finish();
            finished = true;
        } finally {
            if (!finished) {
                pool.shutdownNow();
                writer.abandon();
            }
            stopPool();
        }
    }

    /** Stops the pool, closes the file and deletes it; never throws. */
    @Override
    public void abort() {
        if (ended) {
            return;
        }
        ended = true;
        pool.shutdownNow();
        writer.abandon();
        stopPool();
        try {
            Files.deleteIfExists(output);
        } catch (IOException | RuntimeException e) {
            // The caller deletes the file too; nothing more to do here.
        }
    }

    /** Writes the groups that are next in order and done, or with {@code wait} all of them. */
    private void writeFinishedGroups(boolean wait) throws IOException {
        while (!pending.isEmpty() && (wait || pending.peek().result().isDone())) {
            Group head = pending.poll();
            writer.write(result(head));
        }
    }

    private EncodedGop result(Group group) throws IOException {
        try {
            return group.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for frames to be encoded");
        } catch (ExecutionException e) {
            throw asIOException(e.getCause());
        }
    }

    private void throwIfFailed() throws IOException {
        Throwable t = failure.get();
        if (t != null) {
            throw asIOException(t);
        }
    }

    private static IOException asIOException(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        return new IOException(JcodecPlan.PREFIX + (t.getMessage() != null ? t.getMessage() : t.toString()), t);
    }

    private void stopPool() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(POOL_STOP_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private Yuv420Planes planesFor(Picture picture) {
        checkSize(picture);
        if (picture.attachment() instanceof Yuv420Planes own && usable(own, picture)) {
            return own;
        }
        Yuv420Planes free = recycled.poll();
        if (free != null) {
            return free;
        }
        return new Yuv420Planes(picture.width(), picture.height(), Yuv420Planes.SampleCoding.MINUS_128);
    }

    private static boolean usable(Yuv420Planes planes, Picture picture) {
        return planes.fits(picture) && planes.coding() == Yuv420Planes.SampleCoding.MINUS_128;
    }

    private void checkSize(Picture picture) {
        if (picture.width() != plan.format().width() || picture.height() != plan.format().height()) {
            throw new IllegalArgumentException(JcodecPlan.PREFIX + "a " + picture.width() + "x"
                    + picture.height() + " picture cannot go into a " + plan.format().width() + "x"
                    + plan.format().height() + " movie");
        }
    }
}
