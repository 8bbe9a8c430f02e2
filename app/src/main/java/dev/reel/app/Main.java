package dev.reel.app;

import dev.reel.api.Registry;
import dev.reel.api.spi.Availability;
import dev.reel.api.spi.EncoderProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code reel} command. */
@Command(name = "reel", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Makes movies from camera moves over huge pre-rendered image databases.",
        subcommands = {Main.Encoders.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line and returns the exit status: 0 success, 2 bad usage, 1 failure. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed; see reel --help");
    }

    /** {@code reel encoders}: every encoder found, with availability and codecs. */
    @Command(name = "encoders", description = "Lists every encoder found, with its availability and codecs.")
    static final class Encoders implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Registry registry = Registry.builtIn();
            if (registry.encoders().isEmpty()) {
                out.println("no encoder is installed");
            }
            for (Registry.Entry<EncoderProvider> e : registry.encoders()) {
                Availability a = Registry.availability(e.provider());
                out.printf("%-10s %-11s codecs: %s (%s)%n", e.name(), a.available() ? "available" : "unavailable",
                        String.join(", ", new TreeSet<>(e.provider().codecs())), e.origin());
                if (!a.available()) {
                    out.println("           " + a.reason());
                }
            }
            registry.problems().forEach(p -> out.println("problem: " + p));
        }
    }

    /** The version from the build, e.g. {@code reel 0.1.0}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"reel " + p.getProperty("version", "(unknown version)"),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
