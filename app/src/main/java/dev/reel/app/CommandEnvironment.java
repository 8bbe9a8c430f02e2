package dev.reel.app;

import dev.reel.api.Registry;
import dev.reel.app.plugins.PluginsOption;
import java.io.Console;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the commands take from the world around them, gathered so that tests can replace it: the
 * providers, the keys every sequence accepts, how Ctrl-C arrives, and whether a person watches a
 * terminal.
 *
 * @param registry makes the registry of providers (built-in and plugins), once per command, from
 *     the command's {@code --plugins} option
 * @param decorator applies the keys every sequence entry accepts
 * @param cancelSignal how a render learns of Ctrl-C
 * @param terminal whether progress goes to a terminal (a bar redrawn in place) rather than to a
 *     log (plain lines)
 */
record CommandEnvironment(Function<PluginsOption, Registry> registry, SequenceDecorator decorator,
        CancelSignal cancelSignal, boolean terminal) {

    CommandEnvironment {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(decorator, "decorator");
        Objects.requireNonNull(cancelSignal, "cancelSignal");
    }

    /** The environment of the real {@code reel} command. */
    static CommandEnvironment standard() {
        return new CommandEnvironment(plugins -> plugins.load().registry(), new TimingDecorator(), CancelSignal.SHUTDOWN_HOOK,
                isTerminal());
    }

    /**
     * Whether the JVM talks to a terminal. Java 22 and later return a console even when output is
     * redirected and say whether it is a terminal with {@code Console.isTerminal()}, which Java 17
     * lacks: ask for it by reflection where it exists.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
