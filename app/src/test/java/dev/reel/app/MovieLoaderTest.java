package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.ScriptException;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.SequenceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seam for keys every sequence accepts: providers never see them, the decorator sees them all. */
class MovieLoaderTest {
    @TempDir
    Path dir;

    private final TestProviders providers = new TestProviders();

    /** Owns {@code hold}: drops every sequence whose entry says {@code hold: false}. */
    private static final class Holding implements SequenceDecorator {
        final List<SequenceSpec> seen = new ArrayList<>();

        @Override
        public Set<String> keys() {
            return Set.of("hold");
        }

        @Override
        public List<Sequence> decorate(List<SequenceSpec> entries, List<Sequence> sequences, VideoFormat format) {
            seen.addAll(entries);
            List<Sequence> kept = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Object hold = entries.get(i).values().get("hold");
                if (hold != null && !(hold instanceof Boolean)) {
                    throw entries.get(i).error("hold", "expected true or false, got " + hold);
                }
                if (!Boolean.FALSE.equals(hold)) {
                    kept.add(sequences.get(i));
                }
            }
            return kept;
        }
    }

    @Test
    void theDecoratorsKeysAreTakenOutOfWhatTheProviderSees() throws IOException {
        Path script = Files.writeString(dir.resolve("movie.yaml"), """
                width: 8
                height: 4
                fps: 10
                sequences:
                  - {type: test-gradient, t: [0, 1], hold: false}
                  - {type: test-gradient, t: [1, 1.5]}
                """);
        Holding holding = new Holding();
        MovieScript movieScript = new ScriptReader().read(script);
        try (LoadedMovie loaded = new MovieLoader(providers.registry(), holding).load(movieScript)) {
            // test-gradient rejects unknown keys, so it never saw 'hold'; the decorator dropped sequence 0.
            assertEquals(5, loaded.movie().frameCount());
            assertEquals(1.0, loaded.movie().sequences().get(0).startTime());
        }
        assertEquals(2, holding.seen.size());
        assertEquals(false, holding.seen.get(0).values().get("hold"));
        assertEquals(script + ": sequences[0]", holding.seen.get(0).location());
    }

    @Test
    void aBadDecoratorKeyIsOneLineWithItsPath() throws IOException {
        Path script = Files.writeString(dir.resolve("movie.yaml"), """
                width: 8
                height: 4
                fps: 10
                sequences:
                  - {type: test-gradient, t: [0, 1]}
                  - {type: test-gradient, t: [1, 1.5], hold: sometimes}
                """);
        MovieScript movieScript = new ScriptReader().read(script);
        ScriptException e = assertThrows(ScriptException.class,
                () -> new MovieLoader(providers.registry(), new Holding()).load(movieScript));
        assertEquals(script + ": sequences[1].hold: expected true or false, got sometimes", e.getMessage());
    }
}
