package dev.reel.encoder.jcodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChromaQpTest {

    /** Entries of ITU-T H.264 Table 8-15 (qPI to QPc). */
    @ParameterizedTest
    @CsvSource({"0, 0", "29, 29", "30, 29", "31, 30", "34, 32", "36, 34", "39, 35", "42, 37", "45, 38",
        "48, 39", "51, 39"})
    void decoderChromaQpFollowsTheStandard(int qpi, int qpc) {
        assertEquals(qpc, ChromaQp.decoderChromaQp(qpi, 0));
    }

    @Test
    void everyQpUpTo39GetsAnOffsetThatDecodesChromaAtThatQp() {
        for (int qp = 0; qp <= ChromaQp.MAX_EXACT_QP; qp++) {
            int offset = ChromaQp.offsetFor(qp).orElseThrow();
            assertEquals(qp, ChromaQp.decoderChromaQp(qp, offset), "QP " + qp);
            assertEquals(qp < 30 ? 0 : offset, offset, "no offset below 30");
            assertTrue(offset <= 12);
        }
    }

    @Test
    void noOffsetReachesQpsAbove39() {
        for (int qp = ChromaQp.MAX_EXACT_QP + 1; qp <= 51; qp++) {
            assertTrue(ChromaQp.offsetFor(qp).isEmpty(), "QP " + qp);
        }
    }
}
