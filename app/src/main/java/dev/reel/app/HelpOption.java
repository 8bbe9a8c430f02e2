package dev.reel.app;

import picocli.CommandLine.Option;

/** {@code -h, --help} for a subcommand (its version is the top command's {@code --version}). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
