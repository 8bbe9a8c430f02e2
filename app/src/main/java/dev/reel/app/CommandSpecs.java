package dev.reel.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Parts of the commands' picocli models, built in code. Picocli can also read a model from
 * annotations, but reading an annotation makes the JVM generate a proxy class for its type, and
 * those proxies (one per picocli annotation type) took 40 to 50 ms of every start-up.
 */
final class CommandSpecs {
    private CommandSpecs() {
    }

    /**
     * A command that runs {@code command} when it is the last one on the command line, and whose
     * options are listed in the order they are added (the synopsis is sorted).
     */
    static CommandSpec command(String name, Callable<Integer> command, String description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description).sortOptions(false);
        return spec;
    }

    /** {@code -h, --help}. */
    static OptionSpec help() {
        return OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build();
    }

    /** {@code -V, --version}. */
    static OptionSpec version() {
        return OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build();
    }

    /** An option with a value of {@code type}, shown as {@code label} in the help. */
    static OptionSpec option(String[] names, String label, Class<?> type, String description) {
        return OptionSpec.builder(names).paramLabel(label).type(type).description(description).build();
    }

    /** The movie script, the first positional parameter of {@code render} and {@code frame}. */
    static PositionalParamSpec script() {
        return PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("SCRIPT").type(Path.class)
                .description("The movie script (YAML or JSON).").build();
    }
}
