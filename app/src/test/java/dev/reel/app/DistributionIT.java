package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.Encoder;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import dev.reel.db.PostdbPanSource;
import dev.reel.db.PostdbWriter;
import dev.reel.sequences.CameraPan;
import dev.reel.sequences.Track;
import dev.reel.testkit.MovieReader;
import dev.reel.testkit.Psnr;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distributions, as a user runs them: {@code bin/reel} of {@code target/reel} and
 * {@code target/reel-pure-java} in child processes, on a small movie script whose movie is read
 * back with FFmpeg and compared with the frames the library draws.
 */
class DistributionIT {
    private static final int WIDTH = 160;
    private static final int HEIGHT = 96;
    private static final int FPS = 24;

    @TempDir
    static Path dir;
    static Path script;
    static List<byte[]> expected;

    @BeforeAll
    static void aDatabaseAndAScript() throws Exception {
        Path db = dir.resolve("pan.postdb");
        int rows = 200;
        int cols = 600;
        try (PostdbWriter w = PostdbWriter.create(db, rows, cols, 4)) {
            byte[] row = new byte[cols * 4];
            for (int j = 0; j < rows; j++) {
                for (int i = 0, o = 0; i < cols; i++) {
                    double s = Math.sin(i * 0.02 + j * 0.012) + Math.cos(i * 0.005 - j * 0.025);
                    row[o++] = (byte) (128 + 60 * s);
                    row[o++] = (byte) (128 + 50 * Math.sin(s * 2));
                    row[o++] = (byte) (128 - 60 * s);
                    row[o++] = (byte) 255;
                }
                w.writeRows(j, 1, row, 0);
            }
        }
        String panSequence = """
                sequences:
                  - type: camera-pan
                    db: pan.postdb
                    x:  {t: [0, 2], v: [-0.2, 0.2]}
                    y:  {t: [0, 2], v: [0, 0]}
                    dx: {t: [0, 2], v: [0.5, 0.5]}
                """;
        script = Files.writeString(dir.resolve("movie.yaml"), """
                width: %d
                height: %d
                fps: %d
                encoder: {crf: 18, metadata: {title: distribution test}}
                """.formatted(WIDTH, HEIGHT, FPS) + panSequence);
        // The same pan at the size of fractalshades' example, for the JIT's tests.
        Files.writeString(dir.resolve("large.yaml"), "width: 720\nheight: 480\nfps: 24\n" + panSequence);

        // The same frames, drawn by the library in this JVM.
        expected = new ArrayList<>();
        double[] t = {0, 2};
        try (PostdbPanSource source = PostdbPanSource.open(db)) {
            CameraPan pan = new CameraPan(source, Track.pchip(t, new double[] {-0.2, 0.2}),
                    Track.pchip(t, new double[] {0, 0}), Track.pchip(t, new double[] {0.5, 0.5}));
            OrderedRenderer.builder().build().render(new Movie(WIDTH, HEIGHT, FPS, List.of(pan)), new Encoder() {
                @Override
                public void encode(Picture picture, int frameIndex) {
                    expected.add(picture.rgb().clone());
                }

                @Override
                public void close() {
                }
            });
        }
        assertEquals(2 * FPS, expected.size());
    }

    private static Path distribution(String name) {
        return Path.of(System.getProperty("reel.dist", "target")).resolve(name);
    }

    record Run(int status, String out, String err) {
    }

    private static Run reel(String distribution, String... args) throws Exception {
        // The launcher's class-data archive goes to this test's own cache folder.
        return reel(distribution(distribution), dir.resolve("cache"), args);
    }

    private static Run reel(Path distribution, Path cache, String... args) throws Exception {
        return reel(distribution, cache, Map.of(), args);
    }

    private static Run reel(Path distribution, Path cache, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/reel").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().remove("REEL_PLUGINS");
        Process p = builder.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "reel " + String.join(" ", args) + " finished");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theFullDistributionRendersWithFfmpegAndKeepsAClassDataArchive() throws Exception {
        Run first = reel("reel", "render", "movie.yaml", "-o", "full.mp4");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("wrote full.mp4: frames 0:48 of movie.yaml, 160x96 at 24 fps"), first.out());
        try (Stream<Path> cache = Files.list(dir.resolve("cache/reel"))) {
            assertEquals(1, cache.filter(f -> f.getFileName().toString().endsWith(".jsa")).count(),
                    "the first render leaves one class-data archive");
        }
        MovieReader.Movie movie = MovieReader.read(dir.resolve("full.mp4"));
        assertEquals("h264", movie.info().codec());
        assertEquals(WIDTH, movie.info().width());
        assertEquals(HEIGHT, movie.info().height());
        assertEquals(FPS, movie.info().frameRate().value(), 1e-9);
        assertEquals(48, movie.frameCount());
        assertEquals("distribution test", movie.info().metadata().get("title"));
        assertEquals(List.of(), movie.warnings());
        double psnr = Psnr.of(expected, movie.rgb());
        assertTrue(psnr >= 38, "PSNR " + psnr);

