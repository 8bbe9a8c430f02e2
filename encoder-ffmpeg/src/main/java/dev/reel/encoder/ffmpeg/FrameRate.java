package dev.reel.encoder.ffmpeg;

/**
 * A movie's frame rate as the exact fraction FFmpeg stores.
 *
 * <p>Whole rates are {@code n/1}. The NTSC rates that scripts write as decimals (23.976, 29.97,
 * 59.94) become {@code 24000/1001}, {@code 30000/1001} and {@code 60000/1001}, which is what those
 * decimals stand for. Any other rate is the closest fraction with a denominator up to 1,000,000.
 *
 * @param num numerator, positive
 * @param den denominator, positive
 */
record FrameRate(int num, int den) {

    FrameRate {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("frame rate must be positive, got " + num + "/" + den);
        }
    }

    /** The fraction for a frame rate in frames per second. */
    static FrameRate of(double fps) {
        if (!(fps > 0) || fps > 1_000_000) {
            throw new IllegalArgumentException("fps must be positive, got " + fps);
        }
        if (fps == Math.rint(fps)) {
            return new FrameRate((int) fps, 1);
        }
        long ntsc = Math.round(fps * 1.001);
        if (Math.abs(ntsc / 1.001 - fps) < 0.005) {
            return new FrameRate((int) (ntsc * 1000), 1001);
        }
        // Continued fractions: the best approximation with a bounded denominator.
        long p0 = 0, q0 = 1, p1 = 1, q1 = 0;
        double x = fps;
        while (true) {
            long a = (long) Math.floor(x);
            long p2 = a * p1 + p0;
            long q2 = a * q1 + q0;
            if (q2 > 1_000_000 || p2 > Integer.MAX_VALUE) {
                break;
            }
            p0 = p1;
            q0 = q1;
            p1 = p2;
            q1 = q2;
            double fraction = x - a;
            if (fraction < 1e-12 || Math.abs((double) p1 / q1 - fps) < 1e-12) {
                break;
            }
            x = 1 / fraction;
        }
        return new FrameRate((int) p1, (int) q1);
    }

    /** Frames per second as a double. */
    double fps() {
        return (double) num / den;
    }

    @Override
    public String toString() {
        return den == 1 ? Integer.toString(num) : num + "/" + den;
    }
}
