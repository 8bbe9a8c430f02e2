package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.Movie;
import dev.reel.sequences.CustomSequence;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Java example in the README is compiled and run as it stands, and prints what the README says. */
class ReadmeExampleTest {

    @Test
    void theReadmeExamplesCompileRunAndPrintWhatTheReadmeSays(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("reel.root", ".."), "README.md"));
        Matcher m = Pattern.compile("<!-- readme-example: (\\w+) -->\\s*```java\\n(.*?)```\\s*It prints `([^`]*)`",
                Pattern.DOTALL).matcher(readme);
        int examples = 0;
        while (m.find()) {
            check(Files.createDirectories(dir.resolve(m.group(1))), m);
            examples++;
        }
        long marked = Pattern.compile("<!-- readme-example: ").matcher(readme).results().count();
        assertTrue(examples >= 2, "the README has marked Java examples, each followed by what it prints");
        assertEquals(marked, examples, "every marked example is followed by 'It prints `...`'");
    }

    private void check(Path dir, Matcher m) throws Exception {
        String className = m.group(1);
        Path source = dir.resolve(className + ".java");
        Files.writeString(source, m.group(2));

        String modulePath = location(Movie.class) + java.io.File.pathSeparator + location(CustomSequence.class);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        ByteArrayOutputStream javacOut = new ByteArrayOutputStream();
        PrintStream javacStream = new PrintStream(javacOut, true, StandardCharsets.UTF_8);
        int rc = ToolProvider.findFirst("javac").orElseThrow().run(javacStream, javacStream,
                "-proc:none", "-d", classes.toString(), "--module-path", modulePath,
                "--add-modules", "dev.reel.api,dev.reel.sequences", source.toString());
        assertEquals(0, rc, javacOut.toString(StandardCharsets.UTF_8));

        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        assertEquals(m.group(3), out.toString(StandardCharsets.UTF_8).strip(), className);
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
