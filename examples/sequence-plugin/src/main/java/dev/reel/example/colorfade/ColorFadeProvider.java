package dev.reel.example.colorfade;

import dev.reel.api.Sequence;
import dev.reel.api.spi.SequenceContext;
import dev.reel.api.spi.SequenceProvider;
import dev.reel.api.spi.SequenceSpec;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code color-fade} sequence type: the whole frame in one colour, fading linearly from
 * {@code from} to {@code to} between movie times {@code start} and {@code end}; for title
 * backgrounds, pauses and fades to black. In a movie script:
 * <pre>
 * - type: color-fade
 *   start: 10
 *   end: 12
 *   from: "#203050"   # quoted: in YAML an unquoted # starts a comment
 *   to: "#000000"     # optional: the same colour as from
 * </pre>
 * Stateless and thread-safe.
 */
public final class ColorFadeProvider implements SequenceProvider {
    private static final Set<String> KEYS = Set.of("type", "start", "end", "from", "to");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    @Override
    public String name() {
        return "color-fade";
    }

    @Override
    public String description() {
        return "the whole frame in one colour, fading from one colour to another";
    }

    @Override
    public Sequence create(SequenceSpec spec, SequenceContext context) {
        for (String key : spec.keys()) {
            if (!KEYS.contains(key)) {
                throw spec.error(key, "unknown key; color-fade takes start, end, from and to");
            }
        }
        double start = spec.number("start");
        double end = spec.number("end");
        if (end <= start) {
            throw spec.error("end", "expected a time after start (" + start + " s), got " + end);
        }
        int from = color(spec, "from");
        return new ColorFade(start, end, from, spec.has("to") ? color(spec, "to") : from);
    }

    private static int color(SequenceSpec spec, String key) {
        if (!spec.has(key)) {
            throw spec.error(key, "missing; expected a colour in quotes such as \"#1a2b3c\""
                    + " (unquoted, # starts a YAML comment)");
        }
        String text = spec.string(key);
        if (!COLOR.matcher(text).matches()) {
            throw spec.error(key, "expected a colour such as \"#1a2b3c\", got '" + text + "'");
        }
        return Integer.parseInt(text.substring(1), 16);
    }
}
