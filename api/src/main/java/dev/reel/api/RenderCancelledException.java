package dev.reel.api;

/**
 * A render was cancelled (by {@link RenderJob#cancel()}, an interrupt, or Ctrl-C in the app) and
 * has stopped; its encoder was aborted.
 */
public class RenderCancelledException extends ReelException {
    private static final long serialVersionUID = 1L;

    public RenderCancelledException(String message) {
        super(message);
    }
}
