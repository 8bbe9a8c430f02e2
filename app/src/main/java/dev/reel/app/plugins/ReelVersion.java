package dev.reel.app.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The version of reel that plugins are checked against.
 *
 * @param full the build's version, e.g. {@code 0.1.0-SNAPSHOT}
 */
record ReelVersion(String full) {
    ReelVersion {
        Objects.requireNonNull(full, "full");
    }

    /** The version of this build, from the {@code version.properties} the build filters. */
    static ReelVersion current() {
        Properties p = new Properties();
        try (InputStream in = ReelVersion.class.getResourceAsStream("/dev/reel/app/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReelVersion(p.getProperty("version", "0.0.0"));
    }

    /**
     * The release this build is, without its pre-release or build qualifier ({@code 0.1.0} for
     * {@code 0.1.0-SNAPSHOT}): semantic versioning ranks a pre-release below its release, so
     * without this a plugin requiring {@code >=0.1.0} would refuse the development builds of 0.1.0.
     */
    String release() {
        int cut = full.length();
        for (char c : new char[] {'-', '+'}) {
            int i = full.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return full.substring(0, cut);
    }

    @Override
    public String toString() {
        return full;
    }
}
