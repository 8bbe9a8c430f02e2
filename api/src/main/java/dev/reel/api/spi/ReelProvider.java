package dev.reel.api.spi;

import java.util.Optional;

/**
 * What every reel provider has: a stable lower-case name that movie scripts and the command line
 * use, and metadata with sensible defaults.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}: built-in modules declare
 * {@code provides ... with ...}, plugins do the same in their own module layer. A provider class
 * needs a public no-argument constructor (or a public static {@code provider()} method) and its
 * constructor must be cheap: heavy work (loading natives, opening files) belongs in the methods
 * that need it. Methods of a provider may be called from any thread and must be thread-safe.
 */
public interface ReelProvider {

    /**
     * The stable name, unique among providers of the same kind: lower-case letters, digits and
     * single hyphens, starting with a letter, e.g. {@code ffmpeg}, {@code camera-pan}. Never null.
     */
    String name();

    /** One line for listings such as {@code reel encoders}. Defaults to empty. */
    default String description() {
        return "";
    }

    /**
     * The version of the module (or jar) that holds this provider, if it says one: the module
     * descriptor's version, else the jar manifest's Implementation-Version.
     */
    default Optional<String> version() {
        Module m = getClass().getModule();
        if (m.isNamed() && m.getDescriptor() != null && m.getDescriptor().rawVersion().isPresent()) {
            return m.getDescriptor().rawVersion();
        }
        return Optional.ofNullable(getClass().getPackage().getImplementationVersion());
    }
}
