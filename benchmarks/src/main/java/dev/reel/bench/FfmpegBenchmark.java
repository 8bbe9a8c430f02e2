package dev.reel.bench;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.EncoderProvider;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The ffmpeg encoder against the classic approach, measured in one run (issue 6; results in
 * BENCHMARKS.md): the same frames encoded with libx264 at 720x480 and 1920x1080, presets
 * ultrafast, veryfast and medium, crf 22, once through reel (the renderer's threads convert to
 * yuv420p in {@code prepare}, one thread encodes) and once piped as raw RGB into the {@code ffmpeg}
 * command-line tool that ships inside the FFmpeg presets jar. Prints frames/s and bytes of both
 * and their ratios; the target is at least as fast as the pipe in every case.
 *
 * <p>The frames are computed before timing starts and only copied into the pictures (reel) or
 * written to the pipe, so that both measure the way to the encoder, not the drawing. Both use the
 * same x264 library, settings and thread count (FFmpeg's default), and tag the same colours.
 * Each timing is the median of several runs, alternating which side goes first.
 *
 * <p>Run (the bundled ffmpeg executable needs PulseAudio's {@code libpulse.so.0}, package
 * {@code libpulse0}; reel itself does not): {@code java -Xmx2g -cp "benchmarks/target/modules/*"
 * dev.reel.bench.FfmpegBenchmark} ({@code --quick}: a few frames of each case, to check it runs).
 */
public final class FfmpegBenchmark {
    private static final double FPS = 30;
    private static final int CRF = 22;
    private static final List<String> PRESETS = List.of("ultrafast", "veryfast", "medium");
    /** Distinct frames computed up front and cycled; 16 at 1080p is 100 MB of RGB. */
    private static final int DISTINCT = 16;

    private final EncoderProvider ffmpeg;
    private final String executable;
    private final Path dir;
    private final PrintStream out;
    private final boolean quick;
    private final int runs;

    FfmpegBenchmark(EncoderProvider ffmpeg, String executable, Path dir, PrintStream out, boolean quick) {
        this.ffmpeg = ffmpeg;
        this.executable = executable;
        this.dir = dir;
        this.out = out;
        this.quick = quick;
        this.runs = quick ? 1 : 3;
    }

    /** Runs the benchmark; {@code --quick} runs a few frames of each case, to check it works. */
    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        System.out.printf(Locale.ROOT, "reel ffmpeg benchmark: %d cores, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        EncoderProvider ffmpeg = ServiceLoader.load(EncoderProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("ffmpeg"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no 'ffmpeg' encoder provider on the class path"));
        if (!ffmpeg.availability().available()) {
            System.out.println("the ffmpeg encoder is unavailable here: " + ffmpeg.availability().reason());
            System.exit(2);
        }
        String executable = bundledFfmpeg();
        System.out.println("ffmpeg executable: " + executable);
        Path dir = Files.createTempDirectory("reel-ffmpeg-bench");
        boolean ok;
        try {
            ok = new FfmpegBenchmark(ffmpeg, executable, dir, System.out, quick).run();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.out.println(ok ? "all targets met" : "SOME TARGETS MISSED");
        System.exit(ok ? 0 : 1);
    }

    /**
     * The ffmpeg executable inside the presets' native jar, extracted by JavaCPP. Found by
     * reflection so that this module needs no compile-time dependency on the presets.
     */
    private static String bundledFfmpeg() {
        try {
            Class<?> loader = Class.forName("org.bytedeco.javacpp.Loader");
            Class<?> program = Class.forName("org.bytedeco.ffmpeg.ffmpeg");
            return (String) loader.getMethod("load", Class.class).invoke(null, program);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot extract the ffmpeg executable from the presets (it needs "
                    + "PulseAudio's libpulse.so.0: apt-get install libpulse0): " + cause, cause);
        }
    }

    /** Measures every case; true if reel is at least as fast as the pipe in all of them. */
    boolean run() throws Exception {
        // Untimed: the JIT compiles the renderer and the copies, JavaCPP and ffmpeg reach the page cache.
        List<byte[]> warm = frames(720, 480);
        for (int i = 0; i < 2; i++) {
            reel(warm, 720, 480, 120, "ultrafast", dir.resolve("warm.mp4"));
            pipe(warm, 720, 480, 120, "ultrafast", dir.resolve("warm.mp4"));
        }
        boolean ok = true;
        out.printf(Locale.ROOT, "%-10s %-10s %12s %12s %7s %12s %12s %7s%n", "size", "preset", "reel fps",
                "pipe fps", "ratio", "reel bytes", "pipe bytes", "ratio");
        for (int[] size : new int[][] {{720, 480}, {1920, 1080}}) {
            int width = size[0];
            int height = size[1];
            int frames = quick ? 20 : (height > 480 ? 180 : 450);
            List<byte[]> rgb = frames(width, height);
            for (String preset : PRESETS) {
                double[] reelFps = new double[runs];
                double[] pipeFps = new double[runs];
                long reelBytes = 0;
                long pipeBytes = 0;
                for (int r = 0; r < runs; r++) {
                    Path reelOut = dir.resolve("reel.mp4");
                    Path pipeOut = dir.resolve("pipe.mp4");
                    // Alternate which side goes first, so that neither always finds the machine warm.
                    if (r % 2 == 0) {
                        reelFps[r] = reel(rgb, width, height, frames, preset, reelOut);
                        pipeFps[r] = pipe(rgb, width, height, frames, preset, pipeOut);
                    } else {
                        pipeFps[r] = pipe(rgb, width, height, frames, preset, pipeOut);
                        reelFps[r] = reel(rgb, width, height, frames, preset, reelOut);
                    }
                    reelBytes = Files.size(reelOut);
                    pipeBytes = Files.size(pipeOut);
                }
                double reel = median(reelFps);
                double pipe = median(pipeFps);
                boolean met = reel >= pipe;
                ok &= met;
                out.printf(Locale.ROOT, "%-10s %-10s %12.1f %12.1f %7.2f %12d %12d %7.3f%s%n", width + "x" + height,
                        preset, reel, pipe, reel / pipe, reelBytes, pipeBytes, (double) reelBytes / pipeBytes,
                        met ? "" : "  (below target 1.00)");
            }
        }
        return ok;
    }

    /** Frames/s through reel: the renderer copies each frame into a pooled picture, the encoder does the rest. */
    private double reel(List<byte[]> rgb, int width, int height, int frames, String preset, Path file)
            throws IOException {
        VideoFormat format = new VideoFormat(width, height, FPS);
        EncoderSettings settings = EncoderSettings.DEFAULTS.withCrf(CRF).withPreset(preset);
        ffmpeg.check(settings, format, file);
        Sequence copy = new Sequence() {
            @Override
            public double startTime() {
                return 0;
            }

            @Override
            public double endTime() {
                return frames / FPS;
            }

            @Override
            public String description() {
                return "precomputed frames";
            }

            @Override
            public void render(double time, Picture target) {
                byte[] frame = rgb.get((int) Math.round(time * FPS) % rgb.size());
                System.arraycopy(frame, 0, target.rgb(), 0, frame.length);
            }
        };
        Movie movie = new Movie(format, List.of(copy));
        long start = System.nanoTime();
        Encoder encoder = ffmpeg.open(file, settings, format);
        OrderedRenderer.withDefaults().render(movie, encoder);
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    /** Frames/s piped as raw RGB into the ffmpeg command-line tool, with the same encoder settings. */
    private double pipe(List<byte[]> rgb, int width, int height, int frames, String preset, Path file)
            throws IOException, InterruptedException {
        // The same matrix and tags as reel: BT.601 below 720 lines, BT.709 from there up.
        boolean hd = height >= 720;
        String matrix = hd ? "bt709" : "bt601";
        String tag = hd ? "bt709" : "smpte170m";
        List<String> command = new ArrayList<>(List.of(executable, "-hide_banner", "-loglevel", "error", "-nostdin",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", width + "x" + height, "-r", Integer.toString((int) FPS),
                "-i", "pipe:0",
                "-vf", "scale=out_color_matrix=" + matrix + ":out_range=tv,format=yuv420p",
                "-c:v", "libx264", "-preset", preset, "-crf", Integer.toString(CRF),
                "-colorspace", tag, "-color_primaries", tag, "-color_trc", tag, "-color_range", "tv",
                "-y", file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The executable finds its own libraries beside it, but not theirs (libva...): point the loader there.
        builder.environment().put("LD_LIBRARY_PATH", new File(executable).getParent());
        builder.redirectOutput(dir.resolve("ffmpeg.log").toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try (OutputStream stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 20)) {
            for (int i = 0; i < frames; i++) {
                stdin.write(rgb.get(i % rgb.size()));
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("ffmpeg failed: "
                    + Files.readString(dir.resolve("ffmpeg.log"), StandardCharsets.UTF_8).strip());
        }
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Frames to encode: smooth gradients that move, a sharp-edged square crossing the picture and a
     * fixed fine texture, so that every preset has real work.
     */
    private static List<byte[]> frames(int width, int height) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            byte[] rgb = new byte[3 * width * height];
            int side = height / 5;
            int x0 = (i * width / DISTINCT) % (width - side);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int texture = ((x * 7919 + y * 104729) % 31) - 15;
                    boolean square = x >= x0 && x < x0 + side && y >= height / 3 && y < height / 3 + side;
                    int r = square ? 235 : (int) (128 + 80 * Math.sin(x * 0.013 + i * 0.3)) + texture;
                    int g = square ? 225 : (int) (128 + 80 * Math.cos(y * 0.017 - i * 0.2)) + texture;
                    int b = square ? 40 : (int) (128 + 70 * Math.sin((x + y) * 0.009 + i * 0.1)) - texture;
                    int o = 3 * (y * width + x);
                    rgb[o] = (byte) Math.max(0, Math.min(255, r));
                    rgb[o + 1] = (byte) Math.max(0, Math.min(255, g));
                    rgb[o + 2] = (byte) Math.max(0, Math.min(255, b));
                }
            }
            frames.add(rgb);
        }
        return frames;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
