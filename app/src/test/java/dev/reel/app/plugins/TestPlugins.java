package dev.reel.app.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.Registry;
import dev.reel.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine;

/** Builds plugins for tests (javac and jar, in-process) and runs the real reel command. */
final class TestPlugins {
    private TestPlugins() {
    }

    /** What a run of the reel command printed and returned. */
    record Run(int status, String out, String err) {
    }

    /** reel's API jar (or classes), which plugins compile against. */
    static Path apiLocation() throws Exception {
        return Path.of(Registry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /**
     * Compiles a module and jars it with a module version.
     *
     * @param sources file path (relative to the source root, {@code module-info.java} included) to text
     * @param resources extra files for the jar, path to text (e.g. {@code plugin.properties})
     * @param modulePath what it compiles against besides reel's API
     */
    static Path moduleJar(Path jar, String version, Map<String, String> sources, Map<String, String> resources,
            Path... modulePath) throws Exception {
        Path work = Files.createTempDirectory("reel-plugin-build");
        try {
            Path src = work.resolve("src");
            Path classes = work.resolve("classes");
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path f = src.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                files.add(f.toString());
            }
            for (Map.Entry<String, String> e : resources.entrySet()) {
                Path f = classes.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
            List<String> path = new ArrayList<>(List.of(apiLocation().toString()));
            Stream.of(modulePath).map(Path::toString).forEach(path::add);
            // -proc:none: pf4j, on this JVM's module path, registers an annotation processor.
            List<String> args = new ArrayList<>(List.of("-proc:none", "-d", classes.toString(), "--module-version", version,
                    "--module-path", String.join(File.pathSeparator, path)));
            args.addAll(files);
            tool("javac", args);
            Files.createDirectories(jar.toAbsolutePath().getParent());
            tool("jar", List.of("--create", "--file", jar.toString(), "-C", classes.toString(), "."));
        } finally {
            deleteTree(work);
        }
        return jar;
    }

    private static void tool(String name, List<String> args) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(log, true, StandardCharsets.UTF_8);
        int rc = ToolProvider.findFirst(name).orElseThrow().run(stream, stream, args.toArray(String[]::new));
        assertEquals(0, rc, name + " " + args + ":\n" + log.toString(StandardCharsets.UTF_8));
    }

    /** A module-info and one SequenceProvider class whose description is a Java expression. */
    static Map<String, String> sequencePlugin(String module, String name, String descriptionExpression,
            String... requires) {
        String pkg = module;
        String cls = "Provider";
        StringBuilder info = new StringBuilder("module " + module + " {\n    requires dev.reel.api;\n");
        for (String r : requires) {
            info.append("    requires ").append(r).append(";\n");
        }
        info.append("    provides dev.reel.api.spi.SequenceProvider with ").append(pkg).append('.').append(cls)
                .append(";\n}\n");
        String source = "package " + pkg + ";\n"
                + "public final class " + cls + " implements dev.reel.api.spi.SequenceProvider {\n"
                + "    public String name() { return \"" + name + "\"; }\n"
                + "    public String description() { return " + descriptionExpression + "; }\n"
                + "    public dev.reel.api.Sequence create(dev.reel.api.spi.SequenceSpec spec,"
                + " dev.reel.api.spi.SequenceContext context) {\n"
                + "        throw new UnsupportedOperationException(\"not needed in tests\");\n"
                + "    }\n}\n";
        return Map.of("module-info.java", info.toString(), pkg.replace('.', '/') + "/" + cls + ".java", source);
    }

    /** A library module exporting one class with static methods given as Java source. */
    static Map<String, String> library(String module, String cls, String body) {
        return Map.of("module-info.java", "module " + module + " { exports " + module + "; }\n",
                module.replace('.', '/') + "/" + cls + ".java",
                "package " + module + ";\npublic final class " + cls + " {\n" + body + "\n}\n");
    }

    /** A plugin.properties text. */
    static String descriptor(String id, String version, String... more) {
        StringBuilder sb = new StringBuilder("plugin.id=" + id + "\nplugin.version=" + version + "\n");
        for (String line : more) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The jar an example module under examples/ built; the reactor builds examples before app. */
    static Path exampleJar(String folder) throws IOException {
        Path target = Path.of(System.getProperty("reel.root", ".."), "examples", folder, "target").toAbsolutePath().normalize();
        List<Path> jars = Files.isDirectory(target) ? list(target).stream()
                .filter(p -> p.getFileName().toString().matches("reel-example-.*\\.jar"))
                .collect(Collectors.toList()) : List.of();
        assertTrue(jars.size() == 1, "expected the built plugin jar in " + target + ", found " + jars
                + "; build the examples first (mvn verify builds them before app)");
        return jars.get(0);
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toList());
        }
    }

    /** Zips a folder's contents (PF4J unpacks a zip plugin beside it). */
    static Path zip(Path folder, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                out.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    /** The real reel command, in this JVM. */
    static Run reel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    /**
     * The real reel command in a child JVM, on the module path this test runs on, as the launcher
     * runs it: {@code java [javaOptions] -p ... -m dev.reel.app/dev.reel.app.Main args}.
     */
    static Run reelProcess(List<String> javaOptions, String... args) throws Exception {
        String testModulePath = System.getProperty("jdk.module.path");
        assertTrue(testModulePath != null && !testModulePath.isBlank(), "tests run on the module path");
        // Surefire puts on the class path the automatic modules no module requires (java-semver, which
        // pf4j uses); the distribution's lib/ holds them all, so the child gets them on its module path.
        String modulePath = Stream.concat(Stream.of(testModulePath),
                Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith("test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-p", modulePath, "-m", "dev.reel.app/dev.reel.app.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        // Drain stderr while reading stdout, so that neither pipe can fill up and block the child.
        var out = p.getInputStream();
        var err = p.getErrorStream();
        var errText = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(err.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String outText = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "reel exits");
        return new Run(p.exitValue(), outText, errText.get());
    }
}
