package dev.reel.api;

/**
 * A rectangular window onto a flat database, in the database's own screen coordinates: x runs from
 * -0.5 to 0.5 across the database's width, y points up, and the origin is the database's centre.
 * The window's height is {@code dx} divided by the movie's aspect ratio.
 *
 * @param x centre of the view
 * @param y centre of the view
 * @param dx width of the view; 1.0 is the full database width
 */
public record PanView(double x, double y, double dx) implements View {
    public PanView {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("pan view centre must be finite, got (" + x + ", " + y + ")");
        }
        if (!(dx > 0) || Double.isInfinite(dx)) {
            throw new IllegalArgumentException("pan view width dx must be positive and finite, got " + dx);
        }
    }
}
