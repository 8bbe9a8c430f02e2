package dev.reel.bench;

import dev.reel.api.Encoder;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import dev.reel.db.PostdbPanSource;
import dev.reel.sequences.CameraPan;
import dev.reel.sequences.Track;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * fractalshades' pan example made by the whole {@code reel} command, against libx264 alone.
 *
 * <p>The movie is fractalshades' pan example (fractalshades-format.md, "Example values"): a
 * 1440x480 RGBA database, a 720x480 movie at 60 fps, t from 0 to 10 s (600 frames), x from -0.25
 * to 0.25, y = 0, dx = 0.5, crf 20, here with libx264's preset medium. The database's content is
 * this benchmark's own. Both sides run as whole processes, JVM start included:
 * <ul>
 *   <li>reel: {@code reel/bin/reel render pan.yaml} of the built distribution (sampling, colour
 *       conversion and encoding);</li>
 *   <li>the limit: the {@code ffmpeg} program (the same FFmpeg and libx264 build, from the presets
 *       jar) encoding the same 600 frames, rendered beforehand into a raw RGB file, with the same
 *       settings.</li>
 * </ul>
 * Target: reel's throughput at least 0.85 of the limit's. Peak memory (the high-water mark of the
 * resident set, read from /proc while each process runs) is reported for both.
 *
 * <p>Run after {@code mvn install}: {@code java -cp "benchmarks/target/modules/*"
 * dev.reel.bench.EndToEndBenchmark [--quick] [--repeat N] [--runs N]}. The ffmpeg program needs libpulse0 on Debian.
 */
