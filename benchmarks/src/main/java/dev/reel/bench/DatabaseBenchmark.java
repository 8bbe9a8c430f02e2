package dev.reel.bench;

import dev.reel.api.PanView;
import dev.reel.api.Picture;
import dev.reel.api.View;
import dev.reel.api.ZoomView;
import dev.reel.db.ExpZoomSource;
import dev.reel.db.PostdbPanSource;
import dev.reel.db.PostdbWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Sampling speed of the database sources (issue 3; results in BENCHMARKS.md), in one run:
 * <ol>
 *   <li>1920x1080 pan frames from a 16384x16384 RGBA .postdb, per render thread and on every core
 *       (target at least 90 frames/s per thread);</li>
 *   <li>1920x1080 zoom frames from a realistic expmap (nt = 3 x 1920 = 5760, the depth of
 *       fractalshades' zoom example) and its 3840x3840 final image (target at least 45 frames/s
 *       per thread);</li>
 *   <li>each set against a plain copy of the same number of bytes (a 1080p RGB picture), measured
 *       in the same run;</li>
 *   <li>frames from a sparse database larger than the Java heap and than the machine's memory: the
 *       mapping is paged, never loaded.</li>
 * </ol>
 * The databases are real .npy files written once into a folder (default
 * {@code benchmarks/target/bench-data}) and reused by later runs.
 *
 * <p>Run: {@code java -Xmx2g -cp "benchmarks/target/modules/*" dev.reel.bench.DatabaseBenchmark}
 */
public final class DatabaseBenchmark {
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    /** Views in a camera path; each is drawn once before timing starts. */
    private static final int PATH = 300;

    private final Path dataDir;
    private final PrintStream out;
    /** 1 for the real measurement; smaller for a quick check that the benchmark still runs. */
    private final double scale;

    DatabaseBenchmark(Path dataDir, PrintStream out, double scale) {
        this.dataDir = dataDir;
        this.out = out;
        this.scale = scale;
    }

    public static void main(String[] args) throws IOException {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path dir = Path.of(System.getProperty("reel.bench.data", "benchmarks/target/bench-data"));
        System.out.printf(Locale.ROOT, "reel database benchmark: %d cores, Java %s, max heap %d MiB, data in %s%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, dir);
        boolean ok = new DatabaseBenchmark(dir, System.out, quick ? 0.05 : 1).run();
        System.out.println(ok ? "all targets met" : "SOME TARGETS MISSED");
        System.exit(ok ? 0 : 1);
    }

    boolean run() throws IOException {
        Files.createDirectories(dataDir);
        double copyFps = copyRate();
        out.printf(Locale.ROOT, "plain copy of a %dx%d RGB picture (%.1f MiB): %.0f copies/s on one thread%n%n",
                WIDTH, HEIGHT, WIDTH * HEIGHT * 3 / 1048576.0, copyFps);
        boolean pan = pan(copyFps);
        boolean zoom = zoom(copyFps);
        boolean sparse = sparse();
        return pan && zoom && sparse;
    }

    private int side(int n) {
        return Math.max(64, (int) (n * scale));
    }

    private boolean pan(double copyFps) throws IOException {
        int n = side(16384);
        Path file = picture("pan_" + n + ".postdb", n, n, 4);
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            // A camera move as in a movie: one sweep across the whole database in 300 frames
            // (about 48 database pixels per frame), weaving up and down, at about 1:1 (one frame
            // pixel per 1.1 database pixels, so the weights vary).
            double dx = Math.min(1.0, WIDTH * 1.1 / n);
            double dy = dx * HEIGHT / WIDTH;
            IntFunction<View> path = i -> new PanView(
                    -0.5 + dx / 2 + (1 - dx) * (i % PATH) / (double) PATH,
                    (0.5 - dy / 2) * 0.8 * Math.sin(2 * Math.PI * (i % PATH) / PATH), dx);
            return report("pan (" + n + "x" + n + " RGBA, " + (Files.size(file) >> 20) + " MiB)", src::draw, path, 90, copyFps);
        }
    }

    private boolean zoom(double copyFps) throws IOException {
        int nt = side(3 * WIDTH);
        double hView = Math.log(10 / 7.6e-20);
        double bigH = hView + 0.5 * Math.log(1 + 1.5) + 0.1; // the zoom example's H
        int nh = (int) Math.round(bigH * nt / (2 * Math.PI));
        int nFinal = side(2 * WIDTH);
        Path expmap = picture("zoom_expmap_" + nh + "x" + nt + ".postdb", nh, nt, 4);
        Path fin = picture("zoom_final_" + nFinal + ".postdb", nFinal, nFinal, 4);
        long t0 = System.nanoTime();
        try (ExpZoomSource src = ExpZoomSource.open(expmap, fin)) {
            out.printf(Locale.ROOT, "zoom database: expmap %dx%d RGBA (%d MiB), final %dx%d; pyramids built in %.1f s%n",
                    nh, nt, Files.size(expmap) >> 20, nFinal, nFinal, (System.nanoTime() - t0) / 1e9);
            double hMax = 2 * Math.PI * nh / nt - Math.log(0.5 * Math.sqrt(1 + Math.pow((double) WIDTH / HEIGHT, 2)));
            // Depths across the whole zoom, final image and expmap alike.
            IntFunction<View> path = i -> new ZoomView(hMax * ((i * 61) % PATH) / PATH);
            return report("zoom", src::draw, path, 45, copyFps);
        }
    }

