package dev.reel.app;

import dev.reel.api.ProviderLookupException;
import dev.reel.api.Registry;
import dev.reel.api.spi.Availability;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.app.plugins.PluginsOption;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reel encoders}: every encoder found, built-in or plugin, one line each with its name,
 * whether it works here, its codecs and where it came from; an unavailable one says why on the
 * next line. Then what {@code auto} picks here, and any provider that was skipped, with why.
 * Asks each provider about itself only: nothing is opened or written.
 */
final class EncodersCommand implements Callable<Integer> {
    private final Main main;
    private CommandSpec spec;

    private EncodersCommand(Main main) {
        this.main = main;
    }

    /** The command's model, around a new instance that runs it. */
    static CommandSpec spec(Main main) {
        EncodersCommand command = new EncodersCommand(main);
        CommandSpec spec = CommandSpecs.command("encoders", command,
                "Lists every encoder found, with its availability, codecs and origin.");
        spec.addOption(CommandSpecs.help());
        spec.addOption(PluginsOption.spec());
        command.spec = spec;
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Registry registry = main.environment().registry().apply(PluginsOption.of(spec));
        List<Registry.Entry<EncoderProvider>> encoders = registry.encoders();
        if (encoders.isEmpty()) {
            out.println("no encoder is installed");
        }
        int nameWidth = encoders.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        List<String[]> rows = new ArrayList<>();
        for (Registry.Entry<EncoderProvider> e : encoders) {
            Availability a = Registry.availability(e.provider());
            rows.add(new String[] {e.name(), a.available() ? "available" : "unavailable", codecs(e.provider()),
                    e.origin() + e.provider().version().map(v -> " " + v).orElse(""), a.reason()});
        }
        // The encoders reel ships that this installation lacks (the pure-Java distribution has no
        // FFmpeg): say so, rather than leave the user to wonder.
        for (String shipped : Registry.AUTO_PREFERENCE) {
            if (encoders.stream().noneMatch(e -> e.name().equals(shipped))) {
                rows.add(new String[] {shipped, "not installed", null, null, "its module is not in this installation"
                        + (shipped.equals("ffmpeg") ? " (reel-pure-java has no native library; the full distribution has it)" : "")});
            }
        }
        nameWidth = Math.max(nameWidth, rows.stream().mapToInt(r -> r[0].length()).max().orElse(0));
        int codecWidth = rows.stream().filter(r -> r[2] != null).mapToInt(r -> r[2].length()).max().orElse(0);
        String indent = " ".repeat(nameWidth + 2);
        for (String[] r : rows) {
            out.println(r[2] == null ? String.format("%-" + nameWidth + "s  %s", r[0], r[1]) : String.format("%-" + nameWidth + "s  %-13s  codecs: %-" + codecWidth + "s  from %s",
                    r[0], r[1], r[2], r[3]).stripTrailing());
            if (!r[4].isEmpty()) {
                out.println(indent + "why: " + r[4]);
            }
        }
        if (!encoders.isEmpty()) {
            String auto;
            try {
                auto = registry.chooseEncoder(Registry.AUTO).name();
            } catch (ProviderLookupException e) {
                auto = "nothing: " + e.getMessage();
            }
            out.println("auto picks " + auto);
        }
        registry.problems().forEach(p -> out.println("skipped: " + p));
        out.flush();
        return 0;
    }

    private static String codecs(EncoderProvider p) {
        try {
            return String.join(", ", new TreeSet<>(p.codecs()));
        } catch (RuntimeException | LinkageError e) {
            return "? (it failed to say: " + e + ")";
        }
    }
}
