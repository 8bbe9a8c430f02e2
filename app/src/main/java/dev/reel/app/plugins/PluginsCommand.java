package dev.reel.app.plugins;

import dev.reel.app.plugins.PluginInfo.Provided;
import java.io.PrintWriter;
import java.nio.file.Files;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code reel plugins}: every plugin in the plugins directory with its id, version, state and
 * path, the providers reel uses from it and, for one that was skipped, why. Exit status 0 however
 * the plugins fare; 2 if an explicitly named directory does not exist.
 */
public final class PluginsCommand implements Runnable {
    private CommandSpec spec;

    private PluginsCommand() {
    }

    /**
     * The command's model, around a new instance that runs it: {@code help} (the {@code -h} option
     * every command has) and {@code --plugins}. The version is {@code reel --version}'s.
     */
    public static CommandSpec spec(OptionSpec help) {
        PluginsCommand command = new PluginsCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("plugins");
        spec.usageMessage().description("Lists every plugin found, with its state, its providers and any load error.");
        spec.addOption(help);
        spec.addOption(PluginsOption.spec());
        command.spec = spec;
        return spec;
    }

    @Override
    public void run() {
        Plugins plugins = PluginsOption.of(spec).load();
        PrintWriter out = spec.commandLine().getOut();
        PluginsLocation location = plugins.location();
        if (plugins.plugins().isEmpty()) {
            out.println(Files.isDirectory(location.directory())
                    ? "no plugins in " + location
                    : "no plugins: " + location + " does not exist");
            return;
        }
        out.println("plugins in " + location + ":");
        for (PluginInfo p : plugins.plugins()) {
            out.println(p.id() + " " + (p.version().isEmpty() ? "(no version)" : p.version()) + "  "
                    + p.state().word() + "  " + p.path());
            for (Provided provided : p.providers()) {
                out.println("    " + provided.kind() + " " + provided.name()
                        + (provided.description().isEmpty() ? "" : ": " + provided.description()));
            }
            if (p.started() && p.providers().isEmpty()) {
                out.println("    (no providers)");
            }
            for (String problem : p.problems()) {
                out.println("    " + (p.started() ? "not used: " : p.state() == PluginInfo.State.DISABLED ? "" : "error: ")
                        + problem);
            }
        }
    }
}
