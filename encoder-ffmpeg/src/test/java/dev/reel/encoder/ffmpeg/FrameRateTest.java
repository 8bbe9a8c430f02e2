package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrameRateTest {
    @Test
    void wholeRatesAreExact() {
        assertEquals(new FrameRate(30, 1), FrameRate.of(30));
        assertEquals(new FrameRate(60, 1), FrameRate.of(60.0));
    }

    @Test
    void ntscDecimalsMeanTheirThousandOneFractions() {
        assertEquals(new FrameRate(30000, 1001), FrameRate.of(29.97));
        assertEquals(new FrameRate(24000, 1001), FrameRate.of(23.976));
        assertEquals(new FrameRate(60000, 1001), FrameRate.of(59.94));
    }

    @Test
    void otherRatesAreTheirClosestFraction() {
        assertEquals(new FrameRate(25, 2), FrameRate.of(12.5));
        assertEquals(new FrameRate(2001, 2), FrameRate.of(1000.5));
        FrameRate third = FrameRate.of(10.0 / 3);
        assertEquals(10.0 / 3, third.fps(), 1e-12);
    }
}
