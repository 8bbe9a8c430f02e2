package dev.reel.bench;

import dev.reel.api.Encoder;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import dev.reel.api.RenderResult;
import dev.reel.sequences.CustomSequence;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The renderer's three targets, measured in one run (issue 2; results in BENCHMARKS.md):
 * <ol>
 *   <li>pipeline efficiency when encoding is the bottleneck: end-to-end frames/s over
 *       encoder-alone frames/s (target at least 0.95);</li>
 *   <li>scaling when rendering is the bottleneck: frames/s with 2 render threads over 1 (target
 *       at least 1.8 on a 2-core machine);</li>
 *   <li>peak heap after 1,000 and after 10,000 frames of 1920x1080 (within 10% of each other).</li>
 * </ol>
 * The synthetic sequence and the in-memory encoder do calibrated CPU work per frame, not sleeps.
 * Each timing is the median of several runs.
 *
 * <p>Run: {@code java -Xms2g -Xmx2g -cp "benchmarks/target/modules/*" dev.reel.bench.RendererBenchmark}
 */
public final class RendererBenchmark {
    private final Work work;
    private final PrintStream out;
    /** 1 for the real measurement; smaller to check quickly that the benchmark still runs. */
    private final double scale;
    private final int runs;

    RendererBenchmark(Work work, PrintStream out, double scale) {
        this.work = work;
        this.out = out;
        this.scale = scale;
        this.runs = scale < 1 ? 1 : 3;
    }

    /** Runs the benchmark; {@code --quick} runs a few frames of each part, to check it works. */
    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        System.out.printf(Locale.ROOT, "reel renderer benchmark: %d cores, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
        Work work = Work.calibrate();
        System.out.printf(Locale.ROOT, "calibrated work: %.0f units per microsecond on one core%n%n", work.unitsPerMicro());
        boolean ok = new RendererBenchmark(work, System.out, quick ? 0.02 : 1).run();
        System.out.println(ok ? "all targets met" : "SOME TARGETS MISSED");
        System.exit(ok ? 0 : 1);
    }

    /** Measures the three targets; true if all are met. */
    boolean run() {
        boolean efficiency = efficiency();
        boolean scaling = scaling();
        boolean memory = memory();
        return efficiency && scaling && memory;
    }

    private int frames(int n) {
        return Math.max(10, (int) (n * scale));
    }

    /** Encoding is the bottleneck: 2 ms of encoder work per frame, 0.4 ms of rendering. */
    private boolean efficiency() {
        int frames = frames(1000);
        double encodeMicros = 2000;
        double renderMicros = 400;
        Picture picture = new Picture(320, 180);
        SyntheticEncoder alone = new SyntheticEncoder(encodeMicros);
        double aloneFps = median(() -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                alone.encode(picture, i);
            }
            return frames / ((System.nanoTime() - t0) / 1e9);
        });
        int threads = Runtime.getRuntime().availableProcessors();
        double pipelineFps = median(() -> render(320, 180, frames, renderMicros, encodeMicros, threads).framesPerSecond());
        double ratio = pipelineFps / aloneFps;
        out.printf(Locale.ROOT, "1. encoding-bound (%d frames 320x180, render %.1f ms/frame on %d threads, encode %.1f ms/frame)%n",
                frames, renderMicros / 1000, threads, encodeMicros / 1000);
        out.printf(Locale.ROOT, "   encoder alone %.1f fps, end to end %.1f fps: efficiency %.3f (target >= 0.95) %s%n%n",
                aloneFps, pipelineFps, ratio, verdict(ratio >= 0.95));
        return ratio >= 0.95;
    }

    /** Rendering is the bottleneck: 4 ms of rendering per frame, 0.05 ms of encoding. */
    private boolean scaling() {
        int frames = frames(800);
        double renderMicros = 4000;
        double encodeMicros = 50;
        double one = median(() -> render(320, 180, frames, renderMicros, encodeMicros, 1).framesPerSecond());
        double two = median(() -> render(320, 180, frames, renderMicros, encodeMicros, 2).framesPerSecond());
        double ratio = two / one;
        out.printf(Locale.ROOT, "2. render-bound (%d frames 320x180, render %.1f ms/frame, encode %.2f ms/frame)%n",
                frames, renderMicros / 1000, encodeMicros / 1000);
        out.printf(Locale.ROOT, "   1 thread %.1f fps, 2 threads %.1f fps: scaling %.3f (target >= 1.8) %s%n%n",
                one, two, ratio, verdict(ratio >= 1.8));
        return ratio >= 1.8;
    }

    /** Memory does not grow with the movie: peak heap for 1,000 and 10,000 frames of 1080p. */
    private boolean memory() {
        int threads = Runtime.getRuntime().availableProcessors();
        render(1920, 1080, frames(200), 0, 0, threads); // warm up
        long[] peaks = new long[2];
        int[] lengths = {frames(1000), frames(10_000)};
        int pictures = 0;
        for (int k = 0; k < 2; k++) {
            System.gc();
            resetPeaks();
            RenderResult r = render(1920, 1080, lengths[k], 0, 0, threads);
            peaks[k] = peakHeap();
            pictures = r.picturesAllocated();
            out.printf(Locale.ROOT, "   %,6d frames of 1920x1080 in %.1f s (%.0f fps): peak heap %.1f MiB, %d pooled pictures%n",
                    lengths[k], r.elapsed().toMillis() / 1000.0, r.framesPerSecond(), peaks[k] / 1048576.0, pictures);
        }
        double ratio = (double) peaks[1] / peaks[0];
        out.printf(Locale.ROOT, "3. memory: peak heap %,d frames / %,d frames = %.3f (target within 0.90..1.10); "
                + "one picture is %.1f MiB, the window holds %d %s%n%n",
                lengths[1], lengths[0], ratio, 1920 * 1080 * 3 / 1048576.0, pictures, verdict(ratio >= 0.9 && ratio <= 1.1));
        return ratio >= 0.9 && ratio <= 1.1;
    }

    private RenderResult render(int width, int height, int frames, double renderMicros, double encodeMicros, int threads) {
        double fps = 50;
        CustomSequence seq = new CustomSequence(0, frames / fps, "synthetic", (t, p) -> {
            // Every pixel is written, as a real sequence must; then the adjustable cost.
            int v = (int) Math.round(t * fps);
            p.fill(v * 0x010203);
            work.doMicros(renderMicros);
        });
        Movie movie = new Movie(width, height, fps, List.of(seq));
        return OrderedRenderer.builder().threads(threads).build().render(movie, new SyntheticEncoder(encodeMicros));
    }

    /** An in-memory encoder: reads the frame, then does the adjustable cost. */
    private final class SyntheticEncoder implements Encoder {
        private final double micros;
        private long checksum;

        SyntheticEncoder(double micros) {
            this.micros = micros;
        }

        @Override
        public void encode(Picture picture, int frameIndex) {
            byte[] rgb = picture.rgb();
            for (int i = 0; i < rgb.length; i += 4096) {
                checksum += rgb[i];
            }
            work.doMicros(micros);
        }

        @Override
        public void close() {
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private interface Measure {
        double run();
    }

    private double median(Measure m) {
        double[] v = new double[runs];
        for (int i = 0; i < runs; i++) {
            v[i] = m.run();
        }
        Arrays.sort(v);
        return v[runs / 2];
    }

    private static String verdict(boolean ok) {
        return ok ? "PASS" : "MISS";
    }
}
