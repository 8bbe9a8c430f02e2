package dev.reel.encoder.jcodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Yuv420PlanesTest {

    @ParameterizedTest(name = "{0}x{1} -> chroma {2}x{3}")
    @CsvSource({
        "1, 1, 1, 1",
        "2, 2, 1, 1",
        "3, 5, 2, 3",
        "641, 479, 321, 240",
        "1920, 1080, 960, 540",
    })
    void chromaIsHalfTheSizeRoundedUp(int width, int height, int chromaWidth, int chromaHeight) {
        Yuv420Planes planes = new Yuv420Planes(width, height);
        assertEquals(width, planes.width());
        assertEquals(height, planes.height());
        assertEquals(chromaWidth, planes.chromaWidth());
        assertEquals(chromaHeight, planes.chromaHeight());
        assertEquals(width, planes.lumaStride());
        assertEquals(chromaWidth, planes.chromaStride());
        assertEquals(width * height, planes.y().length);
        assertEquals(chromaWidth * chromaHeight, planes.u().length);
        assertEquals(chromaWidth * chromaHeight, planes.v().length);
        assertEquals(Yuv420Planes.SampleCoding.UNSIGNED, planes.coding());
    }

    @Test
    void fitsOnlyPicturesOfItsSize() {
        Yuv420Planes planes = new Yuv420Planes(5, 3);
        assertTrue(planes.fits(new Picture(5, 3)));
        assertFalse(planes.fits(new Picture(6, 3)));
        assertFalse(planes.fits(new Picture(3, 5)));
    }

    @Test
    void rejectsImpossibleSizes() {
        assertEquals("YUV plane size must be positive, got 0x10",
                assertThrows(IllegalArgumentException.class, () -> new Yuv420Planes(0, 10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Yuv420Planes(10, -1));
        assertEquals("YUV planes for 65536x65536 are too large for one Java array (4294967296 luma samples)",
                assertThrows(IllegalArgumentException.class, () -> new Yuv420Planes(65536, 65536)).getMessage());
        assertThrows(NullPointerException.class, () -> new Yuv420Planes(2, 2, null));
    }

    @Test
    void samplesAreReadBackAsValues() {
        Yuv420Planes unsigned = new Yuv420Planes(3, 3);
        unsigned.y()[4] = (byte) 235;
        unsigned.u()[3] = (byte) 240;
        unsigned.v()[2] = 16;
        assertEquals(235, unsigned.lumaAt(1, 1));
        assertEquals(240, unsigned.cbAt(1, 1));
        assertEquals(16, unsigned.crAt(0, 1));

        Yuv420Planes shifted = new Yuv420Planes(3, 3, Yuv420Planes.SampleCoding.MINUS_128);
        shifted.y()[4] = (byte) (235 - 128);
        shifted.u()[0] = (byte) (16 - 128);
        assertEquals(235, shifted.lumaAt(1, 1));
        assertEquals(16, shifted.cbAt(0, 0));
        assertEquals(128, shifted.crAt(0, 0)); // a fresh array of zeros is neutral chroma
    }

    @Test
    void samplesOutsideAPlaneAreRejected() {
        Yuv420Planes planes = new Yuv420Planes(3, 3);
        assertEquals("sample (2, 0) is outside the 2x2 chroma plane",
                assertThrows(IndexOutOfBoundsException.class, () -> planes.cbAt(2, 0)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> planes.lumaAt(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> planes.crAt(-1, 0));
    }
}
