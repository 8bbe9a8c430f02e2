package dev.reel.app.plugins;

import static dev.reel.app.plugins.TestPlugins.descriptor;
import static dev.reel.app.plugins.TestPlugins.library;
import static dev.reel.app.plugins.TestPlugins.moduleJar;
import static dev.reel.app.plugins.TestPlugins.sequencePlugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.app.plugins.PluginInfo.Provided;
import dev.reel.app.plugins.PluginInfo.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins compiled here, each showing one way a plugin is loaded, skipped or reported. */
class PluginLoadingTest {
    private static final String REEL = System.getProperty("reel.version");

    @TempDir
    Path dir;

    private Plugins load(Path plugins) {
        return Plugins.load(new PluginsLocation(plugins, "test", true));
    }

    private static PluginInfo plugin(Plugins plugins, String id) {
        return plugins.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no plugin " + id + " in " + plugins.plugins()));
    }

    @Test
    void brokenIncompatibleAndDisabledPluginsAreSkippedAndTheRestWork() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path libs = Files.createDirectories(dir.resolve("libs"));
        // good: a one-jar plugin, its descriptor inside the jar.
        Path good = moduleJar(plugins.resolve("good.jar"), "1.0.0", sequencePlugin("test.good", "stripes", "\"good\""),
                Map.of("plugin.properties", descriptor("good", "1.0.0", "plugin.requires=>=0.1.0")));
        // needs-missing: a folder plugin whose module needs a library it does not bring.
        Path nowhere = moduleJar(libs.resolve("nowhere.jar"), "1.0.0", library("org.nowhere", "Nothing", ""), Map.of());
        Path needsMissing = Files.createDirectories(plugins.resolve("needs-missing"));
        Files.writeString(needsMissing.resolve("plugin.properties"), descriptor("needs-missing", "1.0.0"));
        moduleJar(needsMissing.resolve("needs-missing.jar"), "1.0.0",
                sequencePlugin("test.needsmissing", "lonely", "\"\"", "org.nowhere"), Map.of(), nowhere);
        // too-new: wants a reel that does not exist yet.
        Path tooNew = moduleJar(plugins.resolve("too-new.jar"), "3.0.0", sequencePlugin("test.toonew", "future", "\"\""),
                Map.of("plugin.properties", descriptor("too-new", "3.0.0", "plugin.requires=>=99.0.0")));
        // switched-off: listed in PF4J's disabled.txt.
        Path off = moduleJar(plugins.resolve("switched-off.jar"), "1.0.0", sequencePlugin("test.off", "quiet", "\"\""),
                Map.of("plugin.properties", descriptor("switched-off", "1.0.0")));
        Files.writeString(plugins.resolve("disabled.txt"), "# switched off by hand\nswitched-off\n");
        // no-descriptor: a module jar that is not a plugin.
        Path stray = moduleJar(plugins.resolve("stray.jar"), "1.0.0", sequencePlugin("test.stray", "stray", "\"\""), Map.of());
        // thief: claims a name another plugin already has.
        Path thief = moduleJar(plugins.resolve("thief.jar"), "1.0.0", sequencePlugin("test.thief", "stripes", "\"stolen\""),
                Map.of("plugin.properties", descriptor("thief", "1.0.0")));
        // bundles-api: brings its own copy of reel's API, which would make its providers invisible.
        Path bundlesApi = Files.createDirectories(plugins.resolve("bundles-api"));
        Files.writeString(bundlesApi.resolve("plugin.properties"), descriptor("bundles-api", "1.0.0"));
        moduleJar(bundlesApi.resolve("bundles-api.jar"), "1.0.0", sequencePlugin("test.bundlesapi", "copycat", "\"\""), Map.of());
        Files.createDirectories(bundlesApi.resolve("lib"));
        Files.copy(TestPlugins.apiLocation(), bundlesApi.resolve("lib/reel-api.jar"));

        Plugins loaded = load(plugins);

