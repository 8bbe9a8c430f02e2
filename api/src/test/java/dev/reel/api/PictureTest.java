package dev.reel.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PictureTest {

    @Test
    void pixelsArePackedRgbRowsTopToBottom() {
        Picture p = new Picture(3, 2);
        assertEquals(18, p.rgb().length);
        p.set(2, 1, 0x123456);
        assertEquals(15, p.offset(2, 1));
        assertEquals(0x12, p.rgb()[15]);
        assertEquals(0x34, p.rgb()[16]);
        assertEquals(0x56, p.rgb()[17]);
        assertEquals(0x123456, p.get(2, 1));
        assertEquals(0, p.get(0, 0));
    }

    @Test
    void fillWritesEveryPixel() {
        for (int w : new int[] {1, 2, 5, 17}) {
            Picture p = new Picture(w, 3);
            p.fill(0xff8001);
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < w; x++) {
                    assertEquals(0xff8001, p.get(x, y));
                }
            }
            p.fill(0x7f7f7f);
            assertEquals(0x7f7f7f, p.get(w - 1, 2));
        }
    }

    @Test
    void copyAndCompare() {
        Picture a = new Picture(4, 4);
        a.set(1, 2, 0xabcdef);
        Picture b = new Picture(4, 4);
        assertFalse(b.samePixels(a));
        b.copyFrom(a);
        assertTrue(b.samePixels(a));
        assertArrayEquals(a.rgb(), b.rgb());
        assertThrows(IllegalArgumentException.class, () -> new Picture(4, 5).copyFrom(a));
    }

    @Test
    void badSizesAndPixelsAreRejected() {
        assertEquals("picture size must be positive, got 0x5",
                assertThrows(IllegalArgumentException.class, () -> new Picture(0, 5)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Picture(40000, 40000))
                .getMessage().startsWith("picture 40000x40000 is too large"));
        assertEquals("pixel (3, 0) is outside a 3x2 picture",
                assertThrows(IndexOutOfBoundsException.class, () -> new Picture(3, 2).get(3, 0)).getMessage());
    }
}
