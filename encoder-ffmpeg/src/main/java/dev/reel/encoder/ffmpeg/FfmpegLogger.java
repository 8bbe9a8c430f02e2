package dev.reel.encoder.ffmpeg;

/**
 * The {@code dev.reel.encoder.ffmpeg} logger, made on first use: creating a {@link System.Logger}
 * starts the platform's logging backend ({@code java.util.logging}, 5 to 10 ms at start-up), which
 * most renders never log to.
 */
final class FfmpegLogger {
    private FfmpegLogger() {
    }

    static System.Logger get() {
        return Holder.LOGGER;
    }

    private static final class Holder {
        static final System.Logger LOGGER = System.getLogger("dev.reel.encoder.ffmpeg");
    }
}
