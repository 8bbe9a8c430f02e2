package dev.reel.bench;

/**
 * CPU work in fixed units, calibrated once, so that a synthetic cost is work to do rather than
 * time to wait: under contention for cores it takes longer, as real rendering and encoding do.
 */
final class Work {
    private static volatile long sink;
    private final double unitsPerMicro;

    private Work(double unitsPerMicro) {
        this.unitsPerMicro = unitsPerMicro;
    }

    /** Measures how many units one core does per microsecond, after warming up. */
    static Work calibrate() {
        spin(50_000_000);
        long best = Long.MAX_VALUE;
        long units = 100_000_000;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            spin(units);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return new Work(units / (best / 1000.0));
    }

    /** Does about {@code micros} microseconds of single-core work. */
    void doMicros(double micros) {
        spin((long) (micros * unitsPerMicro));
    }

    double unitsPerMicro() {
        return unitsPerMicro;
    }

    private static void spin(long units) {
        long x = 0x9E3779B97F4A7C15L ^ units;
        for (long i = 0; i < units; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        sink = x;
    }
}
