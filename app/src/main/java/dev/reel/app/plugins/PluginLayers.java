package dev.reel.app.plugins;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns one plugin's files into a {@link ModuleLayer} of its own: every module of the plugin is
 * resolved against the parent layers (reel's boot layer, and the layers of the plugins it depends
 * on) and defined to one new class loader. A library a plugin bundles therefore shadows another
 * plugin's copy of it, and two plugins may bundle two versions of the same module side by side.
 *
 * <p>Stateless; safe to call from any thread.
 */
final class PluginLayers {
    /** The module whose types reel and its plugins must share; a plugin may never bring its own. */
    static final String API_MODULE = "dev.reel.api";

    private PluginLayers() {
    }

    /**
     * The module files of a plugin, in a fixed order: a jar plugin is its jar; a folder plugin
     * (PF4J's layout, also what a zip plugin unpacks to) is its {@code classes/} folder when that
     * holds a {@code module-info.class}, the jars in the folder itself and those in {@code lib/}.
     */
    static List<Path> moduleFiles(Path plugin) throws PluginLoadException {
        if (!Files.isDirectory(plugin)) {
            return List.of(lowerCaseJar(plugin));
        }
        List<Path> files = new ArrayList<>();
        Path classes = plugin.resolve("classes");
        if (Files.isDirectory(classes)) {
            if (!Files.isRegularFile(classes.resolve("module-info.class"))) {
                throw new PluginLoadException(classes + " has no module-info.class; a plugin's code must be"
                        + " a module: a jar, or classes/ compiled with its module-info.java");
            }
            files.add(classes);
        }
        files.addAll(jars(plugin));
        files.addAll(jars(plugin.resolve("lib")));
        if (files.isEmpty()) {
            throw new PluginLoadException("no jar in " + plugin + " or its lib/ folder");
        }
        for (Path file : files) {
            if (file != classes) {
                lowerCaseJar(file);
            }
        }
        return files;
    }

    /**
     * The jar itself, when its name ends in {@code .jar}; PF4J also takes {@code .JAR}, which
     * Java's module finder refuses with only "Module format not recognized".
     */
    private static Path lowerCaseJar(Path jar) throws PluginLoadException {
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar") && name.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            throw new PluginLoadException(jar + ": Java reads modules only from files whose names end in"
                    + " '.jar' in lower case; rename it to " + name.substring(0, name.length() - 4) + ".jar");
        }
        return jar;
    }

    private static List<Path> jars(Path folder) throws PluginLoadException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new PluginLoadException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Resolves the plugin's modules (all of them are roots) against the parents and defines them
     * to one new class loader, whose parent is the platform class loader so that nothing from a
     * class path leaks into plugins.
     *
     * @param files the plugin's module files, from {@link #moduleFiles}
     * @param parents reel's layer first, then the layers of the plugins it depends on
     * @throws PluginLoadException naming the jar or module at fault and what to do about it
     */
    static ModuleLayer define(List<Path> files, List<ModuleLayer> parents) throws PluginLoadException {
        ModuleFinder finder = ModuleFinder.of(files.toArray(Path[]::new));
        Set<ModuleReference> modules;
        try {
            modules = finder.findAll();
        } catch (FindException e) {
            throw new PluginLoadException(message(e), e);
        }
        Set<String> roots = new TreeSet<>();
        for (ModuleReference m : modules) {
            String name = m.descriptor().name();
            if (name.equals(API_MODULE)) {
                throw new PluginLoadException("it bundles " + API_MODULE + " (" + location(m)
                        + "), which reel provides: leave it out of the plugin (Maven scope 'provided')");
            }
            roots.add(name);
        }
        checkRequires(modules, finder, parents);
        try {
            Configuration cf = Configuration.resolve(finder,
                    parents.stream().map(ModuleLayer::configuration).collect(Collectors.toList()),
                    ModuleFinder.of(), roots);
            return ModuleLayer.defineModulesWithOneLoader(cf, parents, ClassLoader.getPlatformClassLoader()).layer();
        } catch (FindException | ResolutionException | LayerInstantiationException | SecurityException e) {
            throw new PluginLoadException(message(e), e);
        }
    }

    /**
     * Reports a missing module before the resolver does, with the fix: a JDK module a child layer
     * cannot add (only the boot layer holds system modules), or a library missing from lib/.
     */
    private static void checkRequires(Set<ModuleReference> modules, ModuleFinder finder, List<ModuleLayer> parents)
            throws PluginLoadException {
        for (ModuleReference m : modules) {
            for (ModuleDescriptor.Requires r : m.descriptor().requires()) {
                String name = r.name();
                if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) || finder.find(name).isPresent()
                        || parents.stream().anyMatch(p -> p.findModule(name).isPresent())) {
                    continue;
                }
                if (ModuleFinder.ofSystem().find(name).isPresent()) {
                    throw new PluginLoadException("module " + m.descriptor().name() + " needs the JDK module " + name
                            + ", which reel was not started with: add '--add-modules " + name
                            + "' to reel's Java options (a plugin cannot add a JDK module itself)");
                }
                throw new PluginLoadException("module " + m.descriptor().name() + " needs module " + name
                        + ", which is neither in the plugin nor in reel: put its jar in the plugin's lib/ folder");
            }
        }
    }

    private static String location(ModuleReference m) {
        return m.location().map(u -> Path.of(u).getFileName().toString()).orElse(m.descriptor().name());
    }

    private static String message(Exception e) {
        // FindException wraps the real reason (a bad jar, an invalid automatic module name).
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(": ").append(t.getMessage());
        }
        return sb.toString();
    }
}
