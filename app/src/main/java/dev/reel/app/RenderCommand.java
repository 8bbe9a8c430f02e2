package dev.reel.app;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.FrameRange;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.ProviderLookupException;
import dev.reel.api.Registry;
import dev.reel.api.RenderCancelledException;
import dev.reel.api.RenderException;
import dev.reel.api.RenderJob;
import dev.reel.api.RenderResult;
import dev.reel.api.ScriptException;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.api.spi.UnsupportedSettingException;
import dev.reel.app.plugins.PluginsOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code reel render SCRIPT [-o OUT] [--encoder NAME] [--threads N] [--frames FROM:TO]}.
 *
 * <p>Everything that can be checked before rendering is: the script, the encoder and its settings
 * (with the encoder's own {@code check}), the frame range; any problem there exits with 2. The
 * movie is written beside the target under a temporary name and moved into place only when
 * complete; a failure (exit 1) or Ctrl-C (exit 130) deletes the temporary file and leaves an older
 * file at the target untouched.
 */
final class RenderCommand implements Callable<Integer> {
    private static final Pattern FRAMES = Pattern.compile("(\\d{1,10}):(\\d{1,10})");
    /** Between two plain progress lines when no terminal watches. */
    static final Duration PLAIN_PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Main main;
    private CommandSpec spec;
    private PluginsOption plugins;
    private Path script;
    private Path output;
    private String encoder;
    private Integer threads;
    private String frames;

    private RenderCommand(Main main) {
        this.main = main;
    }

    /** The command's model, around a new instance that runs it. */
    static CommandSpec spec(Main main) {
        RenderCommand command = new RenderCommand(main);
        CommandSpec spec = CommandSpecs.command("render", command, "Renders a movie script into a movie file.");
        spec.addPositional(CommandSpecs.script());
        spec.addOption(CommandSpecs.help());
        spec.addOption(PluginsOption.spec());
        spec.addOption(CommandSpecs.option(new String[] {"-o", "--output"}, "OUT", Path.class,
                "The movie file (default: the script's name with the encoder's extension, .mp4 for H.264)."));
        spec.addOption(CommandSpecs.option(new String[] {"--encoder"}, "NAME", String.class,
                "The encoder, instead of the script's encoder.name: auto, ffmpeg, jcodec or a plugin's."));
        spec.addOption(CommandSpecs.option(new String[] {"--threads"}, "N", Integer.class,
                "Render threads (default: one per core)."));
        spec.addOption(CommandSpecs.option(new String[] {"--frames"}, "FROM:TO", String.class,
                "Renders only the global frames FROM (included) to TO (excluded)."));
        command.spec = spec;
        return spec;
    }

    private void readCommandLine() {
        ParseResult parsed = spec.commandLine().getParseResult();
        plugins = PluginsOption.of(spec);
        script = parsed.matchedPositionalValue(0, null);
        output = parsed.matchedOptionValue("--output", null);
        encoder = parsed.matchedOptionValue("--encoder", null);
        threads = parsed.matchedOptionValue("--threads", null);
        frames = parsed.matchedOptionValue("--frames", null);
    }

    @Override
    public Integer call() throws IOException {
        readCommandLine();
        if (threads != null && threads < 1) {
            throw CommandFailure.badInput("--threads " + threads + ": expected at least 1 render thread");
        }
        int[] fromTo = frames == null ? null : parseFrames(frames);
        CommandEnvironment env = main.environment();
        Registry registry = env.registry().apply(plugins);
        checkEncodersMeanwhile(registry);
        MovieScript movieScript = read(script);
        EncoderSettings settings = movieScript.encoder();
        EncoderProvider provider = chooseEncoder(registry, movieScript);
        Path target = output != null ? output : defaultOutput(script, provider.defaultExtension(settings.codec()));
        checkSettings(provider, movieScript, target);

        RenderRun run = new RenderRun();
        CancelSignal.Registration registration = env.cancelSignal().register(run);
        try {
            return render(env, registry, movieScript, provider, target, fromTo, run);
        } finally {
            // The temporary file and the sources are closed by now: a waiting Ctrl-C may let the JVM go.
            run.cleanedUp();
            registration.close();
        }
    }

    /**
     * Asks every encoder whether it is available, on a thread of its own, while this thread reads
     * the script: the answer loads an encoder's natives (FFmpeg's take a fifth of a second), which
     * the choice of encoder needs next. Providers answer once and keep the answer.
     */
    private static void checkEncodersMeanwhile(Registry registry) {
        Thread check = new Thread(() -> registry.encoders().forEach(e -> Registry.availability(e.provider())),
                "reel-encoder-check");
        check.setDaemon(true);
        check.start();
    }

    private int render(CommandEnvironment env, Registry registry, MovieScript movieScript,
            EncoderProvider provider, Path target, int[] fromTo, RenderRun run) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LoadedMovie loaded = load(new MovieLoader(registry, env.decorator()), movieScript)) {
            Movie movie = loaded.movie();
            FrameRange range = fromTo == null ? movie.allFrames() : frameRange(fromTo, movie);
            if (run.isCancelled()) {
                return cancelled(err, target);
            }
            ProgressDisplay display = env.terminal()
                    ? ProgressDisplay.bar(err) : ProgressDisplay.lines(err, PLAIN_PROGRESS_EVERY);
            OrderedRenderer renderer = OrderedRenderer.builder()
                    .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                    .progressListener(display)
                    .progressInterval(display.reportInterval())
                    .build();
            try (PendingFile file = pendingFile(target)) {
                Encoder movieEncoder = openEncoder(provider, file.temporary(), movieScript, target);
                RenderResult result;
                try {
                    RenderJob job = renderer.start(movie, range, movieEncoder);
                    run.started(job);
                    result = awaitEnd(job);
                } catch (RenderCancelledException e) {
                    display.finish();
                    return cancelled(err, target);
                } catch (RenderException e) {
                    display.finish();
                    throw CommandFailure.failed(movieScript.name() + ": " + e.getMessage(), e);
                } finally {
                    display.finish();
                }
                try {
                    file.commit();
                } catch (IOException e) {
                    throw CommandFailure.failed("cannot move the finished movie to " + target + ": " + e.getMessage(), e);
                }
                out.printf(Locale.ROOT, "wrote %s: frames %s of %s, %s, in %.1f s (%.1f frames/s)%n", target, range,
                        movieScript.name(), movie.format(), result.elapsed().toMillis() / 1000.0,
                        result.framesPerSecond());
                out.flush();
                return 0;
            }
        }
    }

    /** Reads a script; a bad one exits with 2. */
    static MovieScript read(Path script) {
        try {
            return new ScriptReader().read(script);
        } catch (ScriptException e) {
            throw CommandFailure.badInput(e.getMessage(), e);
        }
    }

    /** Builds a script's movie; a bad sequence exits with 2. */
    static LoadedMovie load(MovieLoader loader, MovieScript movieScript) {
        try {
            return loader.load(movieScript);
        } catch (ScriptException e) {
            throw CommandFailure.badInput(e.getMessage(), e);
        }
    }

    private EncoderProvider chooseEncoder(Registry registry, MovieScript movieScript) {
        String name = encoder != null ? encoder : movieScript.encoderName().orElse(Registry.AUTO);
        try {
            return registry.chooseEncoder(name);
        } catch (ProviderLookupException e) {
            String where = encoder != null ? "--encoder " + encoder
                    : movieScript.name() + (movieScript.encoderName().isPresent() ? ": encoder.name" : "");
            throw CommandFailure.badInput(where + ": " + e.getMessage(), e);
        }
    }

    private static void checkSettings(EncoderProvider provider, MovieScript movieScript, Path target) {
        try {
            provider.check(movieScript.encoder(), movieScript.format(), target);
        } catch (UnsupportedSettingException e) {
            throw CommandFailure.badInput(settingProblem(movieScript, target, e), e);
        }
    }

    private static Encoder openEncoder(EncoderProvider provider, Path temporary, MovieScript movieScript, Path target) {
        try {
            return provider.open(temporary, movieScript.encoder(), movieScript.format());
        } catch (UnsupportedSettingException e) {
            throw CommandFailure.badInput(settingProblem(movieScript, target, e), e);
        } catch (IOException e) {
            throw CommandFailure.failed("cannot write " + target + ": " + provider.name() + " encoder: " + e.getMessage(), e);
        }
    }

    /** {@code movie.yaml: encoder.crf: ...}, or {@code out.avi: ...} when the file name is the problem. */
    static String settingProblem(MovieScript movieScript, Path target, UnsupportedSettingException e) {
        String key = e.key();
        if ("output".equals(key)) {
            return target + ": " + e.getMessage();
        }
        return movieScript.name() + ": encoder" + (key == null || key.isEmpty() ? "" : "." + key) + ": " + e.getMessage();
    }

    private static PendingFile pendingFile(Path target) {
        try {
            return PendingFile.beside(target);
        } catch (IOException e) {
            throw CommandFailure.failed("cannot write " + e.getMessage(), e);
        }
    }

    /** {@code movies/zoom.yaml} to {@code movies/zoom.mp4}. */
    static Path defaultOutput(Path script, String extension) {
        String name = script.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return script.resolveSibling(stem + "." + extension);
    }

    /** {@code FROM:TO} as two numbers, or exit 2. */
    static int[] parseFrames(String text) {
        Matcher m = FRAMES.matcher(text.strip());
        long from;
        long to;
        if (!m.matches() || (from = Long.parseLong(m.group(1))) > Integer.MAX_VALUE
                || (to = Long.parseLong(m.group(2))) > Integer.MAX_VALUE) {
            throw CommandFailure.badInput("--frames " + text
                    + ": expected FROM:TO, two frame indices such as 0:120 (FROM included, TO excluded)");
        }
        if (to <= from) {
            throw CommandFailure.badInput("--frames " + text + ": expected FROM < TO (FROM included, TO excluded)");
        }
        return new int[] {(int) from, (int) to};
    }

    private static FrameRange frameRange(int[] fromTo, Movie movie) {
        int n = movie.frameCount();
        if (fromTo[1] > n) {
            throw CommandFailure.badInput("--frames " + fromTo[0] + ":" + fromTo[1] + ": the movie has " + n
                    + " frames (0 to " + (n - 1) + "); expected TO <= " + n);
        }
        return new FrameRange(fromTo[0], fromTo[1]);
    }

    private static RenderResult awaitEnd(RenderJob job) {
        try {
            return job.await();
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            return job.awaitUninterruptibly();
        }
    }

    private static int cancelled(PrintWriter err, Path target) {
        err.println("render cancelled; nothing was written to " + target);
        err.flush();
        return CommandFailure.CANCELLED;
    }

    /** The render as Ctrl-C sees it: cancel it whenever it comes, and wait for its clean-up. */
    static final class RenderRun implements CancelSignal.Cancellable {
        private final CountDownLatch cleanedUp = new CountDownLatch(1);
        private volatile boolean cancelled;
        private volatile RenderJob job;

        @Override
        public void cancel() {
            cancelled = true;
            RenderJob j = job;
            if (j != null) {
                j.cancel();
            }
        }

        @Override
        public void awaitCleanup(Duration timeout) throws InterruptedException {
            cleanedUp.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        boolean isCancelled() {
            return cancelled;
        }

        /** Whether the render job exists, so that a cancel reaches it at once. */
        boolean hasJob() {
            return job != null;
        }

        /** A cancel that came before the job existed cancels it now. */
        void started(RenderJob j) {
            job = j;
            if (cancelled) {
                j.cancel();
            }
        }

        void cleanedUp() {
            cleanedUp.countDown();
        }
    }
}
