package dev.reel.encoder.jcodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class H264LevelTest {

    /** Expected levels worked out by hand from ITU-T H.264 Table A-1 (MaxFS, MaxMBPS). */
    @ParameterizedTest
    @CsvSource({
        "176, 144, 15, 10",     // 99 MBs, 1485 MB/s: exactly level 1
        "176, 144, 30, 11",     // 2970 MB/s
        "200, 120, 24, 11",     // 13 x 8 = 104 MBs, 2496 MB/s
        "320, 240, 30, 13",     // 300 MBs, 9000 MB/s
        "720, 480, 30, 30",     // 1350 MBs, 40500 MB/s
        "1280, 720, 30, 31",    // 3600 MBs, 108000 MB/s
        "1920, 1080, 30, 40",   // 8160 MBs, 244800 MB/s
        "1920, 1080, 60, 42",   // 489600 MB/s
        "3840, 2160, 30, 51",   // 32400 MBs
        "8192, 4352, 30, 60",   // 139264 MBs, the largest frame
        "16, 16, 100000000, 62", // a rate beyond every level: the highest
    })
    void lowestLevelThatHoldsTheMovie(int width, int height, double fps, int idc) {
        assertEquals(idc, H264Level.lowestFor(width, height, fps).orElseThrow().idc());
    }

    @ParameterizedTest
    @CsvSource({"8208, 4352", "16896, 16", "20000, 20000"})
    void framesBeyondLevel62HaveNoLevel(int width, int height) {
        assertTrue(H264Level.lowestFor(width, height, 1).isEmpty());
    }
}
