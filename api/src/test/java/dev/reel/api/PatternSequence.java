package dev.reel.api;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleConsumer;

/**
 * A test sequence whose every pixel is a known function of the frame time and position, with an
 * optional per-frame delay (a pseudo-random function of the time, so it is the same on every run
 * and for every thread count) and an optional hook called before drawing.
 */
class PatternSequence implements Sequence {
    private final double start;
    private final double end;
    private final String name;
    private final long maxDelayNanos;
    private final DoubleConsumer beforeDraw;
    final AtomicInteger framesDrawn = new AtomicInteger();

    PatternSequence(double start, double end, String name) {
        this(start, end, name, 0, t -> { });
    }

    PatternSequence(double start, double end, String name, long maxDelayNanos, DoubleConsumer beforeDraw) {
        this.start = start;
        this.end = end;
        this.name = name;
        this.maxDelayNanos = maxDelayNanos;
        this.beforeDraw = beforeDraw;
    }

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
        return name;
    }

    @Override
    public void render(double time, Picture target) {
        beforeDraw.accept(time);
        long seed = mix(Double.doubleToLongBits(time) ^ name.hashCode());
        if (maxDelayNanos > 0) {
            LockSupport.parkNanos(Math.floorMod(seed, maxDelayNanos));
        }
        draw(time, target, seed);
        framesDrawn.incrementAndGet();
    }

    /** The picture this sequence draws at {@code time}, computed on a fresh picture. */
    Picture expected(double time, int width, int height) {
        Picture p = new Picture(width, height);
        draw(time, p, mix(Double.doubleToLongBits(time) ^ name.hashCode()));
        return p;
    }

    private static void draw(double time, Picture target, long seed) {
        byte[] rgb = target.rgb();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) mix(seed + i);
        }
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
