package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way the app launches reel: every jar on the module path, the provider found by
 * ServiceLoader. Run in a fresh JVM, with and without the flags NOTES-for-lead.md records.
 */
class ModulePathTest {
    private static final String FLAGS = "org.bytedeco.ffmpeg.linux.x86_64.gpl,org.bytedeco.javacpp.linux.x86_64";

    @TempDir
    Path dir;

    @Test
    void withTheFlagsTheNativesLoadFromTheModulePath() throws Exception {
        String out = run(List.of("--add-modules", FLAGS));
        // avfilter waits for a movie with filters: loading it would delay every render's first frame.
        assertEquals("ffmpeg available=true reason=" + System.lineSeparator() + "avfilter loaded=false", out.strip());
    }

    @Test
    void withoutThemAvailabilitySaysWhichFlagIsMissing() throws Exception {
        String out = run(List.of());
        assertTrue(out.startsWith("ffmpeg available=false reason=FFmpeg natives for linux-x86_64 are neither in the "
                + "module graph nor on java.library.path (UnsatisfiedLinkError: "), out);
        assertTrue(out.strip().endsWith("start Java with --add-modules " + FLAGS + ", or with the folder of their unpacked"
                + " libraries (lib/native in the reel distribution) on java.library.path"), out);
    }

    @Test
    void toldToLoadFromTheLibraryPathOnlyAvailabilityNamesThatPath() throws Exception {
        // As the reel distribution runs JavaCPP, but without its lib/native on the path: the jars
        // are not searched, so the natives in them are not found.
        String out = run(List.of("--add-modules", FLAGS, "-Dorg.bytedeco.javacpp.findLibraries=false",
                "-Djava.library.path=" + dir));
        assertTrue(out.startsWith("ffmpeg available=false reason=FFmpeg natives for linux-x86_64 are not on "
                + "java.library.path (" + dir + "): UnsatisfiedLinkError"), out);
    }

    private String run(List<String> flags) throws IOException, InterruptedException {
        // This test JVM's module path (reel's module and its libraries) plus the native jars, which
        // surefire leaves on the class path because no module requires them.
        String modulePath = Stream.concat(
                Arrays.stream(System.getProperty("jdk.module.path").split(File.pathSeparator)),
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(p -> p.contains("linux-x86_64")))
                .collect(Collectors.joining(File.pathSeparator));
        Path source = dir.resolve("Probe.java");
        Files.writeString(source, """
                import dev.reel.api.spi.EncoderProvider;
                import java.util.ServiceLoader;
                public class Probe {
                    public static void main(String[] args) {
                        for (EncoderProvider p : ServiceLoader.load(EncoderProvider.class)) {
                            var a = p.availability();
                            System.out.println(p.name() + " available=" + a.available() + " reason=" + a.reason());
                            if (a.available()) {
                                System.out.println("avfilter loaded=" + org.bytedeco.javacpp.Loader.getLoadedLibraries()
                                        .keySet().stream().anyMatch(l -> l.contains("avfilter")));
                            }
                        }
                    }
                }
                """);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Java 24 and later warn about JNI on stderr unless the modules that use it are allowed.
        command.addAll(List.of("--enable-native-access=org.bytedeco.javacpp,org.bytedeco.ffmpeg"));
        command.addAll(List.of("--module-path", modulePath));
        command.addAll(flags);
        command.addAll(List.of("--add-modules", "dev.reel.encoder.ffmpeg", source.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
