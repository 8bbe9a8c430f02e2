package dev.reel.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** Runs the real {@code reel} command line in-process against the test providers. */
final class ReelHarness {
    final TestProviders providers = new TestProviders();
    final ManualCancel cancel = new ManualCancel();
    private volatile StringWriter out = new StringWriter();
    private volatile StringWriter err = new StringWriter();

    /** Runs {@code reel ARGS...} and returns the exit status; output in {@link #out()}, {@link #err()}. */
    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        out = o;
        err = e;
        CommandEnvironment env = new CommandEnvironment(plugins -> providers.registry(), SequenceDecorator.NONE, cancel, false);
        return Main.run(env, new PrintWriter(o, true), new PrintWriter(e, true), args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** The file names in a folder, sorted. */
    static String list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    /** A "Ctrl-C" that the test presses. */
    static final class ManualCancel implements CancelSignal {
        final AtomicReference<Cancellable> target = new AtomicReference<>();

        @Override
        public Registration register(Cancellable t) {
            target.set(t);
            return () -> target.compareAndSet(t, null);
        }
    }
}
