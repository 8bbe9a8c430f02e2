package dev.reel.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code reel demo [-o DIR]}: computes its own Mandelbrot databases with the geometry of
 * fractalshades' files (a flat picture for a camera pan; an exponential map and its final image
 * for a deep zoom), writes them as {@code .postdb} files with a movie script beside them, and
 * renders the script exactly as {@code reel render} would. Needs no input, and leaves a script to
 * edit.
 */
final class DemoCommand implements Callable<Integer> {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int FPS = 30;

    /** The pan database: three frame widths wide, so the pan draws it at one pixel for one. */
    static final int PAN_COLUMNS = 3 * WIDTH;
    static final int PAN_ROWS = PAN_COLUMNS / 3;
    /** Seahorse valley, between the main cardioid and the period-2 bulb. */
    private static final double PAN_RE = -0.762;
    private static final double PAN_IM = 0.12;
    private static final double PAN_WIDTH = 0.08;

    /**
     * The zoom goes into a Misiurewicz point, where the set is a dendrite that looks alike at every
     * depth and orbits escape quickly, down to a frame 2e-8 wide (1e-8 of the final image's radius).
     */
    private static final double ZOOM_RE = -0.10109636384562;
    private static final double ZOOM_IM = 0.95628651080914;
    private static final double ZOOM_RADIUS = 1e-8;
    /** Angles of the exponential map: about 3 per pixel of the frame's width, as fractalshades advises. */
    static final int ZOOM_ANGLES = 2048;
    /** The final image: twice the frame's width, so the deepest frames are drawn from a finer picture. */
    static final int ZOOM_FINAL = 2 * WIDTH;
    /** The depth of the map, from the final image's circle out to beyond the whole set (3.5 wide). */
    private static final double ZOOM_DEPTH = Math.log(3.5 / (2 * ZOOM_RADIUS)) + 0.3;
    /** The first frame of the zoom: 3.6 wide, the whole set. */
    static final double ZOOM_START = 19.0;

    private final Main main;
    private CommandSpec spec;
    private Path directory;
    private String encoder;
    private Integer threads;

    private DemoCommand(Main main) {
        this.main = main;
    }

    /** The command's model, around a new instance that runs it. */
    static CommandSpec spec(Main main) {
        DemoCommand command = new DemoCommand(main);
        CommandSpec spec = CommandSpecs.command("demo", command,
                "Computes fractal databases, writes a movie script for them and renders it: no input needed.");
        spec.addOption(CommandSpecs.help());
        spec.addOption(CommandSpecs.option(new String[] {"-o", "--output"}, "DIR", Path.class,
                "The folder for the databases, the script and the movie (default: reel-demo)."));
        spec.addOption(CommandSpecs.option(new String[] {"--encoder"}, "NAME", String.class,
                "The encoder, instead of the script's auto: ffmpeg, jcodec or a plugin's."));
        spec.addOption(CommandSpecs.option(new String[] {"--threads"}, "N", Integer.class,
                "Render threads (default: one per core)."));
        command.spec = spec;
        return spec;
    }

    private void readCommandLine() {
        ParseResult parsed = spec.commandLine().getParseResult();
        directory = parsed.matchedOptionValue("--output", Path.of("reel-demo"));
        encoder = parsed.matchedOptionValue("--encoder", null);
        threads = parsed.matchedOptionValue("--threads", null);
    }

    @Override
    public Integer call() throws IOException {
        readCommandLine();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Files.createDirectories(directory);
        long start = System.nanoTime();

        Mandelbrot shallow = new Mandelbrot(2000, 0.2);
        Path pan = directory.resolve("pan.postdb");
        timed(out, "pan.postdb, " + PAN_COLUMNS + "x" + PAN_ROWS, () ->
                DemoDatabases.flat(pan, shallow, PAN_COLUMNS, PAN_ROWS, PAN_RE, PAN_IM, PAN_WIDTH));

        Mandelbrot deep = new Mandelbrot(5000, 0.15);
        timed(out, "zoom_expmap.postdb, " + ZOOM_ANGLES + " angles", () -> DemoDatabases.expmap(
                directory.resolve("zoom_expmap.postdb"), deep, ZOOM_ANGLES, ZOOM_DEPTH, ZOOM_RE, ZOOM_IM, ZOOM_RADIUS));
        timed(out, "zoom_final.postdb, " + ZOOM_FINAL + "x" + ZOOM_FINAL, () -> DemoDatabases.finalImage(
                directory.resolve("zoom_final.postdb"), deep, ZOOM_FINAL, ZOOM_RE, ZOOM_IM, ZOOM_RADIUS));

        Path script = directory.resolve("demo.yaml");
        Files.writeString(script, script(), StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "wrote %s (databases in %.1f s)%n", script, (System.nanoTime() - start) / 1e9);
        out.flush();

        List<String> render = new ArrayList<>(List.of("render", script.toString()));
        if (encoder != null) {
            render.addAll(List.of("--encoder", encoder));
        }
        if (threads != null) {
            render.addAll(List.of("--threads", threads.toString()));
        }
        if (main.verbose()) {
            render.add("--verbose");
        }
        int status = Main.run(main.environment(), out, err, render.toArray(String[]::new));
        if (status == 0) {
            out.printf(Locale.ROOT, "demo done in %.1f s: edit %s and run 'reel render %s' to make it yours%n",
                    (System.nanoTime() - start) / 1e9, script, script);
        }
        return status;
    }

    /** The demo's movie script: a pan along seahorse valley, then a crossfade into a deep zoom. */
    static String script() {
        return """
                # The demo movie of reel: edit this file and render it again with
                #   reel render demo.yaml
                # Keys are explained in the README ("Movie scripts").
                width: %d
                height: %d
                fps: %d
                encoder:
                  name: auto        # ffmpeg where its natives load, else the pure-Java jcodec
                  crf: 20
                  metadata: {title: reel demo}
                sequences:
                  # A pan along seahorse valley: x, y and dx are keyframe tracks (PCHIP between keys).
                  - type: camera-pan
                    db: pan.postdb
                    x:  {t: [0, 8], v: [-0.3, 0.3]}
                    y:  {t: [0, 3, 6, 8], v: [-0.03, 0.04, -0.02, 0]}
                    dx: {t: [0, 4, 8], v: [0.3333, 0.28, 0.3333]}
                  # A zoom down to 2e-8 wide: h is the depth (0 = the final image fills the frame).
                  - type: camera-zoom
                    expmap: zoom_expmap.postdb
                    final: zoom_final.postdb
                    h:  {t: [8, 20], v: [%s, 0]}
                    easing: sine-in-out   # start and stop gently
                    crossfade: 1          # the pan's last second blends into the zoom
                """.formatted(WIDTH, HEIGHT, FPS, ZOOM_START);
    }

    private interface Step {
        void run() throws IOException;
    }

    private static void timed(PrintWriter out, String what, Step step) throws IOException {
        out.print("computing " + what + "... ");
        out.flush();
        long t0 = System.nanoTime();
        step.run();
        out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - t0) / 1e9);
        out.flush();
    }
}
