package dev.reel.app.plugins;

/** Why one plugin could not be loaded: a one-line message for {@code reel plugins} and warnings. */
final class PluginLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    PluginLoadException(String message) {
        super(message);
    }

    PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
