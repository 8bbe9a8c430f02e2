package dev.reel.api;

import dev.reel.api.spi.Availability;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.api.spi.FrameSourceProvider;
import dev.reel.api.spi.ReelProvider;
import dev.reel.api.spi.SequenceProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The providers reel can use, indexed by name: encoders, sequence types and frame sources, found
 * with {@link ServiceLoader} in the boot layer (built-in modules), in plugin module layers, or on a
 * class path.
 *
 * <p>Names are unique per kind. When two providers claim one name the first registered keeps it
 * (built-ins are registered first) and the other is reported in {@link #problems()}, never silently
 * used; so is a provider that fails to load or has an invalid name. A lookup of an unknown name
 * fails with a message that lists the known ones. Immutable and thread-safe once built.
 */
public final class Registry {
    /** The name that asks for the best available encoder. */
    public static final String AUTO = "auto";
    /** Encoders {@code auto} tries first, in order; then any other available one. */
    public static final List<String> AUTO_PREFERENCE = List.of("ffmpeg", "jcodec");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * A registered provider.
     *
     * @param name its name, e.g. {@code jcodec}
     * @param provider the provider
     * @param origin where it came from: {@code built-in}, or a plugin's id
     */
    public record Entry<P extends ReelProvider>(String name, P provider, String origin) {
    }

    /**
     * Something that went wrong while finding providers; the provider concerned was skipped.
     *
     * @param origin {@code built-in} or the plugin's id
     * @param message one line saying what and why
     */
    public record Problem(String origin, String message) {
        @Override
        public String toString() {
            return origin + ": " + message;
        }
    }

    private final Map<String, Entry<EncoderProvider>> encoders;
    private final Map<String, Entry<SequenceProvider>> sequenceTypes;
    private final Map<String, Entry<FrameSourceProvider>> frameSources;
    private final List<Problem> problems;

    private Registry(Builder b) {
        List<Problem> found = new ArrayList<>(b.problems);
        encoders = index("encoder", b.encoders, found);
        sequenceTypes = index("sequence type", b.sequenceTypes, found);
        frameSources = index("frame source", b.frameSources, found);
        encoders.remove(AUTO);
        problems = List.copyOf(found);
    }

    /**
     * The built-in providers: every module (or class-path jar) visible to reel's own class loader
     * that provides a reel service.
     */
    public static Registry builtIn() {
        return builder().addClassLoader(Registry.class.getClassLoader(), "built-in").build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Encoders in registration order (built-ins first). */
    public List<Entry<EncoderProvider>> encoders() {
        return List.copyOf(encoders.values());
    }

    /** Sequence types in registration order. */
    public List<Entry<SequenceProvider>> sequenceTypes() {
        return List.copyOf(sequenceTypes.values());
    }

    /** Frame sources in the order they are offered files. */
    public List<Entry<FrameSourceProvider>> frameSources() {
        return List.copyOf(frameSources.values());
    }

    /** Providers that were skipped, and why. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The encoder with this name, available or not.
     *
     * @throws ProviderLookupException if none has it, listing the known names
     */
    public EncoderProvider encoder(String name) {
        return lookup("encoder", name, encoders).provider();
    }

    /**
     * The encoder a script or {@code --encoder} asks for: a name, or {@code auto} (or null) for
     * FFmpeg when its natives load, else JCodec, else any other available encoder.
     *
     * @throws ProviderLookupException if the name is unknown, or the encoder (for {@code auto}: every
     *     encoder) is unavailable here; the message says why and lists what is available
     */
    public EncoderProvider chooseEncoder(String name) {
        if (name == null || name.equals(AUTO)) {
            List<Entry<EncoderProvider>> order = new ArrayList<>();
            AUTO_PREFERENCE.stream().map(encoders::get).filter(Objects::nonNull).forEach(order::add);
            encoders.values().stream().filter(e -> !order.contains(e)).forEach(order::add);
            List<String> reasons = new ArrayList<>();
            for (Entry<EncoderProvider> e : order) {
                Availability a = availability(e.provider());
                if (a.available()) {
                    return e.provider();
                }
                reasons.add(e.name() + ": " + a.reason());
            }
            throw new ProviderLookupException(encoders.isEmpty()
                    ? "no encoder is installed"
                    : "no encoder is available here (" + String.join("; ", reasons) + ")");
        }
        EncoderProvider p = encoder(name);
        Availability a = availability(p);
        if (!a.available()) {
            String others = encoders.values().stream()
                    .filter(e -> e.provider() != p && availability(e.provider()).available())
                    .map(Entry::name).collect(Collectors.joining(", "));
            throw new ProviderLookupException("encoder '" + name + "' is not available here: " + a.reason()
                    + (others.isEmpty() ? "; no other encoder is available" : "; available: " + others));
        }
        return p;
    }

    /** A provider's availability; a provider that throws is unavailable, with its error as reason. */
    public static Availability availability(EncoderProvider p) {
        try {
            Availability a = p.availability();
            return a != null ? a : Availability.unavailable("its availability check answered nothing");
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("its availability check failed: " + RenderException.causeText(e));
        }
    }

    /**
     * The sequence type with this name.
     *
     * @throws ProviderLookupException if none has it, listing the known types
     */
    public SequenceProvider sequenceType(String type) {
        return lookup("sequence type", type, sequenceTypes).provider();
    }

    /**
     * The first frame source that recognises these files.
     *
     * @throws ProviderLookupException if none does, listing what each installed one opens
     */
    public FrameSourceProvider frameSourceFor(Map<String, Path> files) {
        for (Entry<FrameSourceProvider> e : frameSources.values()) {
            boolean yes;
            try {
                yes = e.provider().recognises(files);
            } catch (RuntimeException ex) {
                yes = false;
            }
            if (yes) {
                return e.provider();
            }
        }
        String known = frameSources.values().stream()
                .map(e -> e.name() + " (" + e.provider().filesDescription() + ")")
                .collect(Collectors.joining("; "));
        throw new ProviderLookupException("no frame source can open " + files
                + (known.isEmpty() ? ": no frame source is installed" : "; installed: " + known));
    }

    /** Opens files with {@link #frameSourceFor}. */
    public FrameSource openSource(Map<String, Path> files) throws IOException {
        return frameSourceFor(files).open(files);
    }

    private static <P extends ReelProvider> Entry<P> lookup(String kind, String name,
            Map<String, Entry<P>> index) {
        Entry<P> e = index.get(name);
        if (e == null) {
            throw new ProviderLookupException("unknown " + kind + " '" + name + "'; " + (index.isEmpty()
                    ? "no " + kind + " is installed"
                    : "known: " + String.join(", ", index.keySet())));
        }
        return e;
    }

    private static <P extends ReelProvider> Map<String, Entry<P>> index(String kind,
            List<Candidate<P>> candidates, List<Problem> problems) {
        Map<String, Entry<P>> byName = new LinkedHashMap<>();
        for (Candidate<P> c : candidates) {
            P p;
            String name;
            try {
                p = c.provider().get();
                name = p.name();
            } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
                // ServiceLoader wraps the provider's own exception: report the one a user can act on.
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                problems.add(new Problem(c.origin(), kind + " provider " + c.typeName() + " failed to load: "
                        + RenderException.causeText(root)));
                continue;
            }
            if (name == null || !NAME.matcher(name).matches()) {
                problems.add(new Problem(c.origin(), kind + " provider " + c.typeName() + " has an invalid name '"
                        + name + "' (expected lower-case letters, digits and single hyphens, e.g. camera-pan)"));
                continue;
            }
            if (kind.equals("encoder") && name.equals(AUTO)) {
                problems.add(new Problem(c.origin(), "encoder provider " + c.typeName()
                        + " may not be called 'auto': that name picks the best available encoder"));
                continue;
            }
            Entry<P> taken = byName.get(name);
            if (taken != null) {
                if (taken.provider().getClass() != p.getClass()) {
                    problems.add(new Problem(c.origin(), kind + " '" + name + "' (" + c.typeName()
                            + ") ignored: the name is already taken by " + taken.provider().getClass().getName()
                            + " from " + taken.origin()));
                }
                continue;
            }
            byName.put(name, new Entry<>(name, p, c.origin()));
        }
        return byName;
    }

    private record Candidate<P>(Supplier<P> provider, String typeName, String origin) {
    }

    /** Collects providers from layers, class loaders and explicit instances, in priority order. */
    public static final class Builder {
        private final List<Candidate<EncoderProvider>> encoders = new ArrayList<>();
        private final List<Candidate<SequenceProvider>> sequenceTypes = new ArrayList<>();
        private final List<Candidate<FrameSourceProvider>> frameSources = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds the providers of the modules of one layer (not of its parents, which are added on
         * their own), e.g. a plugin's layer.
         */
        public Builder addLayer(ModuleLayer layer, String origin) {
            load(encoders, ServiceLoader.load(layer, EncoderProvider.class), layer, origin);
            load(sequenceTypes, ServiceLoader.load(layer, SequenceProvider.class), layer, origin);
            load(frameSources, ServiceLoader.load(layer, FrameSourceProvider.class), layer, origin);
            return this;
        }

        /**
         * Adds the providers visible to a class loader: named modules defined to it and its
         * parents, and class-path jars that list them in {@code META-INF/services}.
         */
        public Builder addClassLoader(ClassLoader loader, String origin) {
            load(encoders, ServiceLoader.load(EncoderProvider.class, loader), null, origin);
            load(sequenceTypes, ServiceLoader.load(SequenceProvider.class, loader), null, origin);
            load(frameSources, ServiceLoader.load(FrameSourceProvider.class, loader), null, origin);
            return this;
        }

        /** Adds providers made by hand, e.g. by a Java program that embeds reel. */
        public Builder add(String origin, ReelProvider... providers) {
            return add(origin, List.of(providers));
        }

        /** Adds providers made by hand; each goes to the kinds it implements. */
        public Builder add(String origin, Collection<? extends ReelProvider> providers) {
            for (ReelProvider p : providers) {
                boolean known = false;
                if (p instanceof EncoderProvider e) {
                    encoders.add(new Candidate<>(() -> e, e.getClass().getName(), origin));
                    known = true;
                }
                if (p instanceof SequenceProvider s) {
                    sequenceTypes.add(new Candidate<>(() -> s, s.getClass().getName(), origin));
                    known = true;
                }
                if (p instanceof FrameSourceProvider f) {
                    frameSources.add(new Candidate<>(() -> f, f.getClass().getName(), origin));
                    known = true;
                }
                if (!known) {
                    throw new IllegalArgumentException(p.getClass().getName()
                            + " is not an encoder, sequence or frame source provider");
                }
            }
            return this;
        }

        private <P> void load(List<Candidate<P>> into, ServiceLoader<P> loader, ModuleLayer only, String origin) {
            try {
                loader.stream().forEach(sp -> {
                    if (only != null && sp.type().getModule().getLayer() != only) {
                        return;
                    }
                    into.add(new Candidate<>(sp::get, sp.type().getName(), origin));
                });
            } catch (java.util.ServiceConfigurationError e) {
                problems.add(new Problem(origin, "providers could not be listed: " + RenderException.causeText(e)));
            }
        }

        public Registry build() {
            return new Registry(this);
        }
    }
}
