package dev.reel.app.plugins;

import dev.reel.app.plugins.PluginInfo.Provided;
import java.io.PrintWriter;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code reel plugins}: every plugin in the plugins directory with its id, version, state and
 * path, the providers reel uses from it and, for one that was skipped, why. Exit status 0 however
 * the plugins fare; 2 if an explicitly named directory does not exist.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every plugin found, with its state, its providers and any load error.")
public final class PluginsCommand implements Runnable {
    @Mixin
    PluginsOption pluginsOption;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Plugins plugins = pluginsOption.load();
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
