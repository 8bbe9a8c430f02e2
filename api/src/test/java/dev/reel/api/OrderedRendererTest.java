package dev.reel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrderedRendererTest {
    private static final int W = 16;
    private static final int H = 9;

    /** Three sequences of 1000, 600 and 1400 frames at 100 fps: 3000 frames. */
    private static Movie threeSequences(long maxDelayNanos) {
        return new Movie(W, H, 100, List.of(
                new PatternSequence(0, 10, "first", maxDelayNanos, t -> { }),
                new PatternSequence(10, 16, "second", maxDelayNanos, t -> { }),
                new PatternSequence(16, 30, "third", maxDelayNanos, t -> { })));
    }

    private static OrderedRenderer renderer(int threads) {
        return OrderedRenderer.builder().threads(threads).build();
    }

    /** The checksums each frame of the movie must have, computed without the renderer. */
    private static List<Long> expectedChecksums(Movie movie, FrameRange range) {
        List<Long> out = new ArrayList<>();
        for (int i = range.from(); i < range.to(); i++) {
            FrameRef f = movie.frame(i);
            out.add(RecordingEncoder.crc(((PatternSequence) f.sequence()).expected(f.time(), W, H)));
        }
        return out;
    }

    @AfterEach
    void noRenderThreadOutlivesItsRender() {
        List<String> alive = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("reel-")).collect(Collectors.toList());
        assertEquals(List.of(), alive, "threads left running");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 7, 16})
    void framesReachTheEncoderInExactOrderUnderRandomDelays(int threads) {
        Movie movie = threeSequences(300_000);
        assertEquals(3000, movie.frameCount());
        RecordingEncoder enc = new RecordingEncoder();

        RenderResult result = renderer(threads).render(movie, enc);

        assertNull(enc.orderError);
        assertEquals(IntStream.range(0, 3000).boxed().collect(Collectors.toList()), enc.indices);
        assertEquals(expectedChecksums(movie, movie.allFrames()), enc.checksums);
        assertTrue(enc.closed);
        assertFalse(enc.aborted);
        assertEquals(3000, result.last().framesEncoded());
        assertEquals(3000, result.last().framesRendered());
        assertEquals(3000, enc.prepared.get());
    }

    @Test
    void oneThreadAndManyThreadsGiveIdenticalOutput() {
        RecordingEncoder one = new RecordingEncoder();
        RecordingEncoder many = new RecordingEncoder();
        renderer(1).render(threeSequences(0), one);
        OrderedRenderer.builder().threads(12).window(5).build().render(threeSequences(50_000), many);
        assertEquals(3000, one.checksums.size());
        assertEquals(one.indices, many.indices);
        assertEquals(one.checksums, many.checksums);
    }

    @ParameterizedTest(name = "{0} threads, window {1}")
    @CsvSource({"1, 1", "1, 3", "4, 2", "4, 12", "8, 8", "8, 40"})
    void livePicturesNeverExceedTheWindow(int threads, int window) {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        PatternSequence seq = new PatternSequence(0, 20, "counted", 200_000, t -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
        });
        Movie movie = new Movie(W, H, 100, List.of(seq));
        RecordingEncoder enc = new RecordingEncoder() {
            @Override
            public void encode(Picture picture, int frameIndex) throws java.io.IOException {
                super.encode(picture, frameIndex);
                inFlight.decrementAndGet();
            }
        };

        RenderResult result = OrderedRenderer.builder().threads(threads).window(window).build().render(movie, enc);

        assertEquals(2000, enc.indices.size());
        // A frame is in flight from the start of its drawing to the end of its encoding.
        assertTrue(maxInFlight.get() <= window, "in flight " + maxInFlight.get() + " > window " + window);
        assertTrue(enc.pictures.size() <= window, enc.pictures.size() + " pictures > window " + window);
        assertTrue(enc.pictures.size() <= window + threads);
        assertEquals(enc.pictures.size(), result.picturesAllocated());
        assertEquals(enc.pictures.size(), enc.attachmentsCreated.get(), "attachments live as long as pictures");
    }

    @Test
    void preparationRunsOnRenderThreadsAndEncodingOnOneThread() {
        RecordingEncoder enc = new RecordingEncoder();
        renderer(4).render(threeSequences(100_000), enc);
        assertTrue(enc.prepareThreads.size() > 1, "prepare ran on " + enc.prepareThreads);
        assertTrue(enc.prepareThreads.stream().allMatch(n -> n.matches("reel-\\d+-render-\\d+")), enc.prepareThreads.toString());
        assertEquals(1, enc.encodeThreads.size());
        assertTrue(enc.encodeThreads.iterator().next().matches("reel-\\d+-encode"));
    }

    /**
     * Frame k fails while every other render thread is inside a slow frame after k. Those frames
     * were started before the failure and finish; no thread may start another frame after it.
     */
    @ParameterizedTest(name = "failure in frame {0}")
    @ValueSource(ints = {0, 1, 1499, 2999})
    void aFailingFrameStopsEverythingAndIsNamed(int k) throws Exception {
        int threads = 4;
        int total = 3000;
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger startedAfterFailure = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean othersWereBusy = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        double fps = 100;
        Sequence seq = new PatternSequence(0, total / fps, "failing at " + k) {
            @Override
            public void render(double time, Picture target) {
                int i = (int) Math.round(time * fps);
                // Frames before k were claimed before k was, so before the failure, even if a
                // descheduled thread only gets to draw one now; frames after k must not start.
                if (failed.get() && i > k) {
                    startedAfterFailure.incrementAndGet();
                }
                if (i == k) {
                    // Wait until the other threads are all inside frames after k, then fail.
                    int others = Math.min(threads - 1, total - 1 - k);
                    long deadline = System.nanoTime() + 5_000_000_000L;
                    while (busy.get() < others && System.nanoTime() < deadline) {
                        java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                    }
                    othersWereBusy.set(busy.get() >= others);
                    failed.set(true);
                    throw new IllegalStateException("cannot draw this one");
                }
                boolean slow = i > k && i <= k + threads;
                if (slow) {
                    busy.incrementAndGet();
                }
                try {
                    if (slow) {
                        // Long enough that the failure is recorded before this frame ends.
                        java.util.concurrent.locks.LockSupport.parkNanos(200_000_000);
                    }
                    super.render(time, target);
                } finally {
                    if (slow) {
                        busy.decrementAndGet();
                    }
                }
            }
        };
        Movie movie = new Movie(W, H, fps, List.of(seq));
        RecordingEncoder enc = new RecordingEncoder();

        RenderException e = assertThrows(RenderException.class, () -> renderer(threads).render(movie, enc));

        FrameRef f = movie.frame(k);
        assertEquals(k, e.frameIndex());
        assertEquals(RenderException.Stage.RENDER, e.stage());
        assertEquals(f, e.frame());
        assertEquals(String.format(java.util.Locale.ROOT, "frame %d (sequence 1, failing at %d, t = %.4f s): cannot draw this one",
                k, k, f.time()), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
        assertTrue(enc.aborted);
        assertFalse(enc.closed);
        // Nothing from frame k on reaches the encoder; the frames before it arrive in order.
        assertTrue(enc.indices.size() <= k);
        assertEquals(IntStream.range(0, enc.indices.size()).boxed().collect(Collectors.toList()), enc.indices);
        // Other threads were in the middle of frames when k failed; none started another.
        assertTrue(othersWereBusy.get());
        assertEquals(0, startedAfterFailure.get());
    }

    @ParameterizedTest(name = "encoder fails at frame {0}")
    @ValueSource(ints = {0, 1234, 2999})
    void aFailingEncoderStopsEverythingAndIsNamed(int k) {
        Movie movie = threeSequences(20_000);
        RecordingEncoder enc = new RecordingEncoder();
        enc.failEncodeAt = k;

        RenderException e = assertThrows(RenderException.class, () -> renderer(4).render(movie, enc));

        assertEquals(k, e.frameIndex());
        assertEquals(RenderException.Stage.ENCODE, e.stage());
        assertTrue(e.getMessage().startsWith("encoder, at frame " + k + " (sequence "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": disk full on purpose"), e.getMessage());
        assertEquals(k, enc.indices.size());
        assertTrue(enc.aborted);
        assertFalse(enc.closed);
        int drawn = movie.sequences().stream().mapToInt(s -> ((PatternSequence) s).framesDrawn.get()).sum();
        assertTrue(drawn <= k + OrderedRenderer.defaultWindow(4) + 4, "drawn " + drawn);
    }

    @Test
    void aFailingPreparationIsNamed() {
        RecordingEncoder enc = new RecordingEncoder();
        enc.failPrepareAt = 777;
        RenderException e = assertThrows(RenderException.class, () -> renderer(3).render(threeSequences(0), enc));
        assertEquals(777, e.frameIndex());
        assertEquals(RenderException.Stage.PREPARE_FRAME, e.stage());
        assertTrue(enc.aborted);
    }

    @Test
    void aFailingFinishIsReportedAndTheEncoderAborted() {
        RecordingEncoder enc = new RecordingEncoder();
        enc.failClose = true;
        RenderException e = assertThrows(RenderException.class, () -> renderer(2).render(threeSequences(0), enc));
        assertEquals(RenderException.Stage.FINISH, e.stage());
        assertEquals(2999, e.frameIndex());
        assertTrue(e.getMessage().contains("could not write the index on purpose"));
        assertEquals(3000, enc.indices.size());
        assertTrue(enc.aborted);
        assertNull(enc.orderError);
    }

    @Test
    void aSequenceThatRejectsTheMovieFailsBeforeAnyFrame() {
        Sequence picky = new PatternSequence(0, 1, "picky") {
            @Override
            public void prepare(VideoFormat format) {
                throw new IllegalArgumentException("needs a square movie, got " + format);
            }
        };
        Movie movie = new Movie(W, H, 10, List.of(new PatternSequence(0, 1, "fine"), picky));
        RecordingEncoder enc = new RecordingEncoder();
        RenderException e = assertThrows(RenderException.class, () -> renderer(2).start(movie, enc));
        assertEquals(RenderException.Stage.PREPARE_SEQUENCE, e.stage());
        assertEquals("sequence 2 (picky): needs a square movie, got 16x9 at 10 fps", e.getMessage());
        assertTrue(enc.aborted);
        assertTrue(enc.indices.isEmpty());
    }

    @Test
    void cancellationFromAnotherThreadStopsPromptly() throws Exception {
        // 10,000 frames of about 2 ms each: minutes with 2 threads if nothing stopped it.
        PatternSequence slow = new PatternSequence(0, 100, "slow", 4_000_000, t -> { });
        Movie movie = new Movie(W, H, 100, List.of(slow));
        CountDownLatch someEncoded = new CountDownLatch(50);
        RecordingEncoder enc = new RecordingEncoder() {
            @Override
            public void encode(Picture picture, int frameIndex) throws java.io.IOException {
                super.encode(picture, frameIndex);
                someEncoded.countDown();
            }
        };
        RenderJob job = renderer(2).start(movie, enc);
        assertTrue(someEncoded.await(20, TimeUnit.SECONDS));

        long t0 = System.nanoTime();
        assertTrue(job.cancel());
        assertThrows(RenderCancelledException.class, job::await);
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;

        assertTrue(job.isDone());
        assertTrue(stopMillis < 2_000, "took " + stopMillis + " ms to stop");
        assertTrue(enc.aborted);
        assertFalse(enc.closed);
        assertTrue(enc.indices.size() < 10_000);
        int drawn = slow.framesDrawn.get();
        assertTrue(drawn <= enc.indices.size() + OrderedRenderer.defaultWindow(2), "drawn " + drawn);
        assertFalse(job.cancel(), "a second cancel changes nothing");
    }

    @Test
    void aCancelWhileTheEncoderClosesIsRefusedAndTheMovieCompletes() throws Exception {
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch mayClose = new CountDownLatch(1);
        RecordingEncoder enc = new RecordingEncoder() {
            @Override
            public void close() throws java.io.IOException {
                closing.countDown();
                try {
                    mayClose.await();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                super.close();
            }
        };
        RenderJob job = renderer(2).start(threeSequences(0), enc);
        assertTrue(closing.await(20, TimeUnit.SECONDS));
        assertFalse(job.cancel(), "every frame is encoded: the movie completes");
        mayClose.countDown();
        assertEquals(3000, job.await().last().framesEncoded());
        assertTrue(enc.closed);
        assertFalse(enc.aborted);
        assertNull(enc.orderError);
    }

    @Test
    void interruptingTheCallerCancelsTheRender() throws Exception {
        PatternSequence slow = new PatternSequence(0, 100, "slow", 4_000_000, t -> { });
        Movie movie = new Movie(W, H, 100, List.of(slow));
        RecordingEncoder enc = new RecordingEncoder();
        List<Object> outcome = new CopyOnWriteArrayList<>();
        Thread caller = new Thread(() -> {
            try {
                renderer(2).render(movie, enc);
                outcome.add("finished");
            } catch (RuntimeException e) {
                outcome.add(e);
                outcome.add(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        Thread.sleep(200);
        caller.interrupt();
        caller.join(10_000);
        assertFalse(caller.isAlive());
        assertTrue(outcome.get(0) instanceof RenderCancelledException, outcome.toString());
        assertEquals(true, outcome.get(1), "the interrupt flag is kept");
        assertTrue(enc.aborted);
    }

    @Test
    void aFrameRangeRendersOnlyThoseFramesAcrossSequenceBoundaries() {
        Movie movie = threeSequences(10_000);
        FrameRange range = new FrameRange(950, 1650); // ends of "first", all of "second", start of "third"
        RecordingEncoder enc = new RecordingEncoder();

        RenderResult result = renderer(4).render(movie, range, enc);

        assertEquals(IntStream.range(950, 1650).boxed().collect(Collectors.toList()), enc.indices);
        assertEquals(expectedChecksums(movie, range), enc.checksums);
        assertEquals(700, result.last().totalFrames());
        assertEquals(range, result.range());
        assertTrue(enc.closed);
        // Only the frames of the range were drawn.
        assertEquals(50, ((PatternSequence) movie.sequences().get(0)).framesDrawn.get());
        assertEquals(600, ((PatternSequence) movie.sequences().get(1)).framesDrawn.get());
        assertEquals(50, ((PatternSequence) movie.sequences().get(2)).framesDrawn.get());
    }

    @Test
    void aRangeOutsideTheMovieIsRejected() {
        Movie movie = threeSequences(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> renderer(1).start(movie, new FrameRange(2990, 3010), new RecordingEncoder()));
        assertEquals("frames 2990:3010 are not all in the movie: it has frames 0 to 2999", e.getMessage());
    }

    @Test
    void moreThreadsThanFramesIsFine() {
        Movie movie = new Movie(W, H, 10, List.of(new PatternSequence(0, 0.3, "tiny")));
        RecordingEncoder enc = new RecordingEncoder();
        renderer(16).render(movie, enc);
        assertEquals(List.of(0, 1, 2), enc.indices);
    }

    @Test
    void progressCountsEveryFrameAndEndsComplete() {
        List<Progress> seen = new CopyOnWriteArrayList<>();
        OrderedRenderer r = OrderedRenderer.builder().threads(3).progressInterval(Duration.ZERO)
                .progressListener(seen::add).build();
        RenderResult result = r.render(threeSequences(0), new RecordingEncoder());
        assertEquals(3000, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            Progress p = seen.get(i);
            assertEquals(i + 1, p.framesEncoded());
            assertEquals(3000, p.totalFrames());
            assertTrue(p.framesRendered() >= p.framesEncoded());
            assertTrue(p.eta().isPresent());
        }
        Progress last = seen.get(seen.size() - 1);
        assertTrue(last.complete());
        assertEquals(Duration.ZERO, last.eta().orElseThrow());
        assertEquals(3000, result.last().framesEncoded());
        assertTrue(result.elapsed().compareTo(last.elapsed()) >= 0);
        assertTrue(last.toString().startsWith("3000/3000 frames (100.0%), "), last.toString());
    }

    @Test
    void progressIsThrottled() {
        List<Progress> seen = new CopyOnWriteArrayList<>();
        OrderedRenderer r = OrderedRenderer.builder().threads(2).progressInterval(Duration.ofHours(1))
                .progressListener(seen::add).build();
        r.render(threeSequences(0), new RecordingEncoder());
        // Only the final report: the interval never elapsed.
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).complete());
    }

    @Test
    void theBottleneckIsTheSideTheOtherWaitsFor() {
        Movie fastFrames = new Movie(W, H, 100, List.of(new PatternSequence(0, 2, "fast")));
        RecordingEncoder slowEncoder = new RecordingEncoder() {
            @Override
            public void encode(Picture picture, int frameIndex) throws java.io.IOException {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                super.encode(picture, frameIndex);
            }
        };
        Progress encoding = renderer(2).render(fastFrames, slowEncoder).last();
        assertEquals(Progress.Bottleneck.ENCODING, encoding.bottleneck(), encoding::toString);
        assertTrue(encoding.renderersBlocked() > 0.5, encoding::toString);

        Movie slowFrames = new Movie(W, H, 100, List.of(new PatternSequence(0, 2, "slow", 4_000_000, t -> { })));
        Progress rendering = renderer(2).render(slowFrames, new RecordingEncoder()).last();
        assertEquals(Progress.Bottleneck.RENDERING, rendering.bottleneck(), rendering::toString);
        assertTrue(rendering.encoderIdle() > 0.5, rendering::toString);
    }

    @Test
    void aFailingProgressListenerFailsTheRender() {
        OrderedRenderer r = OrderedRenderer.builder().threads(2).progressInterval(Duration.ZERO)
                .progressListener(p -> {
                    if (p.framesEncoded() == 10) {
                        throw new IllegalStateException("terminal closed");
                    }
                }).build();
        RecordingEncoder enc = new RecordingEncoder();
        RenderException e = assertThrows(RenderException.class, () -> r.render(threeSequences(0), enc));
        assertEquals(RenderException.Stage.PROGRESS, e.stage());
        assertEquals(9, e.frameIndex());
        assertTrue(enc.aborted);
    }

    @Test
    void aRendererCanRunManyMovies() {
        OrderedRenderer r = renderer(3);
        for (int i = 0; i < 5; i++) {
            RecordingEncoder enc = new RecordingEncoder();
            r.render(threeSequences(0), enc);
            assertEquals(3000, enc.indices.size());
        }
    }
}
