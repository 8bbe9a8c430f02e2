package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad scripts exit with 2 and one line on stderr naming the file, the key path and what was
 * expected; nothing is written.
 */
class ScriptErrorsTest {
    static final String HEAD = "width: 8\nheight: 4\nfps: 10\n";
    static final String ONE_SEQUENCE = "sequences:\n  - type: test-gradient\n    t: [0, 1]\n";

    @TempDir
    Path dir;

    private final ReelHarness reel = new ReelHarness();

    static Stream<Arguments> badScripts() {
        return Stream.of(
                Arguments.of("width: 720\nheight: [1, 2\nfps: 3\n",
                        "line 3, column 4: expected ',' or ']', but got : (while parsing a flow sequence that starts"
                                + " at line 2, column 9); expected valid YAML"),
                Arguments.of("width: 8\n\theight: 4\n",
                        "line 2, column 1: found character '\\t(TAB)' that cannot start any token. (Do not use"
                                + " \\t(TAB) for indentation) (while scanning for the next token); expected valid YAML"),
                Arguments.of("{\"width\": 8,, }", "line 1, column 13: expected the node content, but found ','"
                        + " (while parsing a flow node that starts at line 1, column 13); expected valid YAML"),
                Arguments.of(HEAD + "fps: 12\n" + ONE_SEQUENCE,
                        "line 4, column 4: key 'fps' appears twice; expected each key once"),
                Arguments.of("", "the script is empty; expected a mapping with the keys width, height, fps and sequences"),
                Arguments.of("- 8\n- 4\n",
                        "expected a mapping with the keys width, height, fps and sequences at the top, got a list"),
                Arguments.of("width: 8\nheigth: 4\nfps: 10\n" + ONE_SEQUENCE,
                        "heigth: unknown key; did you mean 'height'? (expected one of width, height, fps, encoder, sequences)"),
                Arguments.of(HEAD + "frames-per-second: 10\n" + ONE_SEQUENCE,
                        "frames-per-second: unknown key (expected one of width, height, fps, encoder, sequences)"),
                Arguments.of("height: 4\nfps: 10\n" + ONE_SEQUENCE,
                        "width: missing; expected a positive whole number of pixels such as 720"),
                Arguments.of("width: 720px\nheight: 4\nfps: 10\n" + ONE_SEQUENCE,
                        "width: expected a positive whole number of pixels such as 720, got '720px'"),
                Arguments.of("width: 8\nheight: 4.5\nfps: 10\n" + ONE_SEQUENCE,
                        "height: expected a positive whole number of pixels such as 480, got 4.5"),
                Arguments.of("width: 8\nheight: 4\nfps: -60\n" + ONE_SEQUENCE,
                        "fps: expected a positive number of frames per second such as 60 or 29.97, got -60"),
                Arguments.of("width: 8\nheight: 4\nfps: '60'\n" + ONE_SEQUENCE,
                        "fps: expected a positive number of frames per second such as 60 or 29.97, got '60'"),
                Arguments.of("width: 100000\nheight: 100000\nfps: 10\n" + ONE_SEQUENCE,
                        "width: a 100000x100000 movie is too large; a frame must fit in 2 GiB of RGB"),
                Arguments.of(HEAD + "encoder: raw\n" + ONE_SEQUENCE,
                        "encoder: expected a mapping of encoder settings such as {name: auto, crf: 22}, got 'raw'"),
                Arguments.of(HEAD + "encoder:\n  cfr: 20\n" + ONE_SEQUENCE,
                        "encoder.cfr: unknown key; did you mean 'crf'? (expected one of name, codec, crf, preset,"
                                + " pixel-format, keyframe-interval, options, metadata, hardware, filters)"),
                Arguments.of(HEAD + "encoder:\n  pixel_format: yuv444p\n" + ONE_SEQUENCE,
                        "encoder.pixel_format: unknown key; did you mean 'pixel-format'? (expected one of name, codec,"
                                + " crf, preset, pixel-format, keyframe-interval, options, metadata, hardware, filters)"),
                Arguments.of(HEAD + "encoder:\n  crf: 60\n" + ONE_SEQUENCE,
                        "encoder.crf: expected a whole number from 0 to 51 (lower is better), got 60"),
                Arguments.of(HEAD + "encoder:\n  crf: high\n" + ONE_SEQUENCE,
                        "encoder.crf: expected a whole number from 0 to 51 (lower is better), got 'high'"),
                Arguments.of(HEAD + "encoder:\n  keyframe-interval: 0\n" + ONE_SEQUENCE,
                        "encoder.keyframe-interval: expected a positive whole number of frames between key frames, got 0"),
                Arguments.of(HEAD + "encoder:\n  name: [raw]\n" + ONE_SEQUENCE,
                        "encoder.name: expected an encoder name: auto, ffmpeg, jcodec or a plugin's, got a list"),
                Arguments.of(HEAD + "encoder:\n  hardware: maybe\n" + ONE_SEQUENCE,
                        "encoder.hardware: expected one of disabled, if-possible, required; got 'maybe'"),
                Arguments.of(HEAD + "encoder:\n  options: {tune: [film, grain]}\n" + ONE_SEQUENCE,
                        "encoder.options.tune: expected a text, number or true/false value, got a list"),
                Arguments.of(HEAD + "encoder:\n  metadata: My zoom\n" + ONE_SEQUENCE,
                        "encoder.metadata: expected a mapping of names to values such as {title: My zoom}, got 'My zoom'"),
                Arguments.of(HEAD + "encoder:\n  filters: 3\n" + ONE_SEQUENCE,
                        "encoder.filters: expected an FFmpeg filter chain such as \"eq=gamma=1.2\", got 3"),
                Arguments.of(HEAD,
                        "sequences: missing; expected a list of sequences, each a mapping with a type such as camera-pan"),
                Arguments.of(HEAD + "sequences: {type: test-gradient}\n",
                        "sequences: expected a list of sequences, each a mapping with a type such as camera-pan, got a mapping"),
                Arguments.of(HEAD + "sequences: []\n", "sequences: expected at least one sequence, got an empty list"),
                Arguments.of(HEAD + ONE_SEQUENCE + "  - test-gradient\n",
                        "sequences[1]: expected a mapping with a type such as camera-pan, got 'test-gradient'"),
                Arguments.of(HEAD + ONE_SEQUENCE + "  - t: [1, 2]\n",
                        "sequences[1].type: missing; expected a sequence type, one of test-gradient"),
                Arguments.of(HEAD + ONE_SEQUENCE + "  - type: 7\n",
                        "sequences[1].type: expected a sequence type, one of test-gradient; got 7"),
                Arguments.of(HEAD + ONE_SEQUENCE + "  - type: test-gradiant\n    t: [1, 2]\n",
                        "sequences[1].type: unknown sequence type 'test-gradiant'; did you mean 'test-gradient'?"
                                + " (expected one of test-gradient)"),
                Arguments.of(HEAD + ONE_SEQUENCE + "  - type: camera-pan\n    t: [1, 2]\n",
                        "sequences[1].type: unknown sequence type 'camera-pan' (expected one of test-gradient)"),
                Arguments.of(HEAD + ONE_SEQUENCE
                        + "  - type: test-gradient\n    t: [1, 2]\n    dx: {t: [1, 0.5, 2], v: [1, 2, 3]}\n",
                        "sequences[1].dx.t: expected strictly increasing times, got [1, 0.5, 2]"),
                Arguments.of(HEAD + ONE_SEQUENCE + "  - type: test-gradient\n    t: [1, 2]\n    colour: red\n",
                        "sequences[1].colour: unknown key for test-gradient"),
                Arguments.of(HEAD + "sequences:\n  - type: test-gradient\n",
                        "sequences[0].t: missing; this sequence type needs it"),
                Arguments.of(HEAD + "sequences:\n  - type: test-gradient\n    t: [0, 1]\n    fail-at: soon\n",
                        "sequences[0].fail-at: expected a finite number, got 'soon'"),
                Arguments.of(HEAD + "sequences:\n  - type: test-gradient\n    t: [0, 0.05]\n",
                        "sequences: the movie has no frame: every sequence is shorter than one frame at 10.0 fps"),
                Arguments.of(HEAD + "encoder: {name: ffmpge}\n" + ONE_SEQUENCE,
                        "encoder.name: unknown encoder 'ffmpge'; known: raw, offline"),
                Arguments.of(HEAD + "encoder: {name: offline}\n" + ONE_SEQUENCE,
                        "encoder.name: encoder 'offline' is not available here: test natives are missing; available: raw"),
                Arguments.of(HEAD + "encoder: {crf: 45}\n" + ONE_SEQUENCE,
                        "encoder.crf: raw encoder: crf 45 is above 40"),
                Arguments.of(HEAD + "encoder: {codec: prores}\n" + ONE_SEQUENCE,
                        "encoder.codec: raw encoder: codec 'prores' is not offered; use h264 or rgb"));
    }

