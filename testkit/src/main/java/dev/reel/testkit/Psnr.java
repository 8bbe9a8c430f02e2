package dev.reel.testkit;

import java.util.List;

/** Peak signal-to-noise ratio between frames of 8-bit samples, as encoder tests measure quality. Stateless. */
public final class Psnr {
    private Psnr() {
    }

    /**
     * The PSNR in dB of {@code actual} against {@code expected}, over every sample of every frame
     * (one mean squared error for the whole list, peak 255): infinite when they are identical.
     *
     * @param expected frames as drawn, e.g. packed RGB
     * @param actual frames as decoded, e.g. {@link MovieReader.Movie#rgb()}; the same count and sizes
     * @throws IllegalArgumentException when the counts or a frame's size differ, or there are no samples
     */
    public static double of(List<byte[]> expected, List<byte[]> actual) {
        if (expected.size() != actual.size()) {
            throw new IllegalArgumentException(actual.size() + " frames against " + expected.size() + " expected");
        }
        double sum = 0;
        long samples = 0;
        for (int f = 0; f < expected.size(); f++) {
            byte[] a = expected.get(f);
            byte[] b = actual.get(f);
            if (a.length != b.length) {
                throw new IllegalArgumentException("frame " + f + " has " + b.length + " samples, expected " + a.length);
            }
            for (int i = 0; i < a.length; i++) {
                int d = (a[i] & 0xff) - (b[i] & 0xff);
                sum += d * d;
            }
            samples += a.length;
        }
        if (samples == 0) {
            throw new IllegalArgumentException("no samples to compare");
        }
        double mse = sum / samples;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
