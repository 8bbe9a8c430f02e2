package dev.reel.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the JCodec benchmark working: a quick run on small frames measures both encoders and
 * compares 1 and 2 threads. (The FFmpeg and end-to-end benchmarks run the presets' ffmpeg program,
 * which needs libpulse0, so no test runs them.)
 */
class JcodecBenchmarkTest {

    @Test
    void aQuickRunMeasuresEveryEncoder(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JcodecBenchmark(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, dir).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        for (String encoder : new String[] {"JCodec SequenceEncoder", "reel jcodec, 1 thread", "reel jcodec, 2 threads"}) {
            assertTrue(Pattern.compile(Pattern.quote(encoder) + " +[\\d.]+ +[\\d.]+ +[\\d.]+ +[\\d.]+").matcher(out).find(),
                    encoder + " in\n" + out);
        }
        assertTrue(out.contains("same bytes for 1 and 2 threads: yes"), out);
    }
}
