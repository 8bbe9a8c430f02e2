package dev.reel.db;

/** The samplers' byte-to-double table: looking a byte up is cheaper than converting it (measured). */
final class ByteValues {
    /** {@code AS_DOUBLE[b] == b} for b = 0 to 255; never written after class initialisation. */
    static final double[] AS_DOUBLE = new double[256];

    static {
        for (int i = 0; i < AS_DOUBLE.length; i++) {
            AS_DOUBLE[i] = i;
        }
    }

    private ByteValues() {
    }
}
