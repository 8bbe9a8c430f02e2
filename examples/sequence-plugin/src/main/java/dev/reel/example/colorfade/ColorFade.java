package dev.reel.example.colorfade;

import dev.reel.api.Picture;
import dev.reel.api.Sequence;

/**
 * A full-frame colour fading linearly from {@code from} to {@code to} ({@code 0xRRGGBB}) between
 * {@code start} and {@code end}. Immutable, so safe on reel's render threads.
 */
record ColorFade(double start, double end, int from, int to) implements Sequence {

    @Override
    public double startTime() {
        return start;
    }

    @Override
    public double endTime() {
        return end;
    }

    @Override
    public String description() {
        return String.format("color-fade #%06x to #%06x", from, to);
    }

    @Override
    public void render(double time, Picture target) {
        double f = (time - start) / (end - start);
        target.fill(mix(from >> 16, to >> 16, f) << 16 | mix(from >> 8 & 0xff, to >> 8 & 0xff, f) << 8
                | mix(from & 0xff, to & 0xff, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
