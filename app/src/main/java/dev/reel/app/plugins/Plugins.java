package dev.reel.app.plugins;

import dev.reel.api.Registry;
import dev.reel.api.spi.ReelProvider;
import dev.reel.app.plugins.PluginInfo.Provided;
import dev.reel.app.plugins.PluginInfo.State;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginRepository;
import org.pf4j.DefaultPluginStatusProvider;
import org.pf4j.DefaultVersionManager;
import org.pf4j.DependencyResolver;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.VersionManager;
import org.pf4j.util.FileUtils;

/**
 * The plugins of one plugins directory, loaded, and the {@link Registry} of every provider reel
 * can use: the built-in ones first, then those of each started plugin, in order of plugin id.
 *
 * <p>PF4J does what it is made for: it finds the plugins (jars, folders, and zips it unpacks into
 * folders), reads their descriptors ({@code plugin.properties} or the manifest: id, version, the
 * reel versions they require, their dependencies), applies {@code enabled.txt} and
 * {@code disabled.txt}, checks versions and resolves dependencies. reel loads each plugin itself,
 * into a {@link ModuleLayer} of its own ({@link PluginLayers}) whose parents are reel's layer and
 * the layers of the plugins it depends on, and finds its providers with {@code ServiceLoader} on
 * that layer. PF4J's own class loaders are not used: they would put plugins in unnamed modules.
 *
 * <p>Loading never fails because of a plugin: a broken or incompatible one is skipped and
 * reported in {@link #plugins()} and {@link #warnings()}; so is a provider whose name is taken.
 * Immutable and thread-safe once loaded.
 */
public final class Plugins {
    /** The origin of reel's own providers in the registry. */
    static final String BUILT_IN = "built-in";

    private final PluginsLocation location;
    private final List<PluginInfo> plugins;
    private final Map<String, ModuleLayer> layers;
    private final Registry registry;

    private Plugins(PluginsLocation location, List<PluginInfo> plugins, Map<String, ModuleLayer> layers,
            Registry registry) {
        this.location = location;
        this.plugins = List.copyOf(plugins);
        this.layers = Map.copyOf(layers);
        this.registry = registry;
    }

    /**
     * Loads the plugins of a directory. A default directory that does not exist means no plugins.
     *
     * @throws IllegalArgumentException if the directory was named explicitly ({@code --plugins},
     *     {@code REEL_PLUGINS}) and is not an existing directory
     */
    public static Plugins load(PluginsLocation location) {
        return load(location, ReelVersion.current(), Registry.class.getModule().getLayer());
    }

    /** As {@link #load(PluginsLocation)}, against a given reel version and parent layer (null: class path). */
    static Plugins load(PluginsLocation location, ReelVersion reel, ModuleLayer base) {
        Path root = location.directory();
        if (!Files.isDirectory(root)) {
            if (location.explicit()) {
                throw new IllegalArgumentException("plugins directory " + location
                        + (Files.exists(root) ? " is not a directory" : " does not exist"));
            }
            return builtInOnly(location);
        }
        if (!mayHoldPlugins(root)) {
            // The distribution's plugins/ as shipped (a README only): nothing for PF4J to look at,
            // and its repositories would cost every command 15 to 30 ms of start-up.
            return builtInOnly(location);
        }
        List<Candidate> candidates = discover(root);
        VersionManager versions = new DefaultVersionManager();
        checkDescriptors(candidates, root, reel, versions);
        checkDependencies(candidates, versions);
        start(candidates, base);
        return assemble(location, candidates);
    }

    /** The directory these plugins come from. */
    public PluginsLocation location() {
        return location;
    }

    /** Every plugin found, started or not, in order of id. */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** The built-in providers, then those of the started plugins. */
    public Registry registry() {
        return registry;
    }

    /** The module layers of the started plugins. */
    Collection<ModuleLayer> layers() {
        return layers.values();
    }

    /** The module layer of a started plugin. */
    public Optional<ModuleLayer> layer(String pluginId) {
        return Optional.ofNullable(layers.get(pluginId));
    }

