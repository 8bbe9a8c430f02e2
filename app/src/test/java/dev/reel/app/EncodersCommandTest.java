package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reel.api.Registry;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code reel encoders} lists what the registry holds, available or not, with why. */
class EncodersCommandTest {

    @Test
    void listsEveryEncoderWithAvailabilityCodecsAndOrigin() {
        ReelHarness reel = new ReelHarness();
        assertEquals(0, reel.run("encoders"), reel.err());
        String version = reel.providers.raw.version().map(v -> " " + v).orElse("");
        String n = System.lineSeparator();
        assertEquals("raw      available      codecs: h264, rgb  from test" + version + n
                + "offline  unavailable    codecs: h264       from test" + version + n
                + "         why: test natives are missing" + n
                + "ffmpeg   not installed" + n
                + "         why: its module is not in this installation"
                + " (reel-pure-java has no native library; the full distribution has it)" + n
                + "jcodec   not installed" + n
                + "         why: its module is not in this installation" + n
                + "auto picks raw" + n, reel.out());
    }

    @Test
    void saysSoWhenThereIsNoEncoder() {
        StringWriter out = new StringWriter();
        CommandEnvironment env = new CommandEnvironment(plugins -> Registry.builder().build(), SequenceDecorator.NONE,
                new ReelHarness.ManualCancel(), false);
        assertEquals(0, Main.run(env, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "encoders"));
        String n = System.lineSeparator();
        assertEquals("no encoder is installed" + n
                + "ffmpeg  not installed" + n
                + "        why: its module is not in this installation"
                + " (reel-pure-java has no native library; the full distribution has it)" + n
                + "jcodec  not installed" + n
                + "        why: its module is not in this installation" + n, out.toString());
    }
}
