package dev.reel.api;

/**
 * A movie script (or the part of it a provider reads) is wrong. The message is one line: where
 * (file and position, e.g. {@code movie.yaml: sequences[2]}), the key, and what was expected.
 */
public class ScriptException extends ReelException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String key;

    /**
     * @param location the file and position, e.g. {@code movie.yaml: sequences[2]}
     * @param key the offending key, or {@code null} when the problem is the section as a whole
     * @param problem what is wrong and what was expected
     */
    public ScriptException(String location, String key, String problem) {
        super(location + (key == null ? "" : ": " + key) + ": " + problem);
        this.location = location;
        this.key = key;
    }

    public String location() {
        return location;
    }

    /** The offending key, or {@code null}. */
    public String key() {
        return key;
    }
}