    @ParameterizedTest
    @MethodSource("badScripts")
    void aBadScriptExitsWithTwoAndOneLineNamingTheFileAndKey(String script, String expected) throws IOException {
        Path file = write(script);
        assertEquals(2, reel.run("render", file.toString()), reel.err());
        assertEquals(file + ": " + expected + System.lineSeparator(), reel.err());
        assertEquals("", reel.out());
        assertEquals("[movie.yaml]", ReelHarness.list(dir), "nothing is written");
    }

    @Test
    void aMissingScriptIsNamed() {
        Path file = dir.resolve("nope.yaml");
        assertEquals(2, reel.run("render", file.toString()));
        assertEquals(file + ": cannot read the script: no such file" + System.lineSeparator(), reel.err());
    }

    @Test
    void aMissingDatabaseIsNamedWithItsSequence() throws IOException {
        Path file = write(HEAD + ONE_SEQUENCE + "  - type: test-gradient\n    t: [1, 2]\n    db: gone.testdb\n");
        assertEquals(2, reel.run("render", file.toString()));
        assertEquals(file + ": sequences[1]: cannot open " + dir.resolve("gone.testdb") + ": no such file"
                + System.lineSeparator(), reel.err());
        assertEquals(0, reel.providers.sources.opened.get());
    }

