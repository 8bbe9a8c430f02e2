package dev.reel.app.plugins;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code --plugins DIR} option of every command that uses providers ({@code render},
 * {@code frame}, {@code encoders}, {@code plugins}): {@link #spec()} goes into the command's
 * picocli model, and the command reads the parsed value with {@link #of(CommandSpec)}:
 * <pre>{@code
 * Registry registry = PluginsOption.of(spec).load().registry();
 * }</pre>
 */
public final class PluginsOption {
    /** The option's name. */
    public static final String NAME = "--plugins";

    private final CommandSpec command;
    private final Path directory;

    private PluginsOption(CommandSpec command, Path directory) {
        this.command = command;
        this.directory = directory;
    }

    /** The option, for a command's model. */
    public static OptionSpec spec() {
        return OptionSpec.builder(NAME).paramLabel("DIR").type(Path.class)
                .description("The plugins directory (default: $" + PluginsLocation.ENVIRONMENT_VARIABLE
                        + ", else plugins/ in the distribution).")
                .build();
    }

    /** The option as parsed for {@code command}, which has {@link #spec()} and has been parsed. */
    public static PluginsOption of(CommandSpec command) {
        return new PluginsOption(command, command.commandLine().getParseResult().matchedOptionValue(NAME, null));
    }

    /** The directory chosen by {@code --plugins}, {@code REEL_PLUGINS} or the distribution. */
    public PluginsLocation location() {
        return PluginsLocation.choose(directory, System.getenv(PluginsLocation.ENVIRONMENT_VARIABLE),
                System.getProperty(PluginsLocation.HOME_PROPERTY));
    }

    /**
     * Loads the plugins and prints one warning line on the command's error stream for each plugin
     * skipped and each provider not used; never fails because of a plugin. Then tells JavaCPP
     * whether to search the modules for native libraries ({@link JavaCppSearch}), before any
     * encoder loads its natives.
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
        JavaCppSearch.configure(plugins.layers());
        return plugins;
    }
}
