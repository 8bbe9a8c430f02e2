package dev.reel.sequences;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the SciPy tables under {@code src/test/resources/scipy} (written by its generate.py):
 * named lines {@code key value value ...} and rows of numbers. Lines starting with # are comments.
 */
record ReferenceTable(String name, Map<String, String[]> named, List<double[]> rows) {

    static ReferenceTable load(String name) {
        try (InputStream in = ReferenceTable.class.getResourceAsStream("/scipy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource scipy/" + name);
            }
            Map<String, String[]> named = new LinkedHashMap<>();
            List<double[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.trim().split(" ");
                if (Character.isLetter(words[0].charAt(0))) {
                    named.put(words[0], Arrays.copyOfRange(words, 1, words.length));
                } else {
                    rows.add(Arrays.stream(words).mapToDouble(w -> w.equals("-") ? Double.NaN : Double.parseDouble(w)).toArray());
                }
            }
            return new ReferenceTable(name, named, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(String key) {
        return named.get(key)[0];
    }

    double[] numbers(String key) {
        return Arrays.stream(named.get(key)).mapToDouble(Double::parseDouble).toArray();
    }

    /** The track named {@code prefix.t} / {@code prefix.v} (or {@code t} / {@code v} for an empty prefix). */
    Track track(String prefix, Interpolation kind) {
        String p = prefix.isEmpty() ? "" : prefix + ".";
        return new Track(numbers(p + "t"), numbers(p + "v"), kind);
    }
}
