package dev.reel.testkit;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.logCallback;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * What FFmpeg logs at warning level or worse on one thread while a movie is read: the reader opens a
 * capture, works, takes its {@link #lines()} and closes it.
 *
 * <p>FFmpeg has one log callback per process, so captures are process-wide state: one capture at a
 * time (a second thread waits in {@link #open()}), and the callback that was installed before (the
 * ffmpeg encoder's own, in its tests) is put back on {@link #close()}. Meanwhile lines that other
 * threads log go on to that callback, or to {@code System.err} (FFmpeg's default) when there was none.
 */
final class LogCapture implements AutoCloseable {
    // The callback object must stay reachable while FFmpeg holds its address: once installed it stays.
    private static final Sink SINK = new Sink();
    private static final long SINK_FUNCTION = function(SINK);
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();
    // "[h264 @ 0x55d0c0a8] msg" -> "[h264] msg": addresses differ from run to run.
    private static final Pattern ADDRESS = Pattern.compile(" @ 0x[0-9a-fA-F]+");

    private final Thread owner = Thread.currentThread();
    // Touched by the owner thread only: FFmpeg calls the callback on the thread that logs.
    private final StringBuilder text = new StringBuilder();
    private final LogCallback previous;
    private final int previousLevel;
    private boolean closed;

    private LogCapture(LogCallback previous, int previousLevel) {
        this.previous = previous;
        this.previousLevel = previousLevel;
    }

    /** Starts capturing what this thread logs; waits while another thread holds a capture. */
    static LogCapture open() {
        ONE_AT_A_TIME.lock();
        try {
            LogCallback installed = logCallback();
            long function = function(installed);
            boolean ours = function == SINK_FUNCTION;
            // Ours may be installed already (left there when there was none before): keep its delegate.
            LogCallback previous = ours || function == 0 ? null : installed;
            LogCapture capture = new LogCapture(previous, av_log_get_level());
            if (!ours) {
                SINK.delegate = previous;
            }
            SINK.active = capture;
            if (capture.previousLevel < AV_LOG_WARNING) {
                av_log_set_level(AV_LOG_WARNING);
            }
            if (!ours) {
                setLogCallback(SINK);
            }
            return capture;
        } catch (RuntimeException | Error e) {
            ONE_AT_A_TIME.unlock();
            throw e;
        }
    }

    /**
     * The C function a JavaCPP function pointer calls; 0 for none. JavaCPP hands the presets' callback
     * variable back in a fresh wrapper each time, whose first member is that function: two wrappers
     * of the same callback differ, their functions do not.
     */
    private static long function(LogCallback callback) {
        if (callback == null || callback.isNull()) {
            return 0;
        }
        Pointer function = new PointerPointer<>(callback).get(0);
        return function == null ? 0 : function.address();
    }

    /** The lines captured so far, without FFmpeg's object addresses, e.g. {@code [h264] error while decoding MB 3 2}. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            String clean = ADDRESS.matcher(line).replaceAll("").strip();
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        return List.copyOf(lines);
    }

    /** Stops capturing and puts back the callback and level that were there before. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            SINK.active = null;
            av_log_set_level(previousLevel);
            if (previous != null) {
                setLogCallback(previous);
                SINK.delegate = null;
            }
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    private static final class Sink extends LogCallback {
        volatile LogCapture active;
        volatile LogCallback delegate;

        @Override
        public void call(int level, BytePointer message) {
            if (message == null || message.isNull()) {
                return;
            }
            LogCapture capture = active;
            if (capture != null && capture.owner == Thread.currentThread()) {
                // The presets hand over formatted pieces; a line may come in several.
                if ((level & 0xff) <= AV_LOG_WARNING) {
                    capture.text.append(message.getString(StandardCharsets.UTF_8));
                }
                return;
            }
            LogCallback next = delegate;
            if (next != null) {
                next.call(level, message);
            } else {
                System.err.print(message.getString(StandardCharsets.UTF_8));
            }
        }
    }
}
