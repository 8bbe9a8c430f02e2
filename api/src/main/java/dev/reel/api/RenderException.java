package dev.reel.api;

import java.util.Objects;

/**
 * A render failed. The message is one line naming the global frame index, the sequence, its time
 * and the cause, e.g. {@code frame 1234 (sequence 2, camera-zoom, t = 20.5667 s): h = 47.2 is
 * above the zoom's deepest h 46.9}.
 */
public class RenderException extends ReelException {
    private static final long serialVersionUID = 1L;

    /** Which step failed. */
    public enum Stage {
        /** A sequence rejected the movie in {@link Sequence#prepare}, before any frame. */
        PREPARE_SEQUENCE,
        /** A sequence failed to draw a frame. */
        RENDER,
        /** The encoder's per-frame preparation failed on a render thread. */
        PREPARE_FRAME,
        /** The encoder failed to encode a frame. */
        ENCODE,
        /** The encoder failed to finish the file after the last frame. */
        FINISH,
        /** The progress listener threw. */
        PROGRESS
    }

    private final transient FrameRef frame;
    private final Stage stage;
    /** Built on first use: the renderer creates this exception on its hot path to stop at once. */
    private String message;

    public RenderException(Stage stage, FrameRef frame, Throwable cause) {
        super(null, cause);
        this.stage = Objects.requireNonNull(stage);
        this.frame = frame;
    }

    /** For a sequence that rejects the movie before rendering. */
    public RenderException(int sequenceIndex, Sequence sequence, Throwable cause) {
        super(null, cause);
        this.stage = Stage.PREPARE_SEQUENCE;
        this.frame = null;
        this.message = "sequence " + (sequenceIndex + 1) + " (" + sequence.description() + "): " + causeText(cause);
    }

    @Override
    public synchronized String getMessage() {
        if (message == null) {
            message = describe(stage, frame, getCause());
        }
        return message;
    }

    /** The frame that failed, or {@code null} when the failure belongs to no single frame. */
    public FrameRef frame() {
        return frame;
    }

    /** The global index of the frame that failed, or -1. */
    public int frameIndex() {
        return frame == null ? -1 : frame.index();
    }

    public Stage stage() {
        return stage;
    }

    private static String describe(Stage stage, FrameRef frame, Throwable cause) {
        String where = frame == null ? "" : frame.toString();
        String what = switch (stage) {
            case RENDER -> where;
            case PREPARE_FRAME -> "encoder, preparing " + where;
            case ENCODE -> "encoder, at " + where;
            case FINISH -> "encoder, finishing the movie" + (frame == null ? "" : " after " + where);
            case PROGRESS -> "progress listener, at " + where;
            case PREPARE_SEQUENCE -> "sequence of " + where;
        };
        return what + ": " + causeText(cause);
    }

    static String causeText(Throwable cause) {
        if (cause == null) {
            return "failed";
        }
        String m = cause.getMessage();
        return m == null || m.isBlank() ? cause.getClass().getSimpleName() : m;
    }
}
