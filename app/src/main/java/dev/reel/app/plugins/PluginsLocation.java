package dev.reel.app.plugins;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where reel looks for plugins, and what chose that place.
 *
 * @param directory the plugins directory, absolute and normalised; it may not exist
 * @param source what chose it, for messages: {@code --plugins}, {@code REEL_PLUGINS},
 *     {@code the distribution} or {@code the working directory}
 * @param explicit whether the user named it ({@code --plugins} or {@code REEL_PLUGINS}): an
 *     explicit directory that does not exist is an error, the default one may be absent
 */
public record PluginsLocation(Path directory, String source, boolean explicit) {
    /** The environment variable that names the plugins directory. */
    public static final String ENVIRONMENT_VARIABLE = "REEL_PLUGINS";
    /** The system property the launcher sets to the distribution's folder. */
    public static final String HOME_PROPERTY = "reel.home";

    public PluginsLocation {
        directory = directory.toAbsolutePath().normalize();
        Objects.requireNonNull(source, "source");
    }

    /**
     * Chooses the plugins directory: the {@code --plugins} option, else the environment variable,
     * else {@code plugins/} in the distribution, else {@code ./plugins}.
     *
     * @param option the {@code --plugins} value, or null
     * @param environment the value of {@code REEL_PLUGINS}, or null (a blank value counts as unset)
     * @param home the value of {@code reel.home}, or null
     */
    public static PluginsLocation choose(Path option, String environment, String home) {
        if (option != null) {
            return new PluginsLocation(option, "--plugins", true);
        }
        if (environment != null && !environment.isBlank()) {
            return new PluginsLocation(Path.of(environment), ENVIRONMENT_VARIABLE, true);
        }
        if (home != null && !home.isBlank()) {
            return new PluginsLocation(Path.of(home, "plugins"), "the distribution", false);
        }
        return new PluginsLocation(Path.of("plugins"), "the working directory", false);
    }

    @Override
    public String toString() {
        return directory + " (from " + source + ")";
    }
}
