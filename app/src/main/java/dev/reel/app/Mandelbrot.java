package dev.reel.app;

/**
 * The Mandelbrot set, coloured: a smooth escape-time count through a cosine palette, and a dark
 * grey inside the set (the colour of fractalshades' movie templates' mask). Immutable.
 *
 * @param maxIterations points still bounded after this many iterations count as inside
 * @param bands colour bands per unit of the square root of the smooth count: the square root keeps
 *     the bands a similar width from the whole set down to deep zooms, where counts run to thousands
 */
record Mandelbrot(int maxIterations, double bands) implements DemoDatabases.PointColour {
    private static final int INSIDE = 0x1a1a1a;
    private static final double ESCAPE_RADIUS_SQUARED = 1e6;
    private static final double LOG2 = Math.log(2);

    /** The colour of point c = cr + i·ci, as 0xRRGGBB. */
    @Override
    public int rgb(double cr, double ci) {
        // Points in the main cardioid or the period-2 bulb never escape: skip their iterations.
        double q = (cr - 0.25) * (cr - 0.25) + ci * ci;
        if (q * (q + (cr - 0.25)) <= 0.25 * ci * ci || (cr + 1) * (cr + 1) + ci * ci <= 0.0625) {
            return INSIDE;
        }
        double zr = 0;
        double zi = 0;
        double zr2 = 0;
        double zi2 = 0;
        int n = 0;
        // Periodicity check: an orbit that comes back to a point it visited is caught in a cycle
        // and never escapes. Comparing with a point saved at doubling intervals finds the cycles of
        // the many small copies of the set without running them to maxIterations.
        double savedR = 0;
        double savedI = 0;
        int nextSave = 8;
        while (n < maxIterations && zr2 + zi2 <= ESCAPE_RADIUS_SQUARED) {
            zi = 2 * zr * zi + ci;
            zr = zr2 - zi2 + cr;
            zr2 = zr * zr;
            zi2 = zi * zi;
            n++;
            if (Math.abs(zr - savedR) < 1e-13 && Math.abs(zi - savedI) < 1e-13) {
                return INSIDE;
            }
            if (n == nextSave) {
                savedR = zr;
                savedI = zi;
                nextSave *= 2;
            }
        }
        if (n >= maxIterations) {
            return INSIDE;
        }
        // The smooth count: continuous across the escape boundary, so no visible bands.
        double smooth = n + 1 - Math.log(0.5 * Math.log(zr2 + zi2)) / LOG2;
        double t = Math.sqrt(Math.max(smooth, 0)) * bands;
        return channel(t, 0.0) << 16 | channel(t, 0.1) << 8 | channel(t, 0.2);
    }

    private static int channel(double t, double phase) {
        return (int) (255 * (0.5 + 0.5 * Math.cos(2 * Math.PI * (t + phase))));
    }
}