    /**
     * One line for each plugin that was skipped (failed or incompatible, not disabled) and for each
     * provider of a started plugin that reel does not use, for a command to print on stderr.
     */
    public List<String> warnings() {
        List<String> lines = new ArrayList<>();
        for (PluginInfo p : plugins) {
            if (p.state() == State.FAILED || p.state() == State.INCOMPATIBLE) {
                lines.add("plugin " + p.id() + " (" + p.path() + ") " + p.state().word() + ": " + p.problems().get(0)
                        + "; skipped");
            } else if (p.started()) {
                p.problems().forEach(problem -> lines.add("plugin " + p.id() + ": " + problem));
            }
        }
        return lines;
    }

    private static Plugins builtInOnly(PluginsLocation location) {
        return new Plugins(location, List.of(), Map.of(), builtIns().build());
    }

    private static Registry.Builder builtIns() {
        return Registry.builder().addClassLoader(Registry.class.getClassLoader(), BUILT_IN);
    }

    /** What is known of one plugin while loading; confined to the loading thread. */
    private static final class Candidate {
        final Path path;
        /** The id it declares, even in a descriptor that is otherwise invalid. */
        String declaredId;
        PluginDescriptor descriptor;
        State state;
        String problem;
        ModuleLayer layer;

        Candidate(Path path) {
            this.path = path;
        }

        String id() {
            return declaredId != null ? declaredId : path.getFileName().toString();
        }

        boolean pending() {
            return state == null;
        }

        void skip(State why, String message) {
            state = why;
            problem = message;
        }
    }

    /**
     * Whether a directory has an entry PF4J's repositories would take as a plugin: a folder, a jar
     * or a zip. True when it cannot be listed, so that discovery reports why.
     */
    private static boolean mayHoldPlugins(Path directory) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isDirectory(entry) || name.endsWith(".jar") || name.endsWith(".zip")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** The plugin paths PF4J's repositories list (jars and folders), zips unpacked first. */
    private static List<Candidate> discover(Path root) {
        List<Candidate> found = new ArrayList<>();
        // PF4J's folder repository unpacks zips too, but only logs a failure: unpack them here to report it.
        try (Stream<Path> files = Files.list(root)) {
            for (Path zip : files.filter(FileUtils::isZipFile).sorted().collect(Collectors.toList())) {
                try {
                    FileUtils.expandIfZip(zip);
                } catch (IOException | RuntimeException e) {
                    Candidate c = new Candidate(zip);
                    c.skip(State.FAILED, "cannot unpack it: " + e);
                    found.add(c);
                }
            }
        } catch (IOException e) {
            Candidate c = new Candidate(root);
            c.skip(State.FAILED, "cannot list the plugins directory: " + e);
            return List.of(c);
        }
        List<Path> paths = new CompoundPluginRepository()
                .add(new JarPluginRepository(root))
                .add(new DefaultPluginRepository(root))
                .getPluginPaths();
        paths.stream().sorted(Comparator.comparing(p -> p.getFileName().toString()))
                .forEach(p -> found.add(new Candidate(p)));
        return found;
    }

