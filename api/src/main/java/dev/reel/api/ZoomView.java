package dev.reel.api;

/**
 * A view of an exponential zoom at depth {@code h}: 0 means the deepest image fills the frame's
 * width, and each unit of h zooms out by a factor e.
 *
 * @param h zoom depth, finite
 */
public record ZoomView(double h) implements View {
    public ZoomView {
        if (!Double.isFinite(h)) {
            throw new IllegalArgumentException("zoom depth h must be finite, got " + h);
        }
    }
}
