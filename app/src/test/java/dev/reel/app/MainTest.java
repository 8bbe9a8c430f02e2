package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int reel(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void versionNamesTheBuild() {
        assertEquals(0, reel("--version"));
        String expected = "reel " + System.getProperty("reel.version");
        assertTrue(out.toString().startsWith(expected + System.lineSeparator()), out.toString());
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, reel("--help"));
        assertTrue(out.toString().contains("Usage: reel"), out.toString());
        assertTrue(out.toString().contains("encoders"), out.toString());
    }

    @Test
    void badUsageExitsWithTwoAndOneLine() {
        assertEquals(2, reel("--no-such-option"));
        assertTrue(err.toString().startsWith("Unknown option: '--no-such-option'"), err.toString());
        assertEquals(2, reel());
        assertTrue(err.toString().contains("a command is needed; see reel --help"), err.toString());
    }

    @Test
    void encodersListsWhatTheBootLayerProvides() {
        assertEquals(0, reel("encoders"));
        // No encoder module provides an encoder yet; the listing says so rather than printing nothing.
        assertEquals("no encoder is installed" + System.lineSeparator(), out.toString());
    }
}
