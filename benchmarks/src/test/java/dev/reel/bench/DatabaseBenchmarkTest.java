package dev.reel.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the database benchmark working: a scaled-down run on small real files measures every part. */
class DatabaseBenchmarkTest {

    @Test
    void aQuickRunMeasuresEveryPart(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DatabaseBenchmark(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8), 0.05).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(Pattern.compile("plain copy of a 1920x1080 RGB picture \\(5.9 MiB\\): \\d+ copies/s").matcher(out).find(), out);
        assertTrue(Pattern.compile("pan \\(819x819 RGBA, \\d+ MiB\\): [\\d.]+ frames/s on 1 thread \\(target >= 90\\) (PASS|MISS)")
                .matcher(out).find(), out);
        assertTrue(Pattern.compile("zoom: [\\d.]+ frames/s on 1 thread \\(target >= 45\\) (PASS|MISS)").matcher(out).find(), out);
        assertTrue(Pattern.compile("one frame costs [\\d.]+ plain copies").matcher(out).find(), out);
        assertTrue(out.contains("sparse database 20000x20000 RGBA"), out);
    }
}