        // A second run maps the archive; it renders the same movie and says nothing more.
        Run second = reel("reel", "render", "movie.yaml", "-o", "again.mp4");
        assertEquals(0, second.status(), second.err());
        assertEquals(48, MovieReader.read(dir.resolve("again.mp4")).frameCount());
        assertTrue(second.err().lines().allMatch(l -> l.startsWith("rendered ")), second.err());
    }

    /**
     * FFmpeg's libraries are unpacked in lib/native (each under its versioned name, and its plain
     * name as a link), not in jars: bin/reel puts the folder on java.library.path and reel has
     * JavaCPP load them from there without searching the modules, so that nothing is extracted to
     * ~/.javacpp. With JavaCPP's search on (the user's choice here; a plugin that brings JavaCPP
     * libraries turns it on too) they load from the same folder after the search.
     */
    @Test
    void ffmpegsLibrariesLoadFromLibNativeAndNothingIsExtracted() throws Exception {
        Path lib = distribution("reel").resolve("lib");
        try (Stream<Path> files = Files.list(lib)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().noneMatch(n -> n.contains("linux-x86_64")), "no native jar in lib/: " + names);
        }
        for (String library : List.of("libavutil", "libavcodec", "libavformat", "libswscale", "libavfilter")) {
            Path plain = lib.resolve("native/" + library + ".so");
            assertTrue(Files.isSymbolicLink(plain), plain + " is a link");
            String target = Files.readSymbolicLink(plain).toString();
            assertTrue(target.matches(Pattern.quote(library) + "[.]so[.][0-9]+"), plain + " -> " + target);
            assertTrue(Files.isRegularFile(plain), plain + " leads to a file");
        }
        assertTrue(Files.isRegularFile(lib.resolve("native/libjniavutil.so")));
        assertTrue(Files.isRegularFile(lib.resolve("native/libjnijavacpp.so")));
        assertFalse(Files.exists(lib.resolve("native/ffmpeg")), "the ffmpeg program is not shipped");

        Path cache = dir.resolve("cache-native");
        for (String search : List.of("", " -Dorg.bytedeco.javacpp.findLibraries=true")) {
            Path home = Files.createDirectories(dir.resolve("home" + search.length()));
            Map<String, String> environment = Map.of("REEL_JAVA_OPTS", "-Duser.home=" + home + search);
            Run encoders = reel(distribution("reel"), cache, environment, "encoders");
            assertEquals(0, encoders.status(), encoders.err());
            assertTrue(encoders.out().contains("ffmpeg  available"), search + ": " + encoders.out());
            String output = "native" + search.length() + ".mp4";
            Run render = reel(distribution("reel"), cache, environment, "render", "movie.yaml", "--frames", "0:4", "-o", output);
            assertEquals(0, render.status(), render.err());
            assertEquals(4, MovieReader.read(dir.resolve(output)).frameCount());
            if (search.isEmpty()) {
                assertFalse(Files.exists(home.resolve(".javacpp")), "nothing written to ~/.javacpp");
            } else {
                // JavaCPP's search makes its cache folder, and finds nothing to extract into it.
                try (Stream<Path> extracted = Files.walk(home)) {
                    assertEquals(List.of(), extracted.filter(Files::isRegularFile).toList());
                }
            }
        }
    }

    @Test
    void thePureJavaDistributionHasNoNativeLibraryAndRendersWithJcodec() throws Exception {
        try (Stream<Path> lib = Files.list(distribution("reel-pure-java").resolve("lib"))) {
            List<String> jars = lib.map(f -> f.getFileName().toString()).sorted().toList();
            assertTrue(jars.stream().noneMatch(j -> j.startsWith("javacpp") || j.startsWith("ffmpeg")
                    || j.startsWith("javacv") || j.contains("encoder-ffmpeg")), jars.toString());
            assertTrue(jars.stream().anyMatch(j -> j.startsWith("reel-encoder-jcodec")), jars.toString());
        }
        Run encoders = reel("reel-pure-java", "encoders");
        assertEquals(0, encoders.status(), encoders.err());
        assertTrue(encoders.out().contains("ffmpeg  not installed"), encoders.out());
        assertTrue(encoders.out().contains("auto picks jcodec"), encoders.out());

        Run render = reel("reel-pure-java", "render", "movie.yaml", "-o", "pure.mp4");
        assertEquals(0, render.status(), render.err());
        MovieReader.Movie movie = MovieReader.read(dir.resolve("pure.mp4"));
        assertEquals("h264", movie.info().codec());
        assertEquals(48, movie.frameCount());
        assertEquals(List.of(), movie.warnings());
        double psnr = Psnr.of(expected, movie.rgb());
        assertTrue(psnr >= 36, "PSNR " + psnr);
    }

    /**
     * Every jar of lib/ is an explicit module that lists its packages (ModulePackages), so that
     * the JVM reads no jar's entries at start-up; a new dependency without a descriptor would
     * quietly add them back (see app/pom.xml).
     */
    @Test
    void everyJarInLibIsAnExplicitModuleThatListsItsPackages() throws Exception {
        for (String name : List.of("reel", "reel-pure-java")) {
            Path lib = distribution(name).resolve("lib");
            for (ModuleReference module : ModuleFinder.of(lib).findAll()) {
                ModuleDescriptor d = module.descriptor();
                assertFalse(d.isAutomatic(), name + ": " + d.name() + " is an automatic module");
                if (d.packages().isEmpty()) {
                    continue;
                }
                Path jar = Path.of(module.location().orElseThrow());
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    var entry = zip.stream().filter(e -> e.getName().endsWith("module-info.class")).findFirst().orElseThrow();
                    String bytes = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertTrue(bytes.contains("ModulePackages"), name + ": " + jar.getFileName() + " lists no packages");
                }
            }
        }
    }

    /**
     * The archive holds what the run that wrote it loaded: only one that drew a frame writes it.
     * A newcomer's first command is often {@code reel render --help}, whose classes are a help
     * text's, not a render's.
     */
    @Test
    void onlyARunThatDrewAFrameWritesTheClassDataArchive() throws Exception {
        Path cache = dir.resolve("cache-help");
        for (String[] args : List.of(new String[] {"render", "--help"}, new String[] {"frame", "--help"},
                new String[] {"demo", "--help"})) {
            Run help = reel(distribution("reel-pure-java"), cache, args);
            assertEquals(0, help.status(), help.err());
            assertEquals(List.of(), archives(cache), String.join(" ", args) + " leaves no archive");
        }
        Run render = reel(distribution("reel-pure-java"), cache, "render", "movie.yaml", "--frames", "0:2", "-o", "help.mp4");
        assertEquals(0, render.status(), render.err());
        List<String> files = archives(cache);
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).endsWith("-static.jsa"), files.toString());
    }

    /**
     * Every JDK gets its archive, whatever the format of its class lists: Java 17 names a class
     * alone on its line, later JDKs add {@code " id: N"} after it, which the launcher once missed,
     * so that on Java 25 it never wrote an archive and listed the loaded classes at every render.
     * Runs on this test's JDK and on every other JDK installed beside it (in the same folder, as
     * in /usr/lib/jvm); the second run must map the archive ({@code -Xshare:on} fails otherwise).
     */
    @Test
    void everyInstalledJdkWritesAndMapsItsArchive() throws Exception {
        List<Path> jdks = jdks();
        assertFalse(jdks.isEmpty());
        for (Path jdk : jdks) {
            Path cache = dir.resolve("cache-jdk-" + jdk.getFileName());
            Run first = reel(distribution("reel-pure-java"), cache, Map.of("JAVA_HOME", jdk.toString()),
                    "render", "movie.yaml", "--frames", "0:2", "-o", "jdk.mp4");
            assertEquals(0, first.status(), jdk + ": " + first.err());
            List<String> files = archives(cache);
            assertEquals(1, files.size(), jdk + ": " + files);
            assertTrue(files.get(0).endsWith("-static.jsa"), jdk + ": " + files);
            Run second = reel(distribution("reel-pure-java"), cache,
                    Map.of("JAVA_HOME", jdk.toString(), "REEL_JAVA_OPTS", "-Xshare:on"),
                    "render", "movie.yaml", "--frames", "0:2", "-o", "jdk.mp4");
            assertEquals(0, second.status(), jdk + " maps its archive: " + second.err());
            assertEquals(files, archives(cache), jdk.toString());
        }
    }

    /**
     * This test's JDK, and the HotSpot JDKs 17 or newer beside it (each a folder with bin/java and a
     * release file; OpenJ9 has class-data sharing of another kind, which the launcher does not use).
     */
    private static List<Path> jdks() throws IOException {
        Path own = Path.of(System.getProperty("java.home")).toRealPath();
        List<Path> jdks = new ArrayList<>(List.of(own));
        Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
        try (Stream<Path> siblings = Files.list(own.getParent())) {
            for (Path candidate : (Iterable<Path>) siblings::iterator) {
                Path release = candidate.resolve("release");
                if (Files.isSymbolicLink(candidate) || candidate.equals(own) || !Files.isExecutable(candidate.resolve("bin/java"))
                        || !Files.isRegularFile(release)) {
                    continue;
                }
                String text = Files.readString(release, StandardCharsets.ISO_8859_1);
                var m = version.matcher(text);
                if (m.find() && Integer.parseInt(m.group(1)) >= 17 && !text.toLowerCase(Locale.ROOT).contains("openj9")) {
                    jdks.add(candidate);
                }
            }
        }
        return jdks;
    }

    /**
     * An upgrade or a rebuild changes an installation's jars, and with them the archive it needs:
     * the launcher writes the new one and removes the old, but not another installation's.
     */
    @Test
    void aChangedInstallationReplacesItsOwnClassDataArchiveOnly() throws Exception {
        Path cache = dir.resolve("cache-of-two");
        Path first = copy(distribution("reel-pure-java"), dir.resolve("first-installation"));
        Path second = copy(distribution("reel-pure-java"), dir.resolve("second-installation"));
        assertEquals(0, reel(first, cache, "render", "movie.yaml", "--frames", "0:2", "-o", "first.mp4").status());
        assertEquals(0, reel(second, cache, "render", "movie.yaml", "--frames", "0:2", "-o", "second.mp4").status());
        List<String> before = archives(cache);
        assertEquals(2, before.size(), before.toString());

        // The first installation's jars change (here one jar's date, as a rebuild changes it).
        try (Stream<Path> lib = Files.list(first.resolve("lib"))) {
            Path jar = lib.filter(f -> f.getFileName().toString().startsWith("reel-app")).findFirst().orElseThrow();
            Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
        }
        assertEquals(0, reel(first, cache, "render", "movie.yaml", "--frames", "0:2", "-o", "first.mp4").status());
        List<String> after = archives(cache);
        assertEquals(2, after.size(), "one archive per installation: " + after);
        assertEquals(1, after.stream().filter(before::contains).count(), "the second installation's is kept: " + before + " then " + after);

        // The changed installation starts with its new archive, and says nothing about it.
        Run again = reel(first, cache, "render", "movie.yaml", "--frames", "0:2", "-o", "first.mp4");
        assertEquals(0, again.status(), again.err());
        assertEquals(after, archives(cache));
        assertTrue(again.err().lines().allMatch(l -> l.startsWith("rendered ")), again.err());
    }

    /**
     * The class-data archive must leave reel's methods free to be compiled. One written at the exit
     * of a run could keep the methods that were queued for compilation then from ever being
     * compiled (Java 17; the launcher no longer writes it that way): after a first one-frame
     * render of a 720x480 pan, half such archives left the pan sampler interpreted for good.
     */
    @Test
    void theClassDataArchiveLeavesTheSamplerToBeCompiled() throws Exception {
        Path cache = dir.resolve("cache-compiled");
        Run first = reel(distribution("reel-pure-java"), cache, "render", "large.yaml", "--frames", "0:1", "-o", "large-1.mp4");
        assertEquals(0, first.status(), first.err());
        assertEquals(1, archives(cache).size());

        Run run = reel(distribution("reel-pure-java"), cache, Map.of("REEL_JAVA_OPTS", "-XX:+PrintCompilation"),
                "render", "large.yaml", "--frames", "0:30", "-o", "large-30.mp4");
        assertEquals(0, run.status(), run.err());
        // The JIT may compile the row interpolation on its own or only its loop (on-stack
        // replacement), and at different times: what matters is that C2 takes the sampler's loops.
        assertTrue(tier4("dev.reel.db.PostdbPanSource::draw").matcher(run.out()).find()
                || tier4("dev.reel.db.PostdbPanSource::interpolateRow").matcher(run.out()).find(),
                "C2 compiles the sampler's loops in 30 frames of 720x480");
    }

    /** A PrintCompilation line of a C2 compilation of the method: time, id, flags, tier 4, method. */
    private static Pattern tier4(String method) {
        return Pattern.compile("(?m)^\\s*\\d+\\s+\\d+\\s+[%sbn! ]*\\s4\\s+" + Pattern.quote(method) + "\\b");
    }

    /**
     * A command that makes no frame runs with C1 alone, which starts sooner; one that makes frames
     * keeps C2 (for a render, see also {@link #theClassDataArchiveLeavesTheSamplerToBeCompiled}).
     */
    @Test
    void onlyCommandsThatMakeNoFrameUseC1Alone() throws Exception {
        Path cache = dir.resolve("cache-jit");
        Map<String, String> print = Map.of("REEL_JAVA_OPTS", "-XX:+PrintCompilation");
        Pattern c2 = tier4("");
        Run encoders = reel(distribution("reel-pure-java"), cache, print, "--verbose", "encoders");
        assertEquals(0, encoders.status(), encoders.err());
        assertTrue(encoders.out().contains("java.lang.String::hashCode"), "the JIT prints what it compiles");
        assertFalse(c2.matcher(encoders.out()).find(), "and C1 compiles it all, the command coming after an option");
        Run plugins = reel(distribution("reel-pure-java"), cache, print, "plugins");
        assertEquals(0, plugins.status(), plugins.err());
        assertFalse(c2.matcher(plugins.out()).find(), "plugins: C1 alone");

        Run frame = reel(distribution("reel-pure-java"), cache, print, "frame", "large.yaml", "--index", "10", "-o", "jit.png");
        assertEquals(0, frame.status(), frame.err());
        assertTrue(c2.matcher(frame.out()).find(), "a frame keeps C2");
    }

    /** A JVM that cannot write the archive is marked as such, and later runs do not try again. */
    @Test
    void aJvmThatCannotWriteTheArchiveIsNotAskedAgain() throws Exception {
        Path cache = dir.resolve("cache-failed");
        // Options for the JVM come last on the writing JVM's command line too: this one sends the
        // archive where it cannot be written.
        Map<String, String> noSharing = Map.of("REEL_JAVA_OPTS", "-XX:SharedArchiveFile=" + dir.resolve("no/such/folder/reel.jsa"));
        for (int run = 0; run < 2; run++) {
            Run render = reel(distribution("reel-pure-java"), cache, noSharing, "render", "movie.yaml", "--frames", "0:2", "-o", "failed.mp4");
            assertEquals(0, render.status(), render.err());
            List<String> files = archives(cache);
            assertEquals(1, files.size(), files.toString());
            assertTrue(files.get(0).endsWith("-static.jsa.failed"), files.toString());
        }
    }

    private static List<String> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("reel"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** A copy of a distribution, with the launcher's permissions. */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }

    @Test
    void aBadScriptIsOneLineAndExitStatus2() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "width: 160\nheigth: 96\nfps: 24\nsequences: []\n");
        Run run = reel("reel", "render", "bad.yaml");
        assertEquals(2, run.status());
        assertEquals("bad.yaml: heigth: unknown key; did you mean 'height'? (expected one of width, height, fps, "
                + "encoder, sequences)" + System.lineSeparator(), run.err());
        assertTrue(Files.notExists(dir.resolve("bad.mp4")));
    }

    @Test
    void versionNamesTheRelease() throws Exception {
        Run run = reel("reel", "--version");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("reel " + System.getProperty("reel.version", "")), run.out());
    }

    /** A link to bin/reel elsewhere (as in ~/bin) still finds the distribution's lib/ and plugins/. */
    @Test
    void aSymbolicLinkToTheLauncherWorks() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("bin")).resolve("reel"),
                distribution("reel").resolve("bin/reel").toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(link.toString(), "plugins").directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("REEL_PLUGINS");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("no plugins in " + distribution("reel").resolve("plugins").toRealPath() + " (from the distribution)",
                out.strip());
    }
}
