package dev.reel.sequences;

import dev.reel.api.FrameSource;
import dev.reel.api.InvalidViewException;
import dev.reel.api.Picture;
import dev.reel.api.View;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A fake database that draws nothing but records the views it is asked to check and draw: the
 * views drawn are kept per picture, so an encoder can read back which view made which frame.
 * Thread-safe.
 */
final class RecordingSource implements FrameSource {
    private final String description;
    private final Class<? extends View> kind;
    /** Null for a view inside the data, else why it is outside. */
    private final Function<View, String> limit;
    final List<View> checked = Collections.synchronizedList(new ArrayList<>());
    final Map<Picture, View> drawn = Collections.synchronizedMap(new IdentityHashMap<>());

    RecordingSource(String description, Class<? extends View> kind, Function<View, String> limit) {
        this.description = description;
        this.kind = kind;
        this.limit = limit;
    }

    RecordingSource(String description, Class<? extends View> kind) {
        this(description, kind, v -> null);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean supports(Class<? extends View> k) {
        return k == kind;
    }

    @Override
    public void check(View view, int width, int height) {
        FrameSource.super.check(view, width, height);
        checked.add(view);
        String problem = limit.apply(view);
        if (problem != null) {
            throw new InvalidViewException(description + ": " + problem);
        }
    }

    @Override
    public void draw(View view, Picture target) {
        String problem = limit.apply(view);
        if (problem != null) {
            throw new InvalidViewException(description + ": " + problem);
        }
        target.fill(0x808080);
        drawn.put(target, view);
    }
}
