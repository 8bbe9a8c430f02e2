package dev.reel.api;

/**
 * Receives progress snapshots during a render. Called on the encoding thread, at most once per
 * {@linkplain OrderedRenderer.Builder#progressInterval interval} and once more when the last frame
 * is encoded: keep it quick, since the encoder waits meanwhile. An exception thrown here fails the
 * render like any other.
 */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(Progress progress);
}
