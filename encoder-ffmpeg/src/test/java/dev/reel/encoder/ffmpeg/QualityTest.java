package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.EncoderSettings;
import dev.reel.api.VideoFormat;
import dev.reel.testkit.MovieReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** crf really reaches the encoder: a lower crf gives a larger file and a higher PSNR. */
class QualityTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"h264, mp4", "h265, mp4", "vp9, webm", "av1, mkv"})
    void lowerCrfMeansLargerAndBetter(String codec, String extension) throws Exception {
        int[] crfs = {12, 24, 36};
        long[] bytes = new long[crfs.length];
        double[] psnr = new double[crfs.length];
        for (int i = 0; i < crfs.length; i++) {
            Path out = dir.resolve("crf" + crfs[i] + "." + extension);
            TestMovies.encode(EncoderSettings.DEFAULTS.withCodec(codec).withCrf(crfs[i]),
                    new VideoFormat(192, 144, 30), out, 12);
            MovieReader.Movie movie = MovieReader.read(out);
            assertEquals(List.of(), movie.warnings(), codec + " crf " + crfs[i]);
            assertEquals(12, movie.frameCount());
            bytes[i] = movie.bytes();
            psnr[i] = TestMovies.psnr(movie, 192, 144);
        }
        for (int i = 1; i < crfs.length; i++) {
            String what = codec + " crf " + crfs[i - 1] + " (" + bytes[i - 1] + " bytes, " + psnr[i - 1] + " dB) against crf "
                    + crfs[i] + " (" + bytes[i] + " bytes, " + psnr[i] + " dB)";
            assertTrue(bytes[i - 1] > bytes[i], what);
            assertTrue(psnr[i - 1] > psnr[i], what);
        }
    }
}
