package dev.reel.encoder.jcodec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The movie-script {@code metadata:} keys the jcodec encoder writes, each as the iTunes-style item
 * ({@code moov/udta/meta/ilst}) that FFmpeg, players and file browsers read back under the same
 * name. Declaration order is the order the items are written in, so that a file's bytes never
 * depend on the iteration order of a map.
 */
enum Mp4MetadataKey {
    TITLE("title", "\u00a9nam"),
    ARTIST("artist", "\u00a9ART"),
    ALBUM("album", "\u00a9alb"),
    COMPOSER("composer", "\u00a9wrt"),
    GENRE("genre", "\u00a9gen"),
    DATE("date", "\u00a9day"),
    DESCRIPTION("description", "desc"),
    COMMENT("comment", "\u00a9cmt"),
    COPYRIGHT("copyright", "cprt");

    private final String scriptName;
    private final int fourcc;

    Mp4MetadataKey(String scriptName, String atom) {
        this.scriptName = scriptName;
        // The atom's four bytes (Mac Roman: (c) is 0xA9) as one big-endian int.
        byte[] b = atom.getBytes(StandardCharsets.ISO_8859_1);
        this.fourcc = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    /** The key as a movie script writes it, e.g. {@code title}. */
    String scriptName() {
        return scriptName;
    }

    /** The item's four-character code as a big-endian int, e.g. {@code 0xA96E616D} for title. */
    int fourcc() {
        return fourcc;
    }

    /** The key for a script name; case-insensitive, as FFmpeg's metadata keys are. */
    static Optional<Mp4MetadataKey> forName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.scriptName.equals(lower)).findFirst();
    }

    /** Every script name, in writing order. */
    static List<String> names() {
        return Arrays.stream(values()).map(Mp4MetadataKey::scriptName).toList();
    }
}
