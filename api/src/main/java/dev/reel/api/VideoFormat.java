package dev.reel.api;

/**
 * The size and frame rate of a movie: what a sequence draws into and what an encoder writes.
 *
 * @param width pixels, positive
 * @param height pixels, positive
 * @param fps frames per second, positive and finite (29.97 and 60 alike)
 */
public record VideoFormat(int width, int height, double fps) {
    public VideoFormat {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "movie size must be positive, got " + width + "x" + height);
        }
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("fps must be a positive number, got " + fps);
        }
    }

    /** width / height, the aspect ratio of every view drawn for this movie. */
    public double aspectRatio() {
        return (double) width / height;
    }

    @Override
    public String toString() {
        return width + "x" + height + " at " + (fps == Math.rint(fps) ? String.valueOf((long) fps) : String.valueOf(fps)) + " fps";
    }
}
