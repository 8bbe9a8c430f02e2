package dev.reel.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PluginsLocationTest {
    private static final Path CWD = Path.of("").toAbsolutePath();

    @Test
    void theOptionWinsThenTheEnvironmentThenTheDistributionThenTheWorkingDirectory() {
        PluginsLocation option = PluginsLocation.choose(Path.of("/opt/mine"), "/env/plugins", "/opt/reel");
        assertEquals(Path.of("/opt/mine"), option.directory());
        assertEquals("--plugins", option.source());
        assertTrue(option.explicit());

        PluginsLocation env = PluginsLocation.choose(null, "/env/plugins", "/opt/reel");
        assertEquals(Path.of("/env/plugins"), env.directory());
        assertEquals("REEL_PLUGINS", env.source());
        assertTrue(env.explicit());

        PluginsLocation home = PluginsLocation.choose(null, "  ", "/opt/reel");
        assertEquals(Path.of("/opt/reel/plugins"), home.directory());
        assertFalse(home.explicit());

        PluginsLocation cwd = PluginsLocation.choose(null, null, null);
        assertEquals(CWD.resolve("plugins"), cwd.directory());
        assertEquals(CWD.resolve("plugins") + " (from the working directory)", cwd.toString());
    }

    @Test
    void relativeDirectoriesAreResolvedAgainstTheWorkingDirectory() {
        assertEquals(CWD.resolve("x/plugins"), PluginsLocation.choose(Path.of("x/./plugins"), null, null).directory());
    }

    @Test
    void theReleaseOfADevelopmentBuildDropsItsQualifier() {
        assertEquals("0.1.0", new ReelVersion("0.1.0-SNAPSHOT").release());
        assertEquals("1.2.3", new ReelVersion("1.2.3+build.7").release());
        assertEquals("1.2.3", new ReelVersion("1.2.3").release());
        assertEquals(System.getProperty("reel.version"), ReelVersion.current().full());
    }
}
