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
        for (String command : new String[] {"Usage: reel", "render", "frame", "encoders", "--verbose"}) {
            assertTrue(out.toString().contains(command), out.toString());
        }
    }

    @Test
    void eachCommandIsListedUnderItsOwnNameAndACommandLineNamesItsFirstNonOption() {
        for (var e : Main.COMMANDS.entrySet()) {
            assertEquals(e.getKey(), e.getValue().apply(new Main(CommandEnvironment.standard())).name());
        }
        assertEquals("render", Main.commandName("--verbose", "render", "movie.yaml", "--frames", "0:1"));
        assertEquals("help", Main.commandName("help", "render"));
        assertEquals(null, Main.commandName("--verbose"));
        assertEquals(null, Main.commandName("--", "render"));
        // Help asked for before the command lists every command.
        assertEquals(null, Main.commandName("-h", "render"));
        assertEquals(0, reel("--help", "render"));
        for (String command : Main.COMMANDS.keySet()) {
            assertTrue(out.toString().contains("  " + command + "  "), command + " in " + out);
        }
    }

    @Test
    void aNamedCommandKeepsTheInheritedVerboseOptionAndAnUnknownOneGetsSuggestions() {
        assertEquals(2, reel("render", "--verbose", "no-such-script.yaml"));
        assertTrue(err.toString().contains("no-such-script.yaml"), err.toString());
        assertTrue(err.toString().contains("\tat "), "--verbose prints the stack trace: " + err);
        err.getBuffer().setLength(0);
        assertEquals(2, reel("rendr", "x"));
        assertTrue(err.toString().contains("did you mean render"), err.toString());
    }

    @Test
    void badUsageExitsWithTwoAndOneLine() {
        assertEquals(2, reel("--no-such-option"));
        assertEquals("Unknown option: '--no-such-option'; see 'reel --help'" + System.lineSeparator(), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, reel());
        assertEquals("a command is needed; see 'reel --help'" + System.lineSeparator(), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, reel("rendr", "movie.yaml"));
        assertTrue(err.toString().startsWith("Unmatched arguments from index 0: 'rendr', 'movie.yaml'; did you mean "),
                err.toString());
        assertTrue(err.toString().contains("render"), err.toString());
    }

    @Test
    void encodersRunsOnTheBuiltInRegistry() {
        // Which encoders are built in depends on the modules present; the listing never fails.
        assertEquals(0, reel("encoders"), err.toString());
        assertTrue(!out.toString().isEmpty());
    }
}
