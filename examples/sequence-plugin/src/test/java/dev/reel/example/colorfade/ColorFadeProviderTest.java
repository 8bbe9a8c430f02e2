package dev.reel.example.colorfade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.FrameSource;
import dev.reel.api.Picture;
import dev.reel.api.ScriptException;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.SequenceContext;
import dev.reel.api.spi.SequenceSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColorFadeProviderTest {
    private static final SequenceContext CONTEXT = new SequenceContext() {
        @Override
        public VideoFormat format() {
            return new VideoFormat(4, 2, 10);
        }

        @Override
        public FrameSource openSource(Map<String, Path> files) {
            throw new AssertionError("a colour fade opens no file");
        }
    };

    private static Sequence create(Object... keysAndValues) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", "color-fade");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new ColorFadeProvider().create(new SequenceSpec("movie.yaml: sequences[1]", Path.of("."), values), CONTEXT);
    }

    @Test
    void fadesLinearlyBetweenTheTwoColours() throws Exception {
        Sequence s = create("start", 10, "end", 12, "from", "#000000", "to", "#FF8040");
        assertEquals(20, s.frameCount(10));
        Picture p = new Picture(4, 2);
        s.render(s.frameTime(0, 10), p);
        assertEquals(0x000000, p.get(3, 1));
        s.render(s.frameTime(10, 10), p); // halfway: 255/2 = 127.5 rounds to 128
        assertEquals(0x804020, p.get(0, 0));
        assertEquals(0x804020, p.get(3, 1));
        s.render(s.frameTime(15, 10), p); // three quarters: 191.25, 96, 48
        assertEquals(0xbf6030, p.get(2, 1));
    }

    @Test
    void withoutToTheColourStaysTheSame() throws Exception {
        Sequence s = create("start", 0, "end", 1, "from", "#123456");
        Picture p = new Picture(4, 2);
        s.render(s.frameTime(7, 10), p);
        assertEquals(0x123456, p.get(1, 1));
    }

    @Test
    void badKeysAreNamedWithWhatWasExpected() {
        assertEquals("movie.yaml: sequences[1]: colour: unknown key; color-fade takes start, end, from and to",
                assertThrows(ScriptException.class, () -> create("start", 0, "end", 1, "colour", "#000000")).getMessage());
        assertEquals("movie.yaml: sequences[1]: from: expected a colour such as \"#1a2b3c\", got 'red'",
                assertThrows(ScriptException.class, () -> create("start", 0, "end", 1, "from", "red")).getMessage());
        assertEquals("movie.yaml: sequences[1]: end: expected a time after start (2.0 s), got 1.0",
                assertThrows(ScriptException.class, () -> create("start", 2, "end", 1, "from", "#000000")).getMessage());
        assertEquals("from", assertThrows(ScriptException.class, () -> create("start", 0, "end", 1)).key());
    }
}
