package dev.reel.app.plugins;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCppSearchTest {
    @TempDir
    Path home;

    private Path natives;

    @BeforeEach
    void distribution() throws Exception {
        natives = Files.createDirectories(home.resolve("lib/native"));
    }

    @Test
    void theDistributionsUnpackedNativesOnTheLibraryPathNeedNoSearch() {
        String path = "/usr/lib64" + File.pathSeparator + natives + File.pathSeparator + "/usr/lib";
        assertTrue(JavaCppSearch.canSkip(null, home.toString(), path, List.of()));
        // The same folder, named another way.
        String other = home.resolve("lib/../lib/native").toString();
        assertTrue(JavaCppSearch.canSkip(null, home.toString(), other, List.of()));
    }

    @Test
    void aPluginWithJavaCppClassesKeepsTheSearch() {
        String path = natives.toString();
        ModuleLayer javaCpp = layer("some.preset", "org.bytedeco.someLibrary.global");
        ModuleLayer other = layer("plain.plugin", "com.example.plugin");
        assertFalse(JavaCppSearch.canSkip(null, home.toString(), path, List.of(other, javaCpp)));
        assertTrue(JavaCppSearch.canSkip(null, home.toString(), path, List.of(other)));
        // Only org.bytedeco and its subpackages count.
        assertTrue(JavaCppSearch.canSkip(null, home.toString(), path, List.of(layer("near.miss", "org.bytedecoy"))));
    }

    @Test
    void theSearchStaysWhereTheNativesAreNotOnTheLibraryPathOrTheUserChose() throws Exception {
        // The user's own setting stands, true or false.
        assertFalse(JavaCppSearch.canSkip("true", home.toString(), natives.toString(), List.of()));
        assertFalse(JavaCppSearch.canSkip("false", home.toString(), natives.toString(), List.of()));
        // Not run from a distribution, or its natives are not on the path (a user's own path).
        assertFalse(JavaCppSearch.canSkip(null, null, natives.toString(), List.of()));
        assertFalse(JavaCppSearch.canSkip(null, home.toString(), "/usr/lib64" + File.pathSeparator + "/usr/lib", List.of()));
        assertFalse(JavaCppSearch.canSkip(null, home.toString(), "", List.of()));
        assertFalse(JavaCppSearch.canSkip(null, home.toString(), null, List.of()));
        // The pure-Java distribution: no lib/native at all.
        Files.delete(natives);
        assertFalse(JavaCppSearch.canSkip(null, home.toString(), natives.toString(), List.of()));
    }

    /** A layer of one module with one package and no classes, as a plugin's layer over the boot layer. */
    private static ModuleLayer layer(String name, String pkg) {
        ModuleDescriptor descriptor = ModuleDescriptor.newModule(name).packages(Set.of(pkg)).build();
        ModuleReference reference = new ModuleReference(descriptor, URI.create("file:///" + name)) {
            @Override
            public ModuleReader open() {
                return new ModuleReader() {
                    @Override
                    public Optional<URI> find(String resource) {
                        return Optional.empty();
                    }

                    @Override
                    public Stream<String> list() {
                        return Stream.empty();
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String module) {
                return module.equals(name) ? Optional.of(reference) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.of(reference);
            }
        };
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolve(finder, ModuleFinder.of(), Set.of(name));
        return boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    }
}