    private static void checkDescriptors(List<Candidate> candidates, Path root, ReelVersion reel,
            VersionManager versions) {
        DefaultPluginStatusProvider status = new DefaultPluginStatusProvider(root);
        Map<String, Candidate> ids = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (!c.pending()) {
                continue;
            }
            try {
                c.descriptor = readDescriptor(c, versions);
            } catch (PluginLoadException e) {
                c.skip(State.FAILED, e.getMessage());
                continue;
            }
            Candidate first = ids.putIfAbsent(c.id(), c);
            if (first != null) {
                c.skip(State.FAILED, "another plugin has the id '" + c.id() + "': " + first.path);
            } else if (c.id().equals(BUILT_IN)) {
                c.skip(State.FAILED, "the id '" + BUILT_IN + "' is reserved for reel's own providers");
            } else if (status.isPluginDisabled(c.id())) {
                Path disabled = status.getDisabledFilePath();
                c.skip(State.DISABLED, listed(disabled, c.id()) ? "listed in " + disabled
                        : "not listed in " + status.getEnabledFilePath());
            } else {
                checkRequires(c, reel, versions);
            }
        }
    }

    private static boolean listed(Path file, String id) {
        try {
            return Files.exists(file) && FileUtils.readLines(file, true).contains(id);
        } catch (IOException e) {
            return false;
        }
    }

    /** PF4J's rule: an exact version {@code 0.1.0} means that version or later. */
    private static void checkRequires(Candidate c, ReelVersion reel, VersionManager versions) {
        String requires = c.descriptor.getRequires().trim();
        String range = requires.matches("\\d+\\.\\d+\\.\\d+") ? ">=" + requires : requires;
        boolean ok;
        try {
            ok = versions.checkVersionConstraint(reel.release(), range);
        } catch (RuntimeException e) {
            c.skip(State.FAILED, "its required reel version '" + requires
                    + "' is not a version range such as >=0.1.0 (" + e.getMessage() + ")");
            return;
        }
        if (!ok) {
            c.skip(State.INCOMPATIBLE, "it requires reel " + requires + "; this is reel " + reel);
        }
    }

    /** The plugin's descriptor, valid; its id is noted in the candidate as soon as it is read. */
    private static PluginDescriptor readDescriptor(Candidate c, VersionManager versions) throws PluginLoadException {
        Path path = c.path;
        PluginDescriptor d = tryFind(new PropertiesPluginDescriptorFinder(), path);
        String id = "plugin.id";
        String version = "plugin.version";
        String where = "plugin.properties";
        if (d == null) {
            d = tryFind(new ManifestPluginDescriptorFinder(), path);
            if (d == null || isBlank(d.getPluginId())) {
                throw new PluginLoadException("no plugin descriptor: expected a plugin.properties with plugin.id and"
                        + " plugin.version (or a manifest with Plugin-Id and Plugin-Version)");
            }
            id = "Plugin-Id";
            version = "Plugin-Version";
            where = "the manifest";
        }
        if (isBlank(d.getPluginId())) {
            throw new PluginLoadException(where + " has no " + id);
        }
        c.declaredId = d.getPluginId();
        if (isBlank(d.getVersion())) {
            throw new PluginLoadException(where + " has no " + version);
        }
        try {
            versions.compareVersions(d.getVersion(), "0.0.0");
        } catch (RuntimeException e) {
            throw new PluginLoadException(where + ": " + version + " '" + d.getVersion()
                    + "' is not a semantic version such as 1.0.0");
        }
        return d;
    }

    private static PluginDescriptor tryFind(PluginDescriptorFinder finder, Path path) {
        try {
            return finder.isApplicable(path) ? finder.find(path) : null;
        } catch (RuntimeException e) {
            // This kind of descriptor is absent or unreadable; the caller tries the other or reports none.
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** PF4J's dependency resolver: missing plugins, wrong versions and cycles fail their dependents. */
    private static void checkDependencies(List<Candidate> candidates, VersionManager versions) {
        Map<String, Candidate> all = new LinkedHashMap<>();
        candidates.stream().filter(c -> c.descriptor != null).forEach(c -> all.putIfAbsent(c.id(), c));
        List<Candidate> pending = candidates.stream().filter(Candidate::pending).collect(Collectors.toList());
        DependencyResolver.Result result;
        try {
            result = new DependencyResolver(versions)
                    .resolve(pending.stream().map(c -> c.descriptor).collect(Collectors.toList()));
        } catch (RuntimeException e) {
            pending.stream().filter(c -> !c.descriptor.getDependencies().isEmpty())
                    .forEach(c -> c.skip(State.FAILED, "its dependencies cannot be checked: " + e.getMessage()));
            return;
        }
        for (DependencyResolver.WrongDependencyVersion w : result.getWrongVersionDependencies()) {
            Candidate c = all.get(w.getDependentId());
            if (c != null && c.pending()) {
                c.skip(State.FAILED, "it needs plugin '" + w.getDependencyId() + "' " + w.getRequiredVersion()
                        + ", but version " + w.getExistingVersion() + " is installed");
            }
        }
        if (result.hasCyclicDependency()) {
            pending.stream().filter(Candidate::pending)
                    .filter(c -> c.descriptor.getDependencies().stream().anyMatch(d -> !d.isOptional()))
                    .forEach(c -> c.skip(State.FAILED, "the plugins' dependencies form a cycle"));
        }
        // Dependencies that are missing, disabled or broken are reported when the dependent starts.
    }

    private static void start(List<Candidate> candidates, ModuleLayer base) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        candidates.stream().filter(c -> c.declaredId != null).forEach(c -> byId.putIfAbsent(c.id(), c));
        List<Candidate> order = candidates.stream().filter(Candidate::pending)
                .sorted(Comparator.comparing(Candidate::id)).collect(Collectors.toList());
        for (Candidate c : order) {
            start(c, byId, base, new HashSet<>());
        }
    }

    /** Starts a plugin after the plugins it depends on, whose layers become parents of its own. */
    private static void start(Candidate c, Map<String, Candidate> byId, ModuleLayer base, Set<String> starting) {
        if (!c.pending() || !starting.add(c.id())) {
            return;
        }
        if (base == null) {
            c.skip(State.FAILED, "reel runs on the class path; plugins load only when reel runs on the module path"
                    + " (java -p lib -m dev.reel.app)");
            return;
        }
        List<ModuleLayer> parents = new ArrayList<>(List.of(base));
        for (PluginDependency dependency : c.descriptor.getDependencies()) {
            Candidate d = byId.get(dependency.getPluginId());
            if (d != null) {
                start(d, byId, base, starting);
            }
            if (d != null && d.state == State.STARTED) {
                parents.add(d.layer);
            } else if (!dependency.isOptional()) {
                c.skip(State.FAILED, "it needs plugin '" + dependency.getPluginId() + "', which " + (d == null
                        ? "is not installed" : d.pending() ? "depends on it" : d.state == State.FAILED
                        ? "failed to load" : "is " + d.state.word()));
                return;
            }
        }
        try {
            c.layer = PluginLayers.define(PluginLayers.moduleFiles(c.path), parents);
            c.state = State.STARTED;
        } catch (PluginLoadException e) {
            c.skip(State.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            // Whatever the module system throws for one plugin must not stop the others.
            c.skip(State.FAILED, e.toString());
        }
    }

    private static Plugins assemble(PluginsLocation location, List<Candidate> candidates) {
        List<Candidate> sorted = candidates.stream()
                .sorted(Comparator.comparing(Candidate::id).thenComparing(c -> c.path))
                .collect(Collectors.toList());
        Registry.Builder builder = builtIns();
        Map<String, ModuleLayer> layers = new LinkedHashMap<>();
        for (Candidate c : sorted) {
            if (c.state == State.STARTED) {
                builder.addLayer(c.layer, c.id());
                layers.put(c.id(), c.layer);
            }
        }
        Registry registry = builder.build();
        List<PluginInfo> infos = new ArrayList<>();
        for (Candidate c : sorted) {
            List<Provided> provided = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            if (c.problem != null) {
                problems.add(c.problem);
            }
            if (c.state == State.STARTED) {
                collect(provided, "encoder", registry.encoders(), c.id());
                collect(provided, "sequence type", registry.sequenceTypes(), c.id());
                collect(provided, "frame source", registry.frameSources(), c.id());
                registry.problems().stream().filter(p -> p.origin().equals(c.id()))
                        .forEach(p -> problems.add(p.message()));
            }
            infos.add(new PluginInfo(c.id(), c.descriptor != null ? c.descriptor.getVersion() : "",
                    c.state, c.path, provided, problems));
        }
        return new Plugins(location, infos, layers, registry);
    }

    private static <P extends ReelProvider> void collect(List<Provided> into, String kind,
            List<Registry.Entry<P>> entries, String origin) {
        for (Registry.Entry<P> e : entries) {
            if (e.origin().equals(origin)) {
                into.add(new Provided(kind, e.name(), describe(e.provider())));
            }
        }
    }

    private static String describe(ReelProvider p) {
        try {
            String d = p.description();
            return d != null ? d : "";
        } catch (RuntimeException | LinkageError e) {
            // A listing must not fail because a plugin's description does.
            return "";
        }
    }
}
