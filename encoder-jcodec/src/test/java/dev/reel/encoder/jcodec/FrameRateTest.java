package dev.reel.encoder.jcodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameRateTest {

    @ParameterizedTest
    @CsvSource({
        "30, 30, 1",
        "24, 24, 1",
        "12.5, 25, 2",
        "29.97, 2997, 100",
        "23.976, 2997, 125",
        "0.5, 1, 2",
        "60, 60, 1",
    })
    void decimalRatesAreExactFractions(double fps, int num, int den) {
        FrameRate rate = FrameRate.of(fps);
        assertEquals(num, rate.num());
        assertEquals(den, rate.den());
        assertEquals(fps, rate.fps(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"30000, 1001", "24000, 1001", "60000, 1001"})
    void ntscRatesKeepTheirDenominator(int num, int den) {
        FrameRate rate = FrameRate.of((double) num / den);
        assertEquals(num, rate.num());
        assertEquals(den, rate.den());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Math.PI, 1 / 3.7, 1234.56789})
    void otherRatesAreRoundedToAThousandth(double fps) {
        FrameRate rate = FrameRate.of(fps);
        assertTrue(Math.abs(rate.fps() - fps) <= 0.0005, rate + " for " + fps);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e12})
    void impossibleRatesAreRefused(double fps) {
        assertThrows(IllegalArgumentException.class, () -> FrameRate.of(fps));
    }
}
