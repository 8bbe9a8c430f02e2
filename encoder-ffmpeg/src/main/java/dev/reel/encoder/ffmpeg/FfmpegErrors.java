package dev.reel.encoder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.javacpp.BytePointer;

/** FFmpeg's negative error codes as text for messages. Stateless. */
final class FfmpegErrors {
    /** {@code AVERROR(EAGAIN)}: EAGAIN is 11 on Linux, the only platform the natives are built for. */
    static final int AGAIN = -11;

    private FfmpegErrors() {
    }

    /**
     * What went wrong: the lines FFmpeg logged on this thread while it failed, if any, followed by
     * the error code's text, e.g. {@code [libx264] Error setting preset/tune medium/x. (Invalid argument)}.
     *
     * @param log the capture that was open during the failing call, or {@code null}
     */
    static String describe(int error, FfmpegLog.Capture log) {
        String code = text(error);
        String said = log == null ? "" : log.text();
        return said.isEmpty() ? code : said + " (" + code + ")";
    }

    /** The text of an FFmpeg error code, e.g. {@code Invalid argument}. */
    static String text(int error) {
        try (BytePointer buffer = new BytePointer(256)) {
            if (av_strerror(error, buffer, 256) < 0) {
                return "FFmpeg error " + error;
            }
            // A fresh BytePointer's limit is its size; limit 0 makes getString stop at the NUL.
            return buffer.position(0).limit(0).getString();
        }
    }
}
