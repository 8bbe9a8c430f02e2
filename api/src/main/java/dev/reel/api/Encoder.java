package dev.reel.api;

import java.io.IOException;

/**
 * Writes a movie's frames, received strictly in order, to a file. Opened by an
 * {@link dev.reel.api.spi.EncoderProvider}; driven by the {@link OrderedRenderer}.
 *
 * <p><b>Lifecycle and threads.</b>
 * <ul>
 *   <li>{@link #prepare} is called on the render threads, concurrently for different pictures,
 *       right after a frame is drawn. Per-frame work that needs no order (colour conversion to YUV,
 *       for one) belongs here, so that the single encoding thread does only what must be serial.</li>
 *   <li>{@link #encode} is called on one encoding thread, once per frame, in increasing frame
 *       order. When it returns, the picture goes back to the pool and will be overwritten: an
 *       encoder that keeps data longer must copy it.</li>
 *   <li>Exactly one of {@link #close} (every frame was encoded: finish the file) or {@link #abort}
 *       (rendering failed or was cancelled) is called last, after every other call has returned.</li>
 * </ul>
 */
public interface Encoder extends AutoCloseable {

    /**
     * Prepares a freshly drawn picture for {@link #encode}, on a render thread. Thread-safe: called
     * concurrently for different pictures. An encoder may keep per-picture buffers in the picture's
     * {@linkplain Picture#attachment() attachment}, which survives while the pooled picture is reused.
     * The default does nothing.
     *
     * @param picture the frame's pixels, owned by the calling thread for the duration of the call
     * @param frameIndex the global frame index
     */
    default void prepare(Picture picture, int frameIndex) throws IOException {
    }

    /**
     * Encodes the next frame. Called on the encoding thread, in order of {@code frameIndex}, after
     * {@link #prepare} for the same picture has returned.
     */
    void encode(Picture picture, int frameIndex) throws IOException;

    /** Finishes the file after the last frame: flushes delayed frames, writes the index. */
    @Override
    void close() throws IOException;

    /**
     * Gives up after a failure or cancellation: releases files, threads and native memory without
     * finishing the output, which the caller then deletes. Must not throw for an encoder that is
     * already broken. The default does nothing.
     */
    default void abort() {
    }
}
