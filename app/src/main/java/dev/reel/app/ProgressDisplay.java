package dev.reel.app;

import dev.reel.api.Progress;
import dev.reel.api.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Shows a render's progress on stderr. On a terminal: one line redrawn in place with {@code \r},
 * a bar with the frames encoded, frames per second, ETA and the bottleneck (rendering or
 * encoding). Otherwise (a log file, a pipe, CI): a plain line every {@code every}, and one for the
 * last frame.
 *
 * <p>Called on the renderer's encoding thread; {@link #finish()} on the thread that waited for the
 * render, after it ended. Not for concurrent use otherwise.
 */
final class ProgressDisplay implements ProgressListener {
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final Duration every;
    private Duration lastPrinted;
    private int drawnLength;

    private ProgressDisplay(PrintWriter err, boolean terminal, Duration every) {
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.every = every;
    }

    /** A bar redrawn in place, for a terminal. */
    static ProgressDisplay bar(PrintWriter err) {
        return new ProgressDisplay(err, true, Duration.ZERO);
    }

    /** Plain lines at most one per {@code every} (by the render's own clock), plus the last one. */
    static ProgressDisplay lines(PrintWriter err, Duration every) {
        return new ProgressDisplay(err, false, every);
    }

    /** How often the renderer should report, for this kind of display. */
    Duration reportInterval() {
        return terminal ? Duration.ofMillis(200) : Duration.ofMillis(500);
    }

    @Override
    public synchronized void onProgress(Progress p) {
        if (terminal) {
            String line = barLine(p);
            // Blanks wipe the tail of a longer line drawn before.
            String padding = " ".repeat(Math.max(0, drawnLength - line.length()));
            err.print("\r" + line + padding);
            err.flush();
            drawnLength = line.length();
            return;
        }
        boolean due = lastPrinted == null || p.elapsed().compareTo(lastPrinted.plus(every)) >= 0;
        if (due || p.complete()) {
            err.println("rendered " + p);
            err.flush();
            lastPrinted = p.elapsed();
        }
    }

    /** Ends the bar's line, so that what follows starts on a line of its own. */
    synchronized void finish() {
        if (terminal && drawnLength > 0) {
            err.println();
            err.flush();
            drawnLength = 0;
        }
    }

    /**
     * The bar line, e.g. {@code [######------------------] 120/600 frames  58.3 fps  ETA 0:08
     * bottleneck: encoding}.
     */
    static String barLine(Progress p) {
        int filled = p.totalFrames() == 0 ? 0 : (int) ((long) BAR_WIDTH * p.framesEncoded() / p.totalFrames());
        String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
        String eta = p.complete() ? "done" : "ETA " + p.eta().map(ProgressDisplay::clock).orElse("?");
        String bottleneck = switch (p.bottleneck()) {
            case RENDERING -> "bottleneck: rendering";
            case ENCODING -> "bottleneck: encoding";
            case UNKNOWN -> "";
        };
        return String.format(Locale.ROOT, "[%s] %d/%d frames  %.1f fps  %s  %s",
                bar, p.framesEncoded(), p.totalFrames(), p.framesPerSecond(), eta, bottleneck).stripTrailing();
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