        assertEquals(List.of("bundles-api", "good", "needs-missing", "stray.jar", "switched-off", "thief", "too-new"),
                loaded.plugins().stream().map(PluginInfo::id).collect(Collectors.toList()));
        assertEquals(new PluginInfo("good", "1.0.0", State.STARTED, good,
                List.of(new Provided("sequence type", "stripes", "good")), List.of()), plugin(loaded, "good"));
        assertEquals(new PluginInfo("needs-missing", "1.0.0", State.FAILED, needsMissing, List.of(), List.of(
                "module test.needsmissing needs module org.nowhere, which is neither in the plugin nor in reel:"
                        + " put its jar in the plugin's lib/ folder")), plugin(loaded, "needs-missing"));
        assertEquals(new PluginInfo("too-new", "3.0.0", State.INCOMPATIBLE, tooNew, List.of(), List.of(
                "it requires reel >=99.0.0; this is reel " + REEL)), plugin(loaded, "too-new"));
        assertEquals(new PluginInfo("switched-off", "1.0.0", State.DISABLED, off, List.of(), List.of(
                "listed in " + plugins.resolve("disabled.txt"))), plugin(loaded, "switched-off"));
        assertEquals(new PluginInfo("stray.jar", "", State.FAILED, stray, List.of(), List.of("no plugin descriptor:"
                + " expected a plugin.properties with plugin.id and plugin.version (or a manifest with Plugin-Id and"
                + " Plugin-Version)")), plugin(loaded, "stray.jar"));
        assertEquals(new PluginInfo("thief", "1.0.0", State.STARTED, thief, List.of(), List.of(
                "sequence type 'stripes' (test.thief.Provider) ignored: the name is already taken by"
                        + " test.good.Provider from good")), plugin(loaded, "thief"));
        assertEquals(State.FAILED, plugin(loaded, "bundles-api").state());
        assertEquals(List.of("it bundles dev.reel.api (reel-api.jar), which reel provides: leave it out of the plugin"
                + " (Maven scope 'provided')"), plugin(loaded, "bundles-api").problems());

        // What works, works: the good plugin's provider is the one registered under its name.
        assertEquals("good", loaded.registry().sequenceType("stripes").description());
        assertEquals(List.of(
                "plugin bundles-api (" + bundlesApi + ") failed: " + plugin(loaded, "bundles-api").problems().get(0) + "; skipped",
                "plugin needs-missing (" + needsMissing + ") failed: " + plugin(loaded, "needs-missing").problems().get(0)
                        + "; skipped",
                "plugin stray.jar (" + stray + ") failed: " + plugin(loaded, "stray.jar").problems().get(0) + "; skipped",
                "plugin thief: " + plugin(loaded, "thief").problems().get(0),
                "plugin too-new (" + tooNew + ") incompatible: it requires reel >=99.0.0; this is reel " + REEL + "; skipped"),
                loaded.warnings());

