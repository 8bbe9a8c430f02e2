package dev.reel.app.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What became of one plugin found in the plugins directory.
 *
 * @param id the plugin's id from its descriptor, or the file name when it has no readable descriptor
 * @param version its version from its descriptor, or empty when unknown
 * @param state what reel did with it
 * @param path the plugin's jar or folder (a zip is listed as the folder PF4J unpacked it to)
 * @param providers the providers reel uses from it, in registration order; empty unless started
 * @param problems why it was skipped (one line, for a failed or incompatible plugin), and any of
 *     its providers that reel did not use (a name already taken, a provider that failed to load)
 */
public record PluginInfo(String id, String version, State state, Path path, List<Provided> providers,
        List<String> problems) {

    /** What reel did with a plugin. */
    public enum State {
        /** Loaded into its own module layer; its providers are in the registry. */
        STARTED,
        /** Switched off in {@code disabled.txt} (or left out of a non-empty {@code enabled.txt}). */
        DISABLED,
        /** Its descriptor asks for other reel versions; not loaded. */
        INCOMPATIBLE,
        /** Could not be loaded: bad descriptor, missing dependency or module, bad jar. */
        FAILED;

        /** The lower-case word listings use, e.g. {@code started}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One provider a plugin contributes.
     *
     * @param kind {@code encoder}, {@code sequence type} or {@code frame source}
     * @param name the name scripts use, e.g. {@code y4m}
     * @param description the provider's one-line description, possibly empty
     */
    public record Provided(String kind, String name, String description) {
        public Provided {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(path, "path");
        providers = List.copyOf(providers);
        problems = List.copyOf(problems);
    }

    /** Whether reel uses this plugin's providers. */
    public boolean started() {
        return state == State.STARTED;
    }
}
