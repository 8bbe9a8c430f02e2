package dev.reel.encoder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;

/**
 * Where FFmpeg's log goes: never to the process's stderr. Warnings and errors are passed to the
 * {@link System.Logger} {@code dev.reel.encoder.ffmpeg} (errors at DEBUG, warnings at TRACE: they
 * reach users through exceptions, not through the console), and the errors a thread logs while it
 * holds a {@link Capture} are kept for the message of the exception that follows.
 *
 * <p>FFmpeg has one log callback per process, so this class has process-wide state: the callback
 * object (kept reachable here because FFmpeg only holds its address) and the per-thread captures.
 */
final class FfmpegLog {
    private static final ThreadLocal<Capture> CAPTURES = new ThreadLocal<>();
    private static final Pattern ADDRESS = Pattern.compile(" @ 0x[0-9a-f]+");
    private static final Callback CALLBACK = new Callback();

    private FfmpegLog() {
    }

    /** Routes FFmpeg's log here; called once, right after the natives load. */
    static void install() {
        // Messages above WARNING are dropped in the callback before any formatting.
        av_log_set_level(AV_LOG_WARNING);
        // The presets' own C callback formats each line, then calls ours with the text.
        setLogCallback(CALLBACK);
    }

    /**
     * Starts keeping the errors and warnings this thread logs, until the capture is closed.
     * Captures nest: an inner one sees only its own lines.
     */
    static Capture capture() {
        Capture capture = new Capture(CAPTURES.get());
        CAPTURES.set(capture);
        return capture;
    }

    /**
     * The errors and warnings one thread logged over a stretch of code. When it closes, what it
     * kept goes on to the enclosing capture, or to the logger, so that nothing is lost.
     */
    static final class Capture implements AutoCloseable {
        private final Capture outer;
        private final List<Line> lines = new ArrayList<>();

        private Capture(Capture outer) {
            this.outer = outer;
        }

        private void add(Line line) {
            lines.add(line);
        }

        /**
         * What FFmpeg said, as one line ({@code "[libx264] ...; [libx264] ..."}): the errors, or the
         * warnings when there was no error; empty when it said nothing.
         */
        String text() {
            boolean errors = lines.stream().anyMatch(Line::error);
            return lines.stream().filter(l -> l.error() || !errors).map(Line::text)
                    .reduce((a, b) -> a + "; " + b).orElse("");
        }

        @Override
        public void close() {
            if (CAPTURES.get() != this) {
                return;
            }
            if (outer == null) {
                CAPTURES.remove();
                lines.forEach(FfmpegLog::log);
            } else {
                CAPTURES.set(outer);
                lines.forEach(outer::add);
            }
        }
    }

    private record Line(int level, String text) {
        boolean error() {
            return level <= AV_LOG_ERROR;
        }
    }

    private static void log(Line line) {
        FfmpegLogger.get().log(line.error() ? Level.DEBUG : Level.TRACE, line.text());
    }

    private static final class Callback extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            if (level > AV_LOG_WARNING || message == null) {
                return;
            }
            // "[libx264 @ 0x55d0c0a8] msg\n" -> "[libx264] msg": the address means nothing to users.
            String line = ADDRESS.matcher(message.getString()).replaceAll("").strip();
            if (line.isEmpty()) {
                return;
            }
            Line entry = new Line(level, line);
            Capture capture = CAPTURES.get();
            if (capture != null) {
                capture.add(entry);
            } else {
                log(entry);
            }
        }
    }
}