    @Test
    void aFileNoFrameSourceRecognisesListsTheInstalledOnes() throws IOException {
        Path file = write(HEAD + "sequences:\n  - type: test-gradient\n    t: [1, 2]\n    db: pan.postdb\n");
        assertEquals(2, reel.run("render", file.toString()));
        assertEquals(file + ": sequences[0]: no frame source can open {db=" + dir.resolve("pan.postdb")
                + "}; installed: test-db (db: a .testdb file)" + System.lineSeparator(), reel.err());
    }

    @Test
    void sourcesOpenedBeforeABadSequenceAreClosed() throws IOException {
        Files.writeString(dir.resolve("a.testdb"), "");
        Path file = write(HEAD + "sequences:\n  - type: test-gradient\n    t: [0, 1]\n    db: a.testdb\n"
                + "  - type: test-gradient\n");
        assertEquals(2, reel.run("render", file.toString()));
        assertEquals(1, reel.providers.sources.opened.get());
        assertEquals(1, reel.providers.sources.closed.get());
    }

    @Test
    void encoderOverridesAndOutputNamesAreCheckedBeforeRendering() throws IOException {
        Path file = write(HEAD + ONE_SEQUENCE);
        assertEquals(2, reel.run("render", file.toString(), "--encoder", "nope"));
        assertEquals("--encoder nope: unknown encoder 'nope'; known: raw, offline" + System.lineSeparator(), reel.err());

        assertEquals(2, reel.run("render", file.toString(), "--encoder", "offline"));
        assertEquals("--encoder offline: encoder 'offline' is not available here: test natives are missing;"
                + " available: raw" + System.lineSeparator(), reel.err());

        Path mp4 = dir.resolve("movie.mp4");
        assertEquals(2, reel.run("render", file.toString(), "-o", mp4.toString()));
        assertEquals(mp4 + ": raw encoder: expected a file name ending in .raw" + System.lineSeparator(), reel.err());
        assertEquals(0, reel.providers.gradient.framesDrawn.get());
        assertEquals("[movie.yaml]", ReelHarness.list(dir));
    }

    @Test
    void badUsageOfRenderIsOneLineWithStatusTwo() throws IOException {
        Path file = write(HEAD + ONE_SEQUENCE);
        assertEquals(2, reel.run("render", file.toString(), "--threads", "0"));
        assertEquals("--threads 0: expected at least 1 render thread" + System.lineSeparator(), reel.err());

        assertEquals(2, reel.run("render", file.toString(), "--frames", "3-12"));
        assertEquals("--frames 3-12: expected FROM:TO, two frame indices such as 0:120 (FROM included, TO excluded)"
                + System.lineSeparator(), reel.err());

        assertEquals(2, reel.run("render", file.toString(), "--frames", "7:7"));
        assertEquals("--frames 7:7: expected FROM < TO (FROM included, TO excluded)" + System.lineSeparator(), reel.err());

        assertEquals(2, reel.run("render", file.toString(), "--frames", "0:99999999999"));
        assertTrue(reel.err().startsWith("--frames 0:99999999999: expected FROM:TO"), reel.err());

        assertEquals(2, reel.run("render", file.toString(), "--frames", "5:11"));
        assertEquals("--frames 5:11: the movie has 10 frames (0 to 9); expected TO <= 10" + System.lineSeparator(),
                reel.err());

        assertEquals(2, reel.run("render", file.toString(), "--threads", "many"));
        assertEquals("Invalid value for option '--threads': 'many' is not an int; see 'reel render --help'"
                + System.lineSeparator(), reel.err());

        assertEquals(2, reel.run("render"));
        assertEquals("Missing required parameter: 'SCRIPT'; see 'reel render --help'" + System.lineSeparator(), reel.err());
        assertEquals(0, reel.providers.gradient.framesDrawn.get());
    }

    @Test
    void stackTracesOnlyWithVerbose() throws IOException {
        Path file = write(HEAD + "encoder:\n  crf: 60\n" + ONE_SEQUENCE);
        assertEquals(2, reel.run("render", file.toString()));
        assertFalse(reel.err().contains("\tat "), reel.err());
        assertEquals(2, reel.run("render", file.toString(), "--verbose"));
        assertTrue(reel.err().startsWith(file + ": encoder.crf: expected a whole number from 0 to 51"), reel.err());
        assertTrue(reel.err().contains("/dev.reel.app.ScriptReader.read(ScriptReader.java:"), reel.err());
        assertEquals(2, reel.run("--verbose", "render", file.toString()));
        assertTrue(reel.err().contains("/dev.reel.app.ScriptReader.read(ScriptReader.java:"), reel.err());
    }

    private Path write(String script) throws IOException {
        return Files.writeString(dir.resolve("movie.yaml"), script);
    }
}