    interface Drawer {
        void draw(View view, Picture target);
    }

    private boolean report(String what, Drawer drawer, IntFunction<View> path, double target, double copyFps) {
        int frames = Math.max(20, (int) (PATH * scale));
        // Draw every view of the path once first, so that the JIT has compiled the sampler and
        // the pages those views read are mapped: what follows measures sampling, not the first
        // touch of the file.
        Picture warm = new Picture(WIDTH, HEIGHT);
        for (int i = 0; i < (scale < 1 ? frames : PATH); i++) {
            drawer.draw(path.apply(i), warm);
        }
        double firstPass = rate(drawer, path, frames, 1);
        double one = rate(drawer, path, frames, 1);
        int cores = Runtime.getRuntime().availableProcessors();
        double all = rate(drawer, path, frames * cores, cores);
        boolean met = one >= target;
        out.printf(Locale.ROOT, "%s: %.1f frames/s on 1 thread (target >= %.0f) %s; %.1f frames/s on %d threads; "
                + "one frame costs %.1f plain copies (a first timed pass on 1 thread: %.1f frames/s)%n%n",
                what, one, target, met ? "PASS" : "MISS", all, cores, copyFps / one, firstPass);
        return met;
    }

    private static double rate(Drawer drawer, IntFunction<View> path, int frames, int threads) {
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        long t0 = System.nanoTime();
        for (int k = 0; k < threads; k++) {
            workers[k] = new Thread(() -> {
                Picture p = new Picture(WIDTH, HEIGHT);
                for (int i; (i = next.getAndIncrement()) < frames; ) {
                    drawer.draw(path.apply(i), p);
                }
            });
            workers[k].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return frames / ((System.nanoTime() - t0) / 1e9);
    }

    private double copyRate() {
        byte[] from = new byte[WIDTH * HEIGHT * 3];
        Arrays.fill(from, (byte) 7);
        byte[] to = new byte[from.length];
        int n = Math.max(50, (int) (2000 * scale));
        for (int i = 0; i < n / 4; i++) {
            System.arraycopy(from, 0, to, 0, from.length);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            from[i % from.length]++;
            System.arraycopy(from, 0, to, 0, from.length);
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /** A database larger than the heap and than the machine's memory, sparse on disk. */
    private boolean sparse() throws IOException {
        int n = scale < 1 ? 20_000 : 100_000; // 100000^2 RGBA = 37 GiB
        Path file = dataDir.resolve("sparse_" + n + ".postdb");
        long data = (long) n * n * 4;
        if (!Files.exists(file) || Files.size(file) != PostdbWriter.fileLength(n, n, 4)) {
            PostdbWriter.create(file, n, n, 4).close(); // never written: all holes
        }
        long heap = Runtime.getRuntime().maxMemory();
        long open0 = System.nanoTime();
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            out.printf(Locale.ROOT, "opening the %.1f GiB sparse database (header and mapping): %.1f ms%n",
                    data / (double) (1L << 30), (System.nanoTime() - open0) / 1e6);
            double dx = WIDTH / (double) n;
            Picture p = new Picture(WIDTH, HEIGHT);
            int frames = Math.max(10, (int) (30 * scale));
            long t0 = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                double x = -0.5 + dx / 2 + (1 - dx) * i / frames;
                src.draw(new PanView(x, 0.3 * Math.sin(i), dx), p);
            }
            double fps = frames / ((System.nanoTime() - t0) / 1e9);
            System.gc();
            long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            out.printf(Locale.ROOT, "sparse database %dx%d RGBA: %.1f GiB, %.1fx the max heap (%d MiB): %d frames at %.1f frames/s, "
                    + "heap in use after GC %d MiB (every page read was a hole: the kernel zero-fills it) PASS%n%n", n, n, data / (double) (1L << 30), (double) data / heap, heap >> 20,
                    frames, fps, used >> 20);
        }
        return data > heap;
    }

    private Path picture(String name, int rows, int cols, int channels) throws IOException {
        Path file = dataDir.resolve(name);
        if (!Files.exists(file) || Files.size(file) != PostdbWriter.fileLength(rows, cols, channels)) {
            out.printf(Locale.ROOT, "writing %s (%d MiB)...%n", file, PostdbWriter.fileLength(rows, cols, channels) >> 20);
        }
        return BenchData.picture(file, rows, cols, channels);
    }
}
