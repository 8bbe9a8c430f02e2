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
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code reel} command. Exit status: 0 success; 1 failure while rendering or writing (one line
 * naming the frame or file and the cause); 2 bad usage or a bad script (one line naming the file,
 * the key and what was expected); 130 when Ctrl-C stopped a render. Stack traces only with
 * {@code --verbose}.
 *
 * <p>The commands' picocli models are built in code (see {@link CommandSpecs}); each command class
 * has a {@code spec(Main)} that builds its model around a new instance of itself.
 */
public final class Main implements Runnable {
    /** The option that asks for stack traces; every command inherits it. */
    static final String VERBOSE = "--verbose";

    /**
     * The commands by name, in the order help lists them. A command line that names one builds
     * only that one's model; help, an unknown command or none builds them all.
     */
    static final Map<String, Function<Main, CommandSpec>> COMMANDS = commands();

    private final CommandEnvironment environment;
    private final CommandSpec spec;

    Main(CommandEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.spec = CommandSpec.wrapWithoutInspection(this).name("reel").versionProvider(new Version());
        spec.usageMessage().description("Makes movies from camera moves over huge pre-rendered image databases.");
        spec.addOption(CommandSpecs.help());
        spec.addOption(CommandSpecs.version());
        spec.addOption(OptionSpec.builder(VERBOSE).scopeType(ScopeType.INHERIT)
                .description("Print the stack trace of an error, not only its one-line message.").build());
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
        Main main = new Main(environment);
        CommandLine cl = new CommandLine(main.spec);
        String named = commandName(args);
        if (named != null && COMMANDS.containsKey(named) && !named.equals("help")) {
            cl.addSubcommand(named, COMMANDS.get(named).apply(main));
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.apply(main)));
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Main::badUsage);
        cl.setExecutionExceptionHandler(Main::failure);
        return cl.execute(args);
    }

    private static Map<String, Function<Main, CommandSpec>> commands() {
        Map<String, Function<Main, CommandSpec>> commands = new LinkedHashMap<>();
        commands.put("render", RenderCommand::spec);
        commands.put("frame", FrameCommand::spec);
        commands.put("encoders", EncodersCommand::spec);
        commands.put("plugins", main -> PluginsCommand.spec(CommandSpecs.help()));
        commands.put("demo", DemoCommand::spec);
        // picocli's own, read from its annotations: only help and bad command lines build it.
        commands.put("help", main -> CommandSpec.forAnnotatedObject(new CommandLine.HelpCommand()));
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
            if (!arg.equals(VERBOSE)) {
                return null;
            }
        }
        return null;
    }

    /** What the subcommands work with. */
    CommandEnvironment environment() {
        return environment;
    }

    /** Whether the parsed command line asks for stack traces ({@code --verbose} on any command). */
    boolean verbose() {
        return verbose(spec.commandLine().getParseResult());
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
            if (p.hasMatchedOption(VERBOSE)) {
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
