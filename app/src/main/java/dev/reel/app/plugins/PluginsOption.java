package dev.reel.app.plugins;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --plugins DIR} option, as a picocli mixin for every command that uses providers
 * ({@code render}, {@code frame}, {@code encoders}, {@code plugins}):
 * <pre>{@code
 * @Mixin PluginsOption plugins;
 * ...
 * Registry registry = plugins.load().registry();
 * }</pre>
 * One instance per command invocation; not thread-safe (picocli fills it in).
 */
public final class PluginsOption {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "The plugins directory (default: $" + PluginsLocation.ENVIRONMENT_VARIABLE
                    + ", else plugins/ in the distribution).")
    Path directory;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The directory chosen by {@code --plugins}, {@code REEL_PLUGINS} or the distribution. */
    public PluginsLocation location() {
        return PluginsLocation.choose(directory, System.getenv(PluginsLocation.ENVIRONMENT_VARIABLE),
                System.getProperty(PluginsLocation.HOME_PROPERTY));
    }

    /**
     * Loads the plugins and prints one warning line on the command's error stream for each plugin
     * skipped and each provider not used; never fails because of a plugin.
     *
     * @throws CommandLine.ParameterException (exit status 2) if the directory was named explicitly
     *     and does not exist
     */
    public Plugins load() {
        PluginsLocation location = location();
        Plugins plugins;
        try {
            plugins = Plugins.load(location);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = command.commandLine().getErr();
        plugins.warnings().forEach(w -> err.println("reel: warning: " + w));
        return plugins;
    }
}
