package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {
    @Test
    void suggestsOnlyCloseKeys() {
        assertEquals(Optional.of("crf"), KeySuggestion.nearest("cfr", ScriptReader.ENCODER_KEYS));
        assertEquals(Optional.of("height"), KeySuggestion.nearest("heigth", ScriptReader.KEYS));
        assertEquals(Optional.of("width"), KeySuggestion.nearest("Width", ScriptReader.KEYS));
        assertEquals(Optional.of("keyframe-interval"), KeySuggestion.nearest("keyframe_intervall", ScriptReader.ENCODER_KEYS));
        assertEquals(Optional.empty(), KeySuggestion.nearest("x", ScriptReader.KEYS));
        assertEquals(Optional.empty(), KeySuggestion.nearest("title", ScriptReader.ENCODER_KEYS));
    }
}