public final class EndToEndBenchmark {
    /**
     * The Java that {@code bin/reel} runs on: the one {@code JAVA_HOME} names (from its release
     * file), else {@code java} on the PATH, taken to be this benchmark's own.
     */
    private static String reelJava() throws IOException {
        String home = System.getenv("JAVA_HOME");
        if (home != null && !home.isEmpty()) {
            Path release = Path.of(home, "release");
            if (Files.isRegularFile(release)) {
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
                        return line.substring(line.indexOf('=') + 1).replace("\"", "") + " (JAVA_HOME)";
                    }
                }
            }
            return home + " (JAVA_HOME)";
        }
        return Runtime.version().toString();
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 480;
    private static final int FPS = 60;

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        // --repeat N: the movie is the pan N times over (N sequences; the ffmpeg program loops the
        // raw file N times), so that start-up weighs 1/N as much and the steady state shows.
        int at = Arrays.asList(args).indexOf("--repeat");
        int repeat = at < 0 ? 1 : at + 1 < args.length && args[at + 1].matches("[1-9][0-9]{0,3}")
                ? Integer.parseInt(args[at + 1]) : 0;
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat: expected a whole number from 1 to 9999 after it");
        }
        Path dist = Path.of(System.getProperty("reel.dist", "app/target/reel"));
        Path dir = Files.createDirectories(Path.of(System.getProperty("reel.bench.data", "benchmarks/target/e2e")));
        // --runs N: rounds of the four commands (default 3; more steady the numbers on a busy machine).
        int runsAt = Arrays.asList(args).indexOf("--runs");
        int runs = runsAt < 0 ? (quick ? 1 : 3) : runsAt + 1 < args.length && args[runsAt + 1].matches("[1-9][0-9]?")
                ? Integer.parseInt(args[runsAt + 1]) : 0;
        if (runs < 1) {
            throw new IllegalArgumentException("--runs: expected a whole number from 1 to 99 after it");
        }
        double seconds = quick ? 2 : 10;
        int frames = (int) (seconds * FPS);
        System.out.printf(Locale.ROOT, "reel end-to-end benchmark: %d cores, reel on Java %s, %d frames of %dx%d at %d fps, %d runs each%n%n",
                Runtime.getRuntime().availableProcessors(), reelJava(), repeat * frames, WIDTH, HEIGHT, FPS, runs);

        Path db = dir.resolve("pan.postdb");
        BenchData.picture(db, 480, 1440, 4);
        Path script = dir.resolve("pan.yaml");
        Files.writeString(script, String.format(Locale.ROOT, """
                width: %d
                height: %d
                fps: %d
                encoder: {name: ffmpeg, crf: 20, preset: medium}
                sequences:
                """, WIDTH, HEIGHT, FPS) + String.format(Locale.ROOT, """
                  - type: camera-pan
                    db: pan.postdb
                    x:  {t: [0, %s], v: [-0.25, 0.25]}
                    y:  {t: [0, %s], v: [0, 0]}
                    dx: {t: [0, %s], v: [0.5, 0.5]}
                """, seconds, seconds, seconds).repeat(repeat));

        // The same frames, rendered once by the library into the raw file the ffmpeg program reads.
        Path raw = dir.resolve("pan.rgb");
        double[] t = {0, seconds};
        try (PostdbPanSource source = PostdbPanSource.open(db);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw), 1 << 20)) {
            CameraPan pan = new CameraPan(source, Track.pchip(t, new double[] {-0.25, 0.25}),
                    Track.pchip(t, new double[] {0, 0}), Track.pchip(t, new double[] {0.5, 0.5}));
            OrderedRenderer.builder().build().render(new Movie(WIDTH, HEIGHT, FPS, List.of(pan)), new Encoder() {
                @Override
                public void encode(Picture picture, int frameIndex) throws IOException {
                    out.write(picture.rgb());
                }

                @Override
                public void close() {
                }
            });
        }
        if (Files.size(raw) != (long) frames * WIDTH * HEIGHT * 3) {
            throw new IllegalStateException("expected " + frames + " raw frames in " + raw);
        }

        String ffmpeg = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        List<String> reel = List.of(dist.resolve("bin/reel").toString(), "render", script.toString(),
                "-o", dir.resolve("reel.mp4").toString());
        List<String> limit = List.of(ffmpeg, "-v", "error", "-y", "-stream_loop", Integer.toString(repeat - 1),
                "-f", "rawvideo", "-pix_fmt", "rgb24",
                "-s", WIDTH + "x" + HEIGHT, "-r", Integer.toString(FPS), "-i", raw.toString(),
                "-c:v", "libx264", "-preset", "medium", "-crf", "20", "-pix_fmt", "yuv420p",
                dir.resolve("ffmpeg.mp4").toString());

        // The same commands for the movie's first frame only: the fixed cost of each process.
        List<String> reelOne = new ArrayList<>(reel);
        reelOne.addAll(List.of("--frames", "0:1"));
        reelOne.set(reelOne.indexOf("-o") + 1, dir.resolve("one.mp4").toString());
        List<String> limitOne = new ArrayList<>(limit);
        limitOne.addAll(limitOne.size() - 1, List.of("-frames:v", "1"));
        limitOne.set(limitOne.size() - 1, dir.resolve("one-ffmpeg.mp4").toString());

        // Untimed: reel's first render after a build also writes its class-data archive (2 s, once).
        run(reelOne);

        List<Run> reelRuns = new ArrayList<>();
        List<Run> limitRuns = new ArrayList<>();
        List<Run> reelOneRuns = new ArrayList<>();
        List<Run> limitOneRuns = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // Alternate, so that a slow spell of this shared machine hits both sides alike.
            reelRuns.add(run(reel));
            limitRuns.add(run(limit));
            reelOneRuns.add(run(reelOne));
            limitOneRuns.add(run(limitOne));
        }
        Run r = best(reelRuns);
        Run l = best(limitRuns);
        double ratio = l.seconds / r.seconds;
        System.out.printf(Locale.ROOT, "reel render (whole process):   %5.2f s, %5.1f frames/s, peak RSS %4d MiB, %7d bytes  (all runs: %s)%n",
                r.seconds, repeat * frames / r.seconds, r.peakKib >> 10, Files.size(dir.resolve("reel.mp4")), times(reelRuns));
        System.out.printf(Locale.ROOT, "ffmpeg, raw RGB in (the limit): %5.2f s, %5.1f frames/s, peak RSS %4d MiB, %7d bytes  (all runs: %s)%n",
                l.seconds, repeat * frames / l.seconds, l.peakKib >> 10, Files.size(dir.resolve("ffmpeg.mp4")), times(limitRuns));
        double reelStart = best(reelOneRuns).seconds;
        double limitStart = best(limitOneRuns).seconds;
        System.out.printf(Locale.ROOT, "one frame (start-up and one frame): reel %.2f s, ffmpeg %.2f s; without it, the limit / reel: %.2f%n",
                reelStart, limitStart, (l.seconds - limitStart) / (r.seconds - reelStart));
        // Each round's two runs, a few seconds apart, see the same spell of a shared machine.
        double[] rounds = new double[runs];
        for (int i = 0; i < runs; i++) {
            rounds[i] = limitRuns.get(i).seconds / reelRuns.get(i).seconds;
        }
        Arrays.sort(rounds);
        double median = runs % 2 == 1 ? rounds[runs / 2] : (rounds[runs / 2 - 1] + rounds[runs / 2]) / 2;
        System.out.printf(Locale.ROOT, "round by round (each reel run against the next ffmpeg run): median %.2f, from %.2f to %.2f%n",
                median, rounds[0], rounds[runs - 1]);
        System.out.printf(Locale.ROOT, "reel's throughput / the limit's: %.2f (target >= 0.85) %s%n",
                ratio, ratio >= 0.85 ? "PASS" : "MISS");
        System.exit(ratio >= 0.85 ? 0 : 1);
    }

    private record Run(double seconds, long peakKib) {
    }

    private static Run best(List<Run> runs) {
        return runs.stream().min((a, b) -> Double.compare(a.seconds, b.seconds)).orElseThrow();
    }

    private static String times(List<Run> runs) {
        return runs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x.seconds)).toList().toString();
    }

    /** Runs a command to its end; its time, and the largest VmHWM of the process seen while it ran. */
    private static Run run(List<String> command) throws Exception {
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // The presets' ffmpeg program finds its libraries (libva, ...) beside itself.
        builder.environment().put("LD_LIBRARY_PATH", Path.of(command.get(0)).getParent().toString());
        Process p = builder.start();
        AtomicLong peak = new AtomicLong();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            peak.accumulateAndGet(highWaterMark(status), Math::max);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
        }
        return new Run(seconds, peak.get());
    }

    /** VmHWM in KiB (the process's peak resident set so far), 0 once it has gone. */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process has ended between two looks.
        }
        return 0;
    }
}
