package dev.reel.api;

/**
 * A {@link FrameSource} cannot draw a view: the kind of view is not supported, or the view leaves
 * the data the source holds. The message names the source and the view.
 */
public class InvalidViewException extends ReelException {
    private static final long serialVersionUID = 1L;

    public InvalidViewException(String message) {
        super(message);
    }
}
