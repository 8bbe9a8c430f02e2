package dev.reel.app;

import dev.reel.app.plugins.PluginsCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code reel} command. Exit status: 0 success; 1 failure while rendering or writing (one line
 * naming the frame or file and the cause); 2 bad usage or a bad script (one line naming the file,
 * the key and what was expected); 130 when Ctrl-C stopped a render. Stack traces only with
 * {@code --verbose}.
 */
@Command(name = "reel", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Makes movies from camera moves over huge pre-rendered image databases.")
public final class Main implements Runnable {
    /**
     * The commands by name, in the order help lists them. Picocli builds a command's model from its
     * annotations when the command is added, which costs start-up time (about 30 ms of the 90 ms
     * picocli takes in a fresh JVM for all of them), so a command line that names one adds only that
     * one; help, an unknown command or none adds them all.
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, not only its one-line message.")
    boolean verbose;

    private final CommandEnvironment environment;

    Main(CommandEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line in the real environment and returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CommandEnvironment.standard(), out, err, args);
    }

    /** Runs the command line in the given environment and returns the exit status. */
    static int run(CommandEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main(environment));
        Class<?> named = COMMANDS.get(commandName(args));
        if (named != null && named != CommandLine.HelpCommand.class) {
            cl.addSubcommand(named);
        } else {
            COMMANDS.values().forEach(cl::addSubcommand);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Main::badUsage);
        cl.setExecutionExceptionHandler(Main::failure);
        return cl.execute(args);
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("render", RenderCommand.class);
        commands.put("frame", FrameCommand.class);
        commands.put("encoders", EncodersCommand.class);
        commands.put("plugins", PluginsCommand.class);
        commands.put("demo", DemoCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(commands);
    }

    /**
     * The command a command line names, its first argument that is not an option, when nothing
     * before it but {@code --verbose} could print reel's own help (which lists every command); else
     * null.
     */
    static String commandName(String... args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
            if (!arg.equals("--verbose")) {
                return null;
            }
        }
        return null;
    }

    /** What the subcommands work with. */
    CommandEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed");
    }

    /** One line: picocli's message and where to read more. */
    private static int badUsage(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions) + "?";
            }
        }
        cl.getErr().println(message + "; see '" + cl.getCommandSpec().qualifiedName() + " --help'");
        cl.getErr().flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int failure(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = verbose(parsed);
        if (e instanceof CommandFailure f) {
            err.println(f.getMessage());
            if (verbose) {
                f.printStackTrace(err);
            }
            err.flush();
            return f.status();
        }
        // A bug, not bad input: say what it was in one line; the trace is for --verbose.
        String what = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": "
                + e.getMessage().strip().lines().findFirst().orElse("");
        err.println("reel: unexpected error: " + what + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return CommandFailure.FAILED;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
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
