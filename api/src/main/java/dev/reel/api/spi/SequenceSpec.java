package dev.reel.api.spi;

import dev.reel.api.ScriptException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a script's {@code sequences:} list, as parsed YAML values (strings, numbers,
 * booleans, lists and maps), with accessors that turn a missing or mistyped key into a
 * {@link ScriptException} naming the file, the entry and the key.
 */
public final class SequenceSpec {
    private final String location;
    private final Path baseDirectory;
    private final Map<String, Object> values;

    /**
     * @param location the file and position for messages, e.g. {@code movie.yaml: sequences[2]}
     * @param baseDirectory the folder relative paths are resolved against (the script's folder)
     * @param values the entry's keys and values, {@code type} included
     */
    public SequenceSpec(String location, Path baseDirectory, Map<String, ?> values) {
        this.location = Objects.requireNonNull(location, "location");
        this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String location() {
        return location;
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    /** Every key and value, in script order. */
    public Map<String, Object> values() {
        return values;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** The sequence type, the {@code type:} key. */
    public String type() {
        return string("type");
    }

    /** A required value of any kind. */
    public Object value(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw error(key, "missing; this sequence type needs it");
        }
        return v;
    }

    /** A required string. */
    public String string(String key) {
        Object v = value(key);
        if (!(v instanceof String s)) {
            throw error(key, "expected text, got " + describe(v));
        }
        return s;
    }

    /** A required finite number. */
    public double number(String key) {
        Object v = value(key);
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw error(key, "expected a finite number, got " + describe(v));
        }
        return n.doubleValue();
    }

    /** A required path, resolved against the script's folder when relative. */
    public Path path(String key) {
        String s = string(key);
        if (s.isBlank()) {
            throw error(key, "expected a file path, got an empty string");
        }
        return baseDirectory.resolve(s).normalize();
    }

    /** A required mapping, e.g. a keyframe track {@code {t: [...], v: [...]}}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object v = value(key);
        if (!(v instanceof Map<?, ?> m)) {
            throw error(key, "expected a mapping such as {t: [0, 10], v: [0, 1]}, got " + describe(v));
        }
        return (Map<String, Object>) m;
    }

    /** A required list. */
    public List<?> list(String key) {
        Object v = value(key);
        if (!(v instanceof List<?> l)) {
            throw error(key, "expected a list, got " + describe(v));
        }
        return l;
    }

    /** A {@link ScriptException} for a key of this entry; {@code key} may be null. */
    public ScriptException error(String key, String problem) {
        return new ScriptException(location, key, problem);
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return String.valueOf(v);
    }

    @Override
    public String toString() {
        return location + " " + values;
    }
}
