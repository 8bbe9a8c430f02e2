package dev.reel.encoder.jcodec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.ffmpeg;
import org.bytedeco.ffmpeg.ffprobe;
import org.bytedeco.javacpp.Loader;

/**
 * The real FFmpeg programs, as the bytedeco presets bundle them, run as processes: what the tests
 * use to decode and inspect every file the encoder writes, independently of JCodec.
 */
final class FfmpegTool {
    private static final long TIMEOUT_SECONDS = 120;

    private FfmpegTool() {
    }

    /** What a program printed and returned. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** Runs the bundled {@code ffmpeg} with these arguments. */
    static Result ffmpeg(String... args) {
        return run(Loader.load(ffmpeg.class), args);
    }

    /** Runs the bundled {@code ffprobe} with these arguments. */
    static Result ffprobe(String... args) {
        return run(Loader.load(ffprobe.class), args);
    }

    /** What FFmpeg says while decoding every frame of {@code file} at level warning: empty if all is well. */
    static String decodeWarnings(Path file) {
        Result r = ffmpeg("-nostdin", "-v", "warning", "-i", file.toString(), "-f", "null", "-");
        if (r.exitCode() != 0 && r.stderr().isBlank()) {
            return "ffmpeg exited with " + r.exitCode();
        }
        return r.stderr();
    }

    /** Every frame of {@code file} decoded by FFmpeg to packed RGB, as FFmpeg's colour handling sees it. */
    static byte[] decodeRgb(Path file) {
        Result r = ffmpeg("-nostdin", "-v", "error", "-i", file.toString(), "-f", "rawvideo",
                "-pix_fmt", "rgb24", "-");
        if (r.exitCode() != 0) {
            throw new AssertionError("ffmpeg could not decode " + file + ": " + r.stderr());
        }
        return r.stdout();
    }

    /**
     * ffprobe's description of the file's first stream and its format, frames counted by decoding,
     * as flat keys: {@code stream.width}, {@code stream.nb_read_frames}, {@code format.tags.title}...
     */
    static Map<String, String> probe(Path file) {
        Result r = ffprobe("-v", "error", "-count_frames", "-show_streams", "-show_format",
                "-of", "flat", file.toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("ffprobe failed on " + file + ": " + r.stderr());
        }
        Map<String, String> info = new LinkedHashMap<>();
        for (String line : r.stdoutText().split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).replace("streams.stream.0.", "stream.");
            String value = line.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            info.put(key, value);
        }
        return info;
    }

    /** For every frame in decoding order, whether it is a key frame and its type (I or P). */
    static List<String> frameTypes(Path file) {
        Result r = ffprobe("-v", "error", "-select_streams", "v:0", "-show_entries",
                "frame=key_frame,pict_type", "-of", "csv=p=0", file.toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("ffprobe failed on " + file + ": " + r.stderr());
        }
        List<String> types = new ArrayList<>();
        for (String line : r.stdoutText().split("\n")) {
            if (!line.isBlank()) {
                types.add(line.trim());
            }
        }
        return types;
    }

    private static Result run(String program, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            // The programs find the libraries the presets extracted beside them (libva among
            // them) only through the library path: nothing from the system is needed.
            Path dir = Path.of(program).getParent();
            String path = builder.environment().get("LD_LIBRARY_PATH");
            builder.environment().put("LD_LIBRARY_PATH",
                    path == null || path.isEmpty() ? dir.toString() : dir + java.io.File.pathSeparator + path);
            Process p = builder.start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " ran over " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
