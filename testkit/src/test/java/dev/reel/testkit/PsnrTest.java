package dev.reel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PsnrTest {
    @Test
    void identicalFramesAreInfinitelyGood() {
        assertEquals(Double.POSITIVE_INFINITY, Psnr.of(List.of(new byte[] {1, 2, (byte) 200}),
                List.of(new byte[] {1, 2, (byte) 200})));
    }

    @Test
    void theErrorIsAveragedOverEverySampleOfEveryFrame() {
        // One sample 255 off among 100 samples: MSE 255^2/100, PSNR 10 log10(100) = 20 dB.
        byte[] black = new byte[50];
        byte[] oneWhite = new byte[50];
        oneWhite[7] = (byte) 255;
        assertEquals(20, Psnr.of(List.of(black, black), List.of(black, oneWhite)), 1e-12);
        // 3 levels off everywhere: 10 log10(255^2 / 9).
        byte[] grey = new byte[10];
        java.util.Arrays.fill(grey, (byte) 131);
        byte[] lighter = new byte[10];
        java.util.Arrays.fill(lighter, (byte) 134);
        assertEquals(10 * Math.log10(255.0 * 255.0 / 9), Psnr.of(List.of(grey), List.of(lighter)), 1e-12);
    }

    @Test
    void framesMustMatchInCountAndSize() {
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> Psnr.of(List.of(new byte[3]), List.of(new byte[3], new byte[3])));
        assertEquals("2 frames against 1 expected", count.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Psnr.of(List.of(new byte[3], new byte[3]), List.of(new byte[3], new byte[4])));
        assertEquals("frame 1 has 4 samples, expected 3", size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Psnr.of(List.of(), List.of()));
    }
}
