package dev.reel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.OrderedRenderer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark from rotting: a scaled-down run measures all three parts. Its ratios are
 * not asserted (timings belong in BENCHMARKS.md, not in tests); what it must show is.
 */
class RendererBenchmarkTest {

    @Test
    void aQuickRunMeasuresEveryPart() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new RendererBenchmark(Work.calibrate(), new PrintStream(bytes, true, StandardCharsets.UTF_8), 0.02).run();
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(Pattern.compile("efficiency \\d+\\.\\d{3} \\(target >= 0.95\\) (PASS|MISS)").matcher(out).find(), out);
        assertTrue(Pattern.compile("scaling \\d+\\.\\d{3} \\(target >= 1.8\\) (PASS|MISS)").matcher(out).find(), out);
        Matcher pictures = Pattern.compile("(\\d+) pooled pictures").matcher(out);
        int window = OrderedRenderer.defaultWindow(Runtime.getRuntime().availableProcessors());
        int runs = 0;
        while (pictures.find()) {
            assertTrue(Integer.parseInt(pictures.group(1)) <= window, out);
            runs++;
        }
        assertEquals(2, runs, out);
        assertTrue(out.contains("3. memory: peak heap 200 frames / 20 frames = "), out);
    }
}
