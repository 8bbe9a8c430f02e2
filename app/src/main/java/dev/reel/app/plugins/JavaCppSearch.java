package dev.reel.app.plugins;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * Whether JavaCPP searches the modules for native libraries, decided once the plugins are loaded
 * and before anything loads FFmpeg.
 *
 * <p>JavaCPP looks for each library it loads in every module of the module path, under several
 * names and folders, before it tries {@code java.library.path}: for FFmpeg, about 470 look-ups that
 * find nothing, each through every module of the boot layer, and a check of the copies it extracts
 * to {@code ~/.javacpp/cache}. The reel distribution keeps FFmpeg's libraries unpacked in
 * {@code lib/native}, which {@code bin/reel} puts on {@code java.library.path}; with the search off
 * ({@code org.bytedeco.javacpp.findLibraries=false}) JavaCPP loads them from there directly. Measured
 * on 2 cores: a render starts 0.1 s sooner, with 0.2 s less CPU (BENCHMARKS.md).
 *
 * <p>The search stays on where it is needed or chosen: outside the distribution, where the natives
 * are in jars; when {@code java.library.path} does not lead to {@code lib/native} (a user's own
 * path); when the user set the property; and when a started plugin has a package under
 * {@code org.bytedeco}, since JavaCPP libraries a plugin brings are found only in its jars.
 * FFmpeg's libraries still load then, from {@code java.library.path}, where JavaCPP falls back to
 * after its search.
 */
final class JavaCppSearch {
    /** JavaCPP's switch, read once when its {@code Loader} class is initialised. */
    static final String FIND_LIBRARIES = "org.bytedeco.javacpp.findLibraries";

    private JavaCppSearch() {
    }

    /** Turns JavaCPP's search off where {@link #canSkip} says so. */
    static void configure(Collection<ModuleLayer> pluginLayers) {
        if (canSkip(System.getProperty(FIND_LIBRARIES), System.getProperty(PluginsLocation.HOME_PROPERTY),
                System.getProperty("java.library.path"), pluginLayers)) {
            System.setProperty(FIND_LIBRARIES, "false");
        }
    }

    /**
     * Whether reel may turn JavaCPP's search off: the user left it alone, reel runs from a
     * distribution whose {@code lib/native} is on {@code java.library.path}, and no started plugin
     * has a package under {@code org.bytedeco}.
     *
     * @param chosen the property's value, if the user set it (then it stands)
     * @param home the distribution's folder, or null when reel does not run from one
     * @param libraryPath {@code java.library.path}
     * @param pluginLayers the layers of the started plugins
     */
    static boolean canSkip(String chosen, String home, String libraryPath, Collection<ModuleLayer> pluginLayers) {
        if (chosen != null || home == null || libraryPath == null) {
            return false;
        }
        Path natives;
        try {
            natives = Path.of(home, "lib", "native");
        } catch (InvalidPathException e) {
            return false;
        }
        if (!Files.isDirectory(natives) || !onPath(natives, libraryPath)) {
            return false;
        }
        return pluginLayers.stream().flatMap(layer -> layer.modules().stream())
                .map(Module::getDescriptor).filter(Objects::nonNull)
                .noneMatch(JavaCppSearch::bringsJavaCpp);
    }

    /** Whether a plugin's module has a package of JavaCPP or of its presets (all under org.bytedeco). */
    static boolean bringsJavaCpp(ModuleDescriptor module) {
        return module.packages().stream().anyMatch(p -> p.equals("org.bytedeco") || p.startsWith("org.bytedeco."));
    }

    private static boolean onPath(Path folder, String libraryPath) {
        for (String entry : libraryPath.split(File.pathSeparator)) {
            try {
                if (!entry.isEmpty() && Files.isSameFile(Path.of(entry), folder)) {
                    return true;
                }
            } catch (IOException | InvalidPathException e) {
                // Not this entry: a folder that does not exist, or a name that is none.
            }
        }
        return false;
    }
}