        // The command lists all of them, exits 0, and warns on stderr about each one skipped.
        TestPlugins.Run run = TestPlugins.reel("plugins", "--plugins", plugins.toString());
        assertEquals(0, run.status());
        assertTrue(run.out().contains("too-new 3.0.0  incompatible  " + tooNew + System.lineSeparator()
                + "    error: it requires reel >=99.0.0; this is reel " + REEL), run.out());
        assertTrue(run.out().contains("switched-off 1.0.0  disabled  " + off + System.lineSeparator()
                + "    listed in "), run.out());
        assertTrue(run.out().contains("thief 1.0.0  started  " + thief + System.lineSeparator()
                + "    (no providers)" + System.lineSeparator() + "    not used: sequence type 'stripes'"), run.out());
        assertEquals(loaded.warnings().stream().map(w -> "reel: warning: " + w + System.lineSeparator())
                .collect(Collectors.joining()), run.err());
    }

    /**
     * Two plugins bundle two versions of one library module, test.greeting 1.0.0 and 2.0.0 (whose
     * API only 2.0.0 has); each runs against its own. One is a folder plugin, the other a zip.
     */
    @Test
    void twoPluginsBundleTwoVersionsOfTheSameLibrarySideBySide() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path v1 = moduleJar(work.resolve("greeting-1.0.0.jar"), "1.0.0", library("test.greeting", "Greeting",
                "public static String version() { return \"1.0.0\"; }"), Map.of());
        Path v2 = moduleJar(work.resolve("greeting-2.0.0.jar"), "2.0.0", library("test.greeting", "Greeting",
                "public static String version() { return \"2.0.0\"; }\n"
                        + "public static String shout(String s) { return s.toUpperCase(); }"), Map.of());
        String whichModule = " + \" from \" + test.greeting.Greeting.class.getModule().getDescriptor().toNameAndVersion()";

        Path one = Files.createDirectories(plugins.resolve("hello-one"));
        Files.writeString(one.resolve("plugin.properties"), descriptor("hello-one", "1.0.0"));
        moduleJar(one.resolve("hello-one.jar"), "1.0.0", sequencePlugin("test.hello.one", "hello-one",
                "\"greeting \" + test.greeting.Greeting.version()" + whichModule, "test.greeting"), Map.of(), v1);
        Files.createDirectories(one.resolve("lib"));
        Files.copy(v1, one.resolve("lib").resolve(v1.getFileName()));

        Path two = Files.createDirectories(work.resolve("hello-two"));
        Files.writeString(two.resolve("plugin.properties"), descriptor("hello-two", "1.0.0"));
        moduleJar(two.resolve("hello-two.jar"), "1.0.0", sequencePlugin("test.hello.two", "hello-two",
                "test.greeting.Greeting.shout(\"greeting \") + test.greeting.Greeting.version()" + whichModule,
                "test.greeting"), Map.of(), v2);
        Files.createDirectories(two.resolve("lib"));
        Files.copy(v2, two.resolve("lib").resolve(v2.getFileName()));
        TestPlugins.zip(two, plugins.resolve("hello-two.zip"));

        Plugins loaded = load(plugins);

        assertEquals(List.of(), loaded.warnings());
        assertEquals("greeting 1.0.0 from test.greeting@1.0.0", loaded.registry().sequenceType("hello-one").description());
        assertEquals("GREETING 2.0.0 from test.greeting@2.0.0", loaded.registry().sequenceType("hello-two").description());
        ModuleLayer layerOne = loaded.layer("hello-one").orElseThrow();
        ModuleLayer layerTwo = loaded.layer("hello-two").orElseThrow();
        Module greetingOne = layerOne.findModule("test.greeting").orElseThrow();
        Module greetingTwo = layerTwo.findModule("test.greeting").orElseThrow();
        assertEquals("1.0.0", greetingOne.getDescriptor().rawVersion().orElseThrow());
        assertEquals("2.0.0", greetingTwo.getDescriptor().rawVersion().orElseThrow());
        assertNotSame(greetingOne.getClassLoader(), greetingTwo.getClassLoader());
        assertEquals(greetingOne.getClassLoader(), layerOne.findLoader("test.hello.one"));
        assertTrue(ModuleLayer.boot().findModule("test.greeting").isEmpty());
        // The zip plugin is listed as the folder PF4J unpacked it to.
        assertEquals(plugins.resolve("hello-two"), plugin(loaded, "hello-two").path());
    }

    /** A plugin may depend on another (PF4J's plugin.dependencies) and then reads its modules. */
    @Test
    void aPluginThatDependsOnAnotherReadsItsModulesAndMissingOrWrongDependenciesAreReported() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path palette = moduleJar(plugins.resolve("palette.jar"), "1.0.0", library("test.palette", "Palette",
                "public static String favourite() { return \"teal\"; }"),
                Map.of("plugin.properties", descriptor("palette", "1.0.0")));
        moduleJar(plugins.resolve("painter.jar"), "1.0.0", sequencePlugin("test.painter", "painter",
                "\"paints in \" + test.palette.Palette.favourite()", "test.palette"),
                Map.of("plugin.properties", descriptor("painter", "1.0.0", "plugin.dependencies=palette@>=1.0.0")), palette);
        moduleJar(plugins.resolve("orphan.jar"), "1.0.0", sequencePlugin("test.orphan", "orphan", "\"\""),
                Map.of("plugin.properties", descriptor("orphan", "1.0.0", "plugin.dependencies=absent")));
        moduleJar(plugins.resolve("picky.jar"), "1.0.0", sequencePlugin("test.picky", "picky", "\"\""),
                Map.of("plugin.properties", descriptor("picky", "1.0.0", "plugin.dependencies=palette@>=2.0.0")));
        moduleJar(plugins.resolve("relaxed.jar"), "1.0.0", sequencePlugin("test.relaxed", "relaxed", "\"\""),
                Map.of("plugin.properties", descriptor("relaxed", "1.0.0", "plugin.dependencies=absent?")));

        Plugins loaded = load(plugins);

        assertEquals("paints in teal", loaded.registry().sequenceType("painter").description());
        ModuleLayer paletteLayer = loaded.layer("palette").orElseThrow();
        assertEquals(List.of(ModuleLayer.boot(), paletteLayer), loaded.layer("painter").orElseThrow().parents());
        assertEquals(List.of(), plugin(loaded, "palette").providers());
        assertEquals(State.STARTED, plugin(loaded, "relaxed").state());
        assertEquals(List.of("it needs plugin 'absent', which is not installed"), plugin(loaded, "orphan").problems());
        assertEquals(List.of("it needs plugin 'palette' >=2.0.0, but version 1.0.0 is installed"),
                plugin(loaded, "picky").problems());
        assertFalse(loaded.layer("picky").isPresent());
    }

    /**
     * A child layer can read only the JDK modules already in the boot layer: a plugin that needs
     * one reel was not started with (here jdk.httpserver; reel itself resolves jdk.unsupported, which JavaCPP needs) fails with the fix
     * in its message, and works once reel is started with it. Only a child JVM shows this: the
     * test JVM, whose main class is on the class path, has every JDK module in its boot layer.
     */
    @Test
    void aPluginNeedingAJdkModuleSaysWhichOneToAddAndStartsOnceItIsAdded() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = moduleJar(plugins.resolve("cards.jar"), "1.0.0", sequencePlugin("test.cards", "cards",
                "com.sun.net.httpserver.HttpServer.class.getModule().getName()", "jdk.httpserver"),
                Map.of("plugin.properties", descriptor("cards", "1.0.0")));

        TestPlugins.Run without = TestPlugins.reelProcess(List.of(), "plugins", "--plugins", plugins.toString());
        String error = "module test.cards needs the JDK module jdk.httpserver, which reel was not started with:"
                + " add '--add-modules jdk.httpserver' to reel's Java options (a plugin cannot add a JDK module itself)";
        assertEquals(0, without.status(), without.err());
        assertTrue(without.out().contains("cards 1.0.0  failed  " + jar + System.lineSeparator() + "    error: " + error),
                without.out());
        assertEquals("reel: warning: plugin cards (" + jar + ") failed: " + error + "; skipped" + System.lineSeparator(),
                without.err());

        TestPlugins.Run with = TestPlugins.reelProcess(List.of("--add-modules", "jdk.httpserver"),
                "plugins", "--plugins", plugins.toString());
        assertEquals(0, with.status(), with.err());
        assertTrue(with.out().contains("cards 1.0.0  started  " + jar + System.lineSeparator()
                + "    sequence type cards: jdk.httpserver"), with.out());
        assertEquals("", with.err());
    }

    @Test
    void aMissingDefaultDirectoryMeansNoPlugins() {
        Plugins none = Plugins.load(new PluginsLocation(dir.resolve("plugins"), "the distribution", false));
        assertEquals(List.of(), none.plugins());
        assertEquals(List.of(), none.warnings());
        assertEquals(List.of(), none.registry().problems());
    }

    @Test
    void aDirectoryWithoutJarsZipsOrFoldersHoldsNoPluginsAndAJarBesideItsFilesIsOne() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("README.txt"), "drop plugins here\n");
        Files.writeString(plugins.resolve("disabled.txt"), "stripes\n");
        Plugins none = load(plugins);
        assertEquals(List.of(), none.plugins());
        assertEquals(List.of(), none.warnings());
        assertEquals(List.of(), none.registry().problems());

        moduleJar(plugins.resolve("good.jar"), "1.0.0", sequencePlugin("test.good", "stripes", "\"\""),
                Map.of("plugin.properties", descriptor("good", "1.0.0")));
        Plugins one = load(plugins);
        assertEquals(State.STARTED, plugin(one, "good").state(), plugin(one, "good").problems().toString());
    }

    @Test
    void aJarWhoseExtensionIsNotLowerCaseIsReportedWithTheRenameThatFixesIt() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = moduleJar(plugins.resolve("Loud.JAR"), "1.0.0", sequencePlugin("test.loud", "loud", "\"\""),
                Map.of("plugin.properties", descriptor("loud", "1.0.0")));
        Plugins loaded = load(plugins);
        assertEquals(State.FAILED, plugin(loaded, "loud").state());
        assertEquals(List.of(jar + ": Java reads modules only from files whose names end in '.jar' in lower case;"
                + " rename it to Loud.jar"), plugin(loaded, "loud").problems());

        Files.move(jar, plugins.resolve("Loud.jar"));
        assertEquals(State.STARTED, plugin(load(plugins), "loud").state());
    }

    @Test
    void pluginsCannotLoadWhenReelRunsOnTheClassPath() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        moduleJar(plugins.resolve("good.jar"), "1.0.0", sequencePlugin("test.good", "stripes", "\"\""),
                Map.of("plugin.properties", descriptor("good", "1.0.0")));
        Plugins loaded = Plugins.load(new PluginsLocation(plugins, "test", true), new ReelVersion("0.1.0"), null);
        assertEquals(State.FAILED, plugin(loaded, "good").state());
        assertTrue(plugin(loaded, "good").problems().get(0).startsWith("reel runs on the class path"));
    }

    @Test
    void aDescriptorWithoutAVersionOrWithABadReelRangeIsReported() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        moduleJar(plugins.resolve("a.jar"), "1.0.0", sequencePlugin("test.a", "a", "\"\""),
                Map.of("plugin.properties", "plugin.id=no-version\n"));
        moduleJar(plugins.resolve("b.jar"), "1.0.0", sequencePlugin("test.b", "b", "\"\""),
                Map.of("plugin.properties", descriptor("bad-range", "1.0.0", "plugin.requires=>=zero")));
        moduleJar(plugins.resolve("c.jar"), "1.0.0", sequencePlugin("test.c", "c", "\"\""),
                Map.of("plugin.properties", descriptor("twice", "1.0.0")));
        moduleJar(plugins.resolve("d.jar"), "1.0.0", sequencePlugin("test.d", "d", "\"\""),
                Map.of("plugin.properties", descriptor("twice", "1.0.0")));
        Plugins loaded = load(plugins);
        assertEquals(List.of("plugin.properties has no plugin.version"), plugin(loaded, "no-version").problems());
        assertTrue(plugin(loaded, "bad-range").problems().get(0)
                .startsWith("its required reel version '>=zero' is not a version range such as >=0.1.0"),
                plugin(loaded, "bad-range").problems().toString());
        List<PluginInfo> twice = loaded.plugins().stream().filter(p -> p.id().equals("twice")).collect(Collectors.toList());
        assertEquals(List.of(State.STARTED, State.FAILED), twice.stream().map(PluginInfo::state).collect(Collectors.toList()));
        assertEquals(List.of("another plugin has the id 'twice': " + plugins.resolve("c.jar")), twice.get(1).problems());
    }
}
