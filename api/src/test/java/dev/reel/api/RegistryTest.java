package dev.reel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.spi.Availability;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.api.spi.FrameSourceProvider;
import dev.reel.api.spi.SequenceContext;
import dev.reel.api.spi.SequenceProvider;
import dev.reel.api.spi.SequenceSpec;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {

    static class FakeEncoders implements EncoderProvider {
        private final String name;
        private final Availability availability;

        FakeEncoders(String name, Availability availability) {
            this.name = name;
            this.availability = availability;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Availability availability() {
            return availability;
        }

        @Override
        public Set<String> codecs() {
            return Set.of("h264");
        }

        @Override
        public void check(EncoderSettings settings, VideoFormat format, Path output) {
        }

        @Override
        public Encoder open(Path output, EncoderSettings settings, VideoFormat format) {
            return new RecordingEncoder();
        }
    }

    static final class OtherFakeEncoders extends FakeEncoders {
        OtherFakeEncoders(String name) {
            super(name, Availability.AVAILABLE);
        }
    }

    static final class Pans implements SequenceProvider {
        @Override
        public String name() {
            return "camera-pan";
        }

        @Override
        public Sequence create(SequenceSpec spec, SequenceContext context) {
            return new PatternSequence(0, spec.number("duration"), spec.type());
        }
    }

    static final class Postdb implements FrameSourceProvider {
        @Override
        public String name() {
            return "postdb";
        }

        @Override
        public boolean recognises(Map<String, Path> files) {
            return files.keySet().equals(Set.of("db")) && files.get("db").toString().endsWith(".postdb");
        }

        @Override
        public String filesDescription() {
            return "db: a .postdb file";
        }

        @Override
        public FrameSource open(Map<String, Path> files) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    private static final Availability NO_NATIVES = Availability.unavailable("natives for linux-riscv64 are not in this distribution");

    @Test
    void providersAreIndexedByNameAndUnknownNamesListTheKnownOnes() {
        FakeEncoders jcodec = new FakeEncoders("jcodec", Availability.AVAILABLE);
        Registry r = Registry.builder().add("built-in", jcodec, new Pans(), new Postdb()).build();

        assertSame(jcodec, r.encoder("jcodec"));
        assertEquals("camera-pan", r.sequenceType("camera-pan").name());
        assertEquals(List.of("jcodec"), r.encoders().stream().map(Registry.Entry::name).collect(Collectors.toList()));
        assertEquals("built-in", r.encoders().get(0).origin());
        assertEquals("unknown encoder 'x264'; known: jcodec",
                assertThrows(ProviderLookupException.class, () -> r.encoder("x264")).getMessage());
        assertEquals("unknown sequence type 'camera-spin'; known: camera-pan",
                assertThrows(ProviderLookupException.class, () -> r.sequenceType("camera-spin")).getMessage());
        assertEquals("unknown encoder 'ffmpeg'; no encoder is installed",
                assertThrows(ProviderLookupException.class, () -> Registry.builder().build().encoder("ffmpeg")).getMessage());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void duplicatesAndBadNamesAreReportedNotUsed() {
        FakeEncoders first = new FakeEncoders("jcodec", Availability.AVAILABLE);
        Registry r = Registry.builder()
                .add("built-in", first)
                .add("plugin-a", new OtherFakeEncoders("jcodec"), new OtherFakeEncoders("Bad_Name"),
                        new OtherFakeEncoders("auto"))
                .build();

        assertSame(first, r.encoder("jcodec"));
        assertEquals(1, r.encoders().size());
        List<String> problems = r.problems().stream().map(Registry.Problem::toString).collect(Collectors.toList());
        assertEquals(List.of(
                "plugin-a: encoder 'jcodec' (dev.reel.api.RegistryTest$OtherFakeEncoders) ignored: the name is already taken by dev.reel.api.RegistryTest$FakeEncoders from built-in",
                "plugin-a: encoder provider dev.reel.api.RegistryTest$OtherFakeEncoders has an invalid name 'Bad_Name' (expected lower-case letters, digits and single hyphens, e.g. camera-pan)",
                "plugin-a: encoder provider dev.reel.api.RegistryTest$OtherFakeEncoders may not be called 'auto': that name picks the best available encoder"),
                problems);
    }

    @Test
    void autoPrefersFfmpegThenJcodecThenAnyAvailable() {
        FakeEncoders ffmpeg = new FakeEncoders("ffmpeg", Availability.AVAILABLE);
        FakeEncoders jcodec = new FakeEncoders("jcodec", Availability.AVAILABLE);
        FakeEncoders other = new FakeEncoders("other", Availability.AVAILABLE);
        assertSame(ffmpeg, Registry.builder().add("b", other, jcodec, ffmpeg).build().chooseEncoder("auto"));
        assertSame(ffmpeg, Registry.builder().add("b", other, jcodec, ffmpeg).build().chooseEncoder(null));

        FakeEncoders brokenFfmpeg = new FakeEncoders("ffmpeg", NO_NATIVES);
        assertSame(jcodec, Registry.builder().add("b", brokenFfmpeg, jcodec, other).build().chooseEncoder("auto"));
        assertSame(other, Registry.builder().add("b", brokenFfmpeg, other).build().chooseEncoder("auto"));

        ProviderLookupException none = assertThrows(ProviderLookupException.class,
                () -> Registry.builder().add("b", brokenFfmpeg).build().chooseEncoder("auto"));
        assertEquals("no encoder is available here (ffmpeg: natives for linux-riscv64 are not in this distribution)",
                none.getMessage());
        assertEquals("no encoder is installed",
                assertThrows(ProviderLookupException.class, () -> Registry.builder().build().chooseEncoder("auto")).getMessage());
    }

    @Test
    void anUnavailableEncoderSaysWhyAndWhatElseWorks() {
        Registry r = Registry.builder()
                .add("built-in", new FakeEncoders("ffmpeg", NO_NATIVES), new FakeEncoders("jcodec", Availability.AVAILABLE))
                .build();
        assertEquals("encoder 'ffmpeg' is not available here: natives for linux-riscv64 are not in this distribution; available: jcodec",
                assertThrows(ProviderLookupException.class, () -> r.chooseEncoder("ffmpeg")).getMessage());
        assertEquals("jcodec", r.chooseEncoder("jcodec").name());
        // A provider whose check throws is unavailable, not a crash.
        EncoderProvider throwing = new FakeEncoders("weird", Availability.AVAILABLE) {
            @Override
            public Availability availability() {
                throw new UnsatisfiedLinkError("no jniavutil in java.library.path");
            }
        };
        assertEquals(Availability.unavailable("its availability check failed: no jniavutil in java.library.path"),
                Registry.availability(throwing));
    }

    @Test
    void frameSourcesAreChosenByTheFilesTheyRecognise() {
        Registry r = Registry.builder().add("built-in", new Postdb()).build();
        assertEquals("postdb", r.frameSourceFor(Map.of("db", Path.of("pan.postdb"))).name());
        ProviderLookupException e = assertThrows(ProviderLookupException.class,
                () -> r.frameSourceFor(Map.of("db", Path.of("pan.png"))));
        assertEquals("no frame source can open {db=pan.png}; installed: postdb (db: a .postdb file)", e.getMessage());
    }

    @Test
    void sequenceSpecsNameTheFileEntryAndKey() {
        SequenceSpec spec = new SequenceSpec("movie.yaml: sequences[2]", Path.of("/movies"),
                Map.of("type", "camera-pan", "db", "pan.postdb", "duration", "ten"));
        assertEquals(Path.of("/movies/pan.postdb"), spec.path("db"));
        assertEquals("movie.yaml: sequences[2]: duration: expected a finite number, got 'ten'",
                assertThrows(ScriptException.class, () -> spec.number("duration")).getMessage());
        assertEquals("movie.yaml: sequences[2]: x: missing; this sequence type needs it",
                assertThrows(ScriptException.class, () -> spec.map("x")).getMessage());
        Registry r = Registry.builder().add("built-in", new Pans()).build();
        ScriptException e = assertThrows(ScriptException.class,
                () -> r.sequenceType(spec.type()).create(spec, null));
        assertEquals("duration", e.key());
    }

    /**
     * The real discovery path: a provider module compiled now, loaded in its own module layer
     * (as a plugin will be), found with ServiceLoader, and registered once even though the layer's
     * parent is also searched.
     */
    @Test
    void providersAreFoundInAModuleLayer(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src");
        Path pkg = Files.createDirectories(src.resolve("test/plugin"));
        Files.writeString(src.resolve("module-info.java"), String.join("\n",
                "module test.plugin {",
                "  requires dev.reel.api;",
                "  provides dev.reel.api.spi.EncoderProvider with test.plugin.Layered, test.plugin.Broken;",
                "}"));
        Files.writeString(pkg.resolve("Layered.java"), String.join("\n",
                "package test.plugin;",
                "import dev.reel.api.*; import dev.reel.api.spi.*; import java.nio.file.Path; import java.util.Set;",
                "public class Layered implements EncoderProvider {",
                "  public String name() { return \"layered\"; }",
                "  public Availability availability() { return Availability.AVAILABLE; }",
                "  public Set<String> codecs() { return Set.of(\"raw\"); }",
                "  public void check(EncoderSettings s, VideoFormat f, Path o) { }",
                "  public Encoder open(Path o, EncoderSettings s, VideoFormat f) { throw new UnsupportedOperationException(); }",
                "}"));
        Files.writeString(pkg.resolve("Broken.java"), String.join("\n",
                "package test.plugin;",
                "public class Broken extends Layered {",
                "  public Broken() { throw new IllegalStateException(\"licence file missing\"); }",
                "}"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path apiLocation = Path.of(EncoderProvider.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        int rc = javac.run(System.out, System.err, "-d", classes.toString(), "--module-path", apiLocation.toString(),
                src.resolve("module-info.java").toString(), pkg.resolve("Layered.java").toString(),
                pkg.resolve("Broken.java").toString());
        assertEquals(0, rc, "the test plugin compiles");

        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolveAndBind(ModuleFinder.of(classes), ModuleFinder.of(), Set.of("test.plugin"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());

        Registry r = Registry.builder()
                .add("built-in", new FakeEncoders("jcodec", Availability.AVAILABLE))
                .addLayer(layer, "plugin test-plugin")
                .build();

        assertEquals(List.of("jcodec", "layered"), r.encoders().stream().map(Registry.Entry::name).collect(Collectors.toList()));
        Registry.Entry<EncoderProvider> layered = r.encoders().get(1);
        assertEquals("plugin test-plugin", layered.origin());
        assertEquals("test.plugin", layered.provider().getClass().getModule().getName());
        assertSame(layer, layered.provider().getClass().getModule().getLayer());
        assertEquals(List.of("plugin test-plugin: encoder provider test.plugin.Broken failed to load: licence file missing"),
                r.problems().stream().map(Registry.Problem::toString).collect(Collectors.toList()));
        assertTrue(r.chooseEncoder("layered").codecs().contains("raw"));
    }
}
