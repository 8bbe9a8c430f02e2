package dev.reel.app;

import dev.reel.api.Movie;
import dev.reel.api.ProviderLookupException;
import dev.reel.api.ReelException;
import dev.reel.api.Registry;
import dev.reel.api.ScriptException;
import dev.reel.api.Sequence;
import dev.reel.api.spi.SequenceProvider;
import dev.reel.api.spi.SequenceSpec;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@link Movie} of a {@link MovieScript}: each sequence entry's {@code type} picks a
 * {@link SequenceProvider} from the registry, which builds the sequence from the entry; then the
 * {@link SequenceDecorator} applies the keys every entry accepts. Every problem is a
 * {@link ScriptException} with one line naming the file, the key path (e.g.
 * {@code movie.yaml: sequences[1].dx.t}) and what was expected. Thread-safe if the providers are.
 */
final class MovieLoader {
    private final Registry registry;
    private final SequenceDecorator decorator;

    MovieLoader(Registry registry, SequenceDecorator decorator) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.decorator = Objects.requireNonNull(decorator, "decorator");
    }

    /**
     * Builds the movie. On failure every frame source opened so far is closed.
     *
     * @throws ScriptException for a bad sequence entry, an unknown type, a file that cannot be
     *     opened or a movie without frames
     */
    LoadedMovie load(MovieScript script) {
        ScriptSources sources = new ScriptSources(registry, script.format());
        try {
            List<Sequence> built = new ArrayList<>();
            for (SequenceSpec entry : script.sequences()) {
                try {
                    built.add(build(entry, sources));
                } catch (ScriptException e) {
                    throw oneLine(e);
                }
            }
            List<Sequence> sequences;
            try {
                sequences = decorator.decorate(script.sequences(), built, script.format());
            } catch (ScriptException e) {
                throw oneLine(e);
            }
            Movie movie;
            try {
                movie = new Movie(script.format(), sequences);
            } catch (IllegalArgumentException e) {
                throw new ScriptException(script.name(), "sequences", e.getMessage());
            }
            return new LoadedMovie(script, movie, sources);
        } catch (RuntimeException | Error e) {
            try {
                sources.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private Sequence build(SequenceSpec entry, ScriptSources sources) {
        Object type = entry.values().get("type");
        List<String> known = registry.sequenceTypes().stream().map(Registry.Entry::name).toList();
        String types = known.isEmpty() ? "no sequence type is installed" : "one of " + String.join(", ", known);
        if (type == null) {
            throw entry.error("type", "missing; expected a sequence type, " + types);
        }
        if (!(type instanceof String name)) {
            throw entry.error("type", "expected a sequence type, " + types + "; got " + ScriptReader.describe(type));
        }
        SequenceProvider provider;
        try {
            provider = registry.sequenceType(name);
        } catch (ProviderLookupException e) {
            throw entry.error("type", known.isEmpty()
                    ? "unknown sequence type '" + name + "'; no sequence type is installed"
                    : KeySuggestion.unknown("sequence type '" + name + "'", name, known));
        }
        Sequence sequence;
        try {
            sequence = provider.create(forProvider(entry), sources);
        } catch (NoSuchFileException e) {
            throw entry.error(null, "cannot open " + e.getFile() + ": no such file");
        } catch (AccessDeniedException e) {
            throw entry.error(null, "cannot open " + e.getFile() + ": permission denied");
        } catch (ScriptException e) {
            throw e;
        } catch (IOException | ReelException | IllegalArgumentException e) {
            // A database that cannot be opened or a view it rejects: bad input, named by its entry.
            throw entry.error(null, problem(e));
        }
        if (sequence == null) {
            throw entry.error(null, "sequence type '" + name + "' (" + provider.getClass().getName()
                    + ") built nothing; this is a bug in its provider");
        }
        return sequence;
    }

    /** The entry without the decorator's keys. */
    private SequenceSpec forProvider(SequenceSpec entry) {
        if (decorator.keys().stream().noneMatch(entry.values()::containsKey)) {
            return entry;
        }
        Map<String, Object> values = new LinkedHashMap<>(entry.values());
        values.keySet().removeAll(decorator.keys());
        return new SequenceSpec(entry.location(), entry.baseDirectory(), values);
    }

    /**
     * {@link ScriptException} joins location and key with a colon ({@code movie.yaml: sequences[1]:
     * dx.t: ...}); a key path reads better as one path: {@code movie.yaml: sequences[1].dx.t: ...}.
     */
    static ScriptException oneLine(ScriptException e) {
        String location = e.location();
        String key = e.key();
        String message = e.getMessage();
        String prefix = location + ": " + key + ": ";
        if (key == null || location == null || !location.endsWith("]") || !message.startsWith(prefix)) {
            return e;
        }
        String joined = location + (key.startsWith("[") ? "" : ".") + key;
        ScriptException clear = new ScriptException(joined, null, message.substring(prefix.length()));
        clear.initCause(e);
        return clear;
    }

    private static String problem(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }
}
