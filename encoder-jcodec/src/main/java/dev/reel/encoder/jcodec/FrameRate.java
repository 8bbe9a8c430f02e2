package dev.reel.encoder.jcodec;

/**
 * A frame rate as the exact fraction an MP4 time scale needs: {@code num / den} frames per second,
 * in lowest terms. An MP4 track with time scale {@code num} gives every frame the duration
 * {@code den}.
 *
 * @param num frames per {@code den} seconds, positive
 * @param den seconds, positive
 */
record FrameRate(int num, int den) {

    /** Denominators up to this one are tried for an exact fraction: 1001 covers NTSC rates. */
    private static final int MAX_EXACT_DENOMINATOR = 1001;
    /** Rates that are no such fraction are rounded to a multiple of 1/1000 frame per second. */
    private static final int FALLBACK_DENOMINATOR = 1000;

    FrameRate {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("frame rate must be positive, got " + num + "/" + den);
        }
    }

    /**
     * The fraction with the smallest denominator (at most 1001) equal to {@code fps} up to
     * floating-point error: 30 is 30/1, 12.5 is 25/2, 29.97 is 2997/100 and 30000/1001.0 is
     * 30000/1001. Any other rate is rounded to the nearest 1/1000 frame per second.
     *
     * @throws IllegalArgumentException if {@code fps} is not positive and finite, or too large or
     *     too small for a 32-bit time scale
     */
    static FrameRate of(double fps) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("fps must be a positive number, got " + fps);
        }
        for (int den = 1; den <= MAX_EXACT_DENOMINATOR; den++) {
            double exact = fps * den;
            long num = Math.round(exact);
            if (num >= 1 && Math.abs(exact - num) <= 1e-9 * exact) {
                return reduced(num, den, fps);
            }
        }
        return reduced(Math.round(fps * FALLBACK_DENOMINATOR), FALLBACK_DENOMINATOR, fps);
    }

    private static FrameRate reduced(long num, long den, double fps) {
        if (num < 1 || num > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("fps " + fps + " cannot be written to an MP4 time scale;"
                    + " use a rate between 0.001 and " + Integer.MAX_VALUE);
        }
        long a = num;
        long b = den;
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return new FrameRate((int) (num / a), (int) (den / a));
    }

    /** The rate in frames per second. */
    double fps() {
        return (double) num / den;
    }

    @Override
    public String toString() {
        return den == 1 ? String.valueOf(num) : num + "/" + den;
    }
}
