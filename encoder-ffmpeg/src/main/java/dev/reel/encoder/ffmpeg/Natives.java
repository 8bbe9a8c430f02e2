package dev.reel.encoder.ffmpeg;

import dev.reel.api.spi.Availability;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avfilter;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * FFmpeg's native libraries, loaded once per JVM on first use, and whether that worked.
 *
 * <p>Only the libraries the encoder uses are loaded: avutil, avcodec, avformat and swscale, and
 * avfilter only for a movie that needs a filter graph (its loading takes 10 to 25 ms, on the way to
 * a render's first frame). Not avdevice, which needs PulseAudio's {@code libpulse.so.0}.
 */
final class Natives {

    private Natives() {
    }

    /** Whether the natives loaded, and if not why; loads them on the first call. Never throws. */
    static Availability availability() {
        return Loaded.AVAILABILITY;
    }

    /**
     * Whether avfilter loaded, and if not why; loads it on the first call, after the other
     * libraries (and only if they loaded). Never throws.
     */
    static Availability filters() {
        return Filters.AVAILABILITY;
    }

    /** The platform the natives of this build are for, e.g. {@code linux-x86_64}. */
    static String shippedPlatform() {
        return Build.PROPERTIES.getProperty("platform");
    }

    /** The {@code --add-modules} value that puts this build's natives into the module graph. */
    static String nativeModules() {
        return Build.PROPERTIES.getProperty("modules");
    }

    // Class initialisation runs once, under the JVM's lock: the result is computed once and immutable.
    private static final class Loaded {
        static final Availability AVAILABILITY = load();
    }

    private static final class Filters {
        static final Availability AVAILABILITY = loadFilters();
    }

    private static final class Build {
        static final Properties PROPERTIES = read();

        private static Properties read() {
            Properties properties = new Properties();
            try (InputStream in = Natives.class.getResourceAsStream("natives.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        }
    }

    private static Availability load() {
        String shipped = shippedPlatform();
        String here;
        try {
            here = Loader.getPlatform();
        } catch (LinkageError e) {
            return Availability.unavailable("JavaCPP (org.bytedeco.javacpp) is missing: " + e);
        }
        if (shipped != null && !shipped.equals(here)) {
            return Availability.unavailable("FFmpeg natives for " + here + " are not in this distribution"
                    + " (it has them for " + shipped + " only; see the README to build for another platform)");
        }
        return loading(() -> {
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            Loader.load(swscale.class);
            FfmpegLog.install();
        });
    }

    private static Availability loadFilters() {
        Availability base = availability();
        return base.available() ? loading(() -> Loader.load(avfilter.class)) : base;
    }

    /** Runs a loading step and says whether it worked, and if not why. */
    private static Availability loading(Runnable step) {
        try {
            step.run();
            return Availability.AVAILABLE;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            return Availability.unavailable(why(e));
        } catch (RuntimeException e) {
            return Availability.unavailable("FFmpeg natives failed to load: " + e);
        }
    }

    private static String why(Throwable e) {
        String message = deepestMessage(e);
        // JavaCPP says "Could not find jniavutil in class, module, and library paths" (or "no jniavutil").
        if (message.contains("jniavutil") || message.contains("jnijavacpp")) {
            if ("false".equalsIgnoreCase(System.getProperty("org.bytedeco.javacpp.findLibraries"))) {
                // JavaCPP was told to load from java.library.path only (as the reel distribution does).
                return "FFmpeg natives for " + Loader.getPlatform() + " are not on java.library.path ("
                        + System.getProperty("java.library.path") + "): " + message;
            }
            // JavaCPP searched the modules, then java.library.path.
            return "FFmpeg natives for " + Loader.getPlatform() + " are neither in the module graph nor on"
                    + " java.library.path (" + message + "); start Java with --add-modules " + nativeModules()
                    + ", or with the folder of their unpacked libraries (lib/native in the reel distribution)"
                    + " on java.library.path";
        }
        if (message.contains("GLIBC_")) {
            return "FFmpeg natives need glibc 2.35 or newer: " + message;
        }
        return "FFmpeg natives failed to load: " + message;
    }

    private static String deepestMessage(Throwable e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return e.getClass().getSimpleName() + ": " + message;
    }
}
